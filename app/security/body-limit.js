// The server-wide limits on request bodies. Plain JavaScript so that server.js can use it
// without a build step; the routes import the same numbers (docs/security.md, "Body limits").
//
// A body is counted while it streams in, before anything parses it: a declared
// Content-Length over the cap is refused at once, a chunked body as soon as it passes the
// cap. The refusal is a 413 with a short text, and the connection is closed after it, so
// the rest of an oversized body is never read (the connection stays open, unread, for a
// moment so that the client can read the answer).
//
// A cap per request is not enough on its own: 1,500 connections each sending all but the
// last byte of a capped body hold 1,500 caps of memory. So the bodies being read (and then
// handled) share a budget of bytes, and one client may have only a few of them at once;
// beyond either, a 503 with Retry-After, and the connection closed likewise.

const KB = 1024;
const MB = 1024 * KB;

/** Every form but the few below: the largest is well under this. */

import { clientKey } from "./client-key.js";

export const FORM_BODY_MAX_BYTES = 64 * KB;
/** The questionnaire (app/routes/uitnodiging.$token.vragenlijst.tsx): every comment at full length. */
export const QUESTIONNAIRE_BODY_MAX_BYTES = 400 * KB;
/** The import's apply form (ticked ids, app/routes/beheer.mensen.importeren.$importId.tsx). */
export const IMPORT_APPLY_BODY_MAX_BYTES = 1 * MB;
/** A people import of at most 2 MB, plus its multipart framing (the upload route only). */
export const UPLOAD_BODY_MAX_BYTES = 2 * MB + 64 * KB;
/**
 * A profile import of at most 512 KB (the parser's limit, MAX_IMPORT_BYTES in
 * app/profiles/plain-text-import.ts), plus its name and the multipart framing.
 */
export const PROFILE_UPLOAD_BODY_MAX_BYTES = 512 * KB + 64 * KB;
/**
 * The profile editor's form (app/routes/beheer.profielen.$profileId_.bewerken.tsx): a profile
 * as large as an import, plus the form's field names.
 */
export const PROFILE_EDIT_BODY_MAX_BYTES = 768 * KB;

/** All bodies in flight together (reserved by declared length, or as chunks arrive). */
export const BODY_BYTES_IN_FLIGHT_MAX = 32 * MB;
/** Bodies one client (one address; one /64 for IPv6) may have in flight at once. */
export const BODIES_PER_CLIENT_MAX = 8;
/** What a 503 asks the client to wait, in seconds. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

/**
 * The session cookie's names, as app/auth/session.server.ts's sessionCookieName() gives them
 * (`__Host-` over HTTPS, plain otherwise; a test keeps the two in step).
 */
export const SESSION_COOKIE_NAMES = Object.freeze(["__Host-rondom_session", "rondom_session"]);

/**
 * The upload page (app/routes/beheer.mensen.importeren._index.tsx), with or without a
 * trailing slash, and its single-fetch form (`.data`). Anchored: any other path, however
 * it is spelt, gets the form cap (the safe side).
 */
const UPLOAD_PATH = /^\/beheer\/mensen\/importeren(?:\/|\.data)?$/i;
/** The profile library's upload page (app/routes/beheer.profielen.importeren._index.tsx), likewise. */
const PROFILE_UPLOAD_PATH = /^\/beheer\/profielen\/importeren(?:\/|\.data)?$/i;
/** A profile's editor, and its `.data`. */
const PROFILE_EDIT_PATH = /^\/beheer\/profielen\/[^/]+?\/bewerken(?:\/|\.data)?$/i;
/** An import's preview and apply form, and its `.data`. */
const IMPORT_APPLY_PATH = /^\/beheer\/mensen\/importeren\/[^/]+?(?:\/|\.data)?$/i;
/** The questionnaire of an invitation, and its `.data` (autosave posts there). */
const QUESTIONNAIRE_PATH = /^\/uitnodiging\/[^/]+\/vragenlijst(?:\/|\.data)?$/i;

const tooLarge = (/** @type {string} */ size) =>
  `Het formulier is te groot (maximaal ${size}). / The form is too large (at most ${size}).`;

const FORM = { maxBytes: FORM_BODY_MAX_BYTES, message: tooLarge("64 kB") };
const QUESTIONNAIRE = { maxBytes: QUESTIONNAIRE_BODY_MAX_BYTES, message: tooLarge("400 kB") };
const IMPORT_APPLY = { maxBytes: IMPORT_APPLY_BODY_MAX_BYTES, message: tooLarge("1 MB") };
const UPLOAD = {
  maxBytes: UPLOAD_BODY_MAX_BYTES,
  message:
    "Het bestand is te groot: een import mag hoogstens 2 MB zijn. / " +
    "The file is too large: an import may be at most 2 MB.",
};
const PROFILE_EDIT = { maxBytes: PROFILE_EDIT_BODY_MAX_BYTES, message: tooLarge("768 kB") };
const PROFILE_UPLOAD = {
  maxBytes: PROFILE_UPLOAD_BODY_MAX_BYTES,
  message:
    "Het bestand is te groot: een profiel mag hoogstens 512 kB zijn. / " +
    "The file is too large: a profile may be at most 512 kB.",
};

const BUSY =
  "De server heeft het even te druk; probeer het over een paar seconden opnieuw. / " +
  "The server is busy; please try again in a few seconds.";

/**
 * The one rule: which cap holds for a path (without its query string). The upload and the
 * import's apply form get their large caps only when the request carries a session cookie:
 * only signed-in HR can use them, and an anonymous client is not read 2 MB before the route
 * finds out. Only the cookie's presence is checked here (plain JS, no database): the route
 * still authorises, so a forged cookie buys at most the larger cap, then a refusal.
 * @param {string} pathname
 * @param {string | undefined} [cookieHeader] the request's Cookie header
 * @returns {{ maxBytes: number, message: string }}
 */
export function bodyLimitFor(pathname, cookieHeader) {
  if (QUESTIONNAIRE_PATH.test(pathname)) return QUESTIONNAIRE;
  if (hasSessionCookie(cookieHeader)) {
    if (UPLOAD_PATH.test(pathname)) return UPLOAD;
    if (PROFILE_UPLOAD_PATH.test(pathname)) return PROFILE_UPLOAD;
    if (IMPORT_APPLY_PATH.test(pathname)) return IMPORT_APPLY;
    if (PROFILE_EDIT_PATH.test(pathname)) return PROFILE_EDIT;
  }
  return FORM;
}

/**
 * Whether a Cookie header holds a non-empty session cookie (either name).
 * @param {string | undefined} cookieHeader
 */
export function hasSessionCookie(cookieHeader) {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((pair) => {
    const eq = pair.indexOf("=");
    if (eq < 0) return false;
    const name = pair.slice(0, eq).trim();
    return SESSION_COOKIE_NAMES.includes(name) && pair.slice(eq + 1).trim() !== "";
  });
}

// What is in flight: bytes reserved by bodies being read or handled, how many bodies, and
// how many per client. A body holds its share from its first byte until its answer is done
// (or it is refused, or its client goes away).
let bytesInFlight = 0;
let bodiesInFlight = 0;
/** @type {Map<string, number>} */
const bodiesPerClient = new Map();

/** What is in flight now (for the tests, and for anyone curious). */
export function bodiesInFlightNow() {
  return { bytes: bytesInFlight, bodies: bodiesInFlight, clients: bodiesPerClient.size };
}

/** @type {WeakMap<import("node:http").IncomingMessage, Promise<Buffer | null>>} */
const bodies = new WeakMap();

/**
 * Reads the body of a request within the cap of its path, once (later calls get the same
 * answer). Resolves with the whole body, or null when the request has been answered with a
 * 413 or 503 (or the client went away): then nothing else may answer it.
 * @param {import("node:http").IncomingMessage & { originalUrl?: string, ip?: string }} req
 * @param {import("node:http").ServerResponse} res
 * @returns {Promise<Buffer | null>}
 */
export function readBodyWithinLimit(req, res) {
  let body = bodies.get(req);
  if (!body) {
    body = readBody(req, res);
    bodies.set(req, body);
  }
  return body;
}

/**
 * Express middleware: every request's body is read within its cap before the next handler
 * runs; an oversized one is answered here with 413, one over the budgets with 503.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {(error?: unknown) => void} next
 */
export function limitRequestBodies(req, res, next) {
  readBodyWithinLimit(req, res).then((body) => {
    if (body !== null) next();
  }, next);
}

/**
 * @param {import("node:http").IncomingMessage & { originalUrl?: string, ip?: string }} req
 * @param {import("node:http").ServerResponse} res
 * @returns {Promise<Buffer | null>}
 */
function readBody(req, res) {
  const pathname = (req.originalUrl ?? req.url ?? "/").split("?")[0] ?? "/";
  const limit = bodyLimitFor(pathname, req.headers.cookie);
  const declared = req.headers["content-length"];
  const chunked = req.headers["transfer-encoding"] !== undefined;
  if (!chunked && (declared === undefined || Number(declared) === 0)) {
    return Promise.resolve(Buffer.alloc(0));
  }
  if (Number(declared) > limit.maxBytes) {
    refuse(req, res, 413, limit.message);
    return Promise.resolve(null);
  }

  // A declared body reserves its length at once (a client that sends all but its last byte
  // holds it all); a chunked one reserves as its chunks arrive.
  const client = clientOf(req);
  const upfront = chunked ? 0 : Number(declared);
  if (
    (bodiesPerClient.get(client) ?? 0) >= BODIES_PER_CLIENT_MAX ||
    bytesInFlight + upfront > BODY_BYTES_IN_FLIGHT_MAX
  ) {
    refuse(req, res, 503, BUSY);
    return Promise.resolve(null);
  }
  let reserved = upfront;
  bytesInFlight += reserved;
  bodiesInFlight += 1;
  bodiesPerClient.set(client, (bodiesPerClient.get(client) ?? 0) + 1);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    bytesInFlight -= reserved;
    reserved = 0;
    bodiesInFlight -= 1;
    const left = (bodiesPerClient.get(client) ?? 1) - 1;
    if (left > 0) bodiesPerClient.set(client, left);
    else bodiesPerClient.delete(client);
  };
  // Done: the answer has been sent, or the connection is gone ("close" follows both).
  res.once("close", release);

  return new Promise((resolve) => {
    /** @type {Buffer[]} */
    let chunks = [];
    let received = 0;
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      if (released) return;
      received += chunk.length;
      if (received > limit.maxBytes) return refuseWith(413, limit.message);
      if (received > reserved) {
        if (bytesInFlight + (received - reserved) > BODY_BYTES_IN_FLIGHT_MAX) {
          return refuseWith(503, BUSY);
        }
        bytesInFlight += received - reserved;
        reserved = received;
      }
      chunks.push(chunk);
    };
    /**
     * @param {number} status
     * @param {string} message
     */
    const refuseWith = (status, message) => {
      stop();
      release();
      refuse(req, res, status, message);
      resolve(null);
    };
    const onEnd = () => {
      const body = Buffer.concat(chunks, received);
      stop();
      resolve(body);
    };
    // The client went away (an error, or a close before the end): nobody to answer.
    const onGone = () => {
      stop();
      release();
      resolve(null);
    };
    // Drops every reference to what was received (the chunks, and the listeners holding them).
    const stop = () => {
      chunks = [];
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onGone);
      req.off("close", onGone);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onGone);
    req.on("close", onGone);
  });
}

/**
 * The client a body counts against: Express's req.ip (the proxy's word only with
 * TRUST_PROXY=1), else the socket's address; an IPv6 address by its /64, which one client
 * usually holds whole (clientKey, as the sign-in limits count).
 * @param {import("node:http").IncomingMessage & { ip?: string }} req
 */
function clientOf(req) {
  return clientKey(req.ip ?? req.socket.remoteAddress ?? "unknown");
}

/** After a refusal, how long the connection stays open (not read) for the client to read it. */
const LINGER_MS = 2000;

/**
 * A 413 or 503 with a short text, and the connection closed after it (`Connection: close`).
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {413 | 503} status
 * @param {string} message
 */
function refuse(req, res, status, message) {
  lingerBeforeClosing(req);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = status;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Connection", "close");
  if (status === 503) res.setHeader("Retry-After", String(BUSY_RETRY_AFTER_SECONDS));
  res.end(message);
}

/**
 * Closes the connection gently, reading nothing more. Node would destroy the socket as soon
 * as the answer is written (destroySoon); with the client still sending, that resets the
 * connection, and a reset can reach the client before it has read the answer (it then sees
 * an error instead of the 413). So the request is paused (the rest of the body stays in the
 * network's buffers: the client cannot send more) and our side is ended after the answer;
 * the socket is destroyed after LINGER_MS (or as soon as the client resets it).
 * @param {import("node:http").IncomingMessage} req
 */
function lingerBeforeClosing(req) {
  const socket = req.socket;
  req.on("error", () => {});
  req.pause();
  // Marks the body as being read, or Node would drain it (read and drop all of it) after the
  // answer; paused, at most a buffer's worth (16 KB) comes in.
  req.read(0);
  socket.destroySoon = () => {
    socket.end();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once("close", () => clearTimeout(timer));
  };
}
