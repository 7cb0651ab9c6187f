// The server-wide cap on request bodies. Plain JavaScript so that server.js can use it
// without a build step; the routes import the same numbers (docs/security.md, "Body limits").
//
// A body is counted while it streams in, before anything parses it: a declared
// Content-Length over the cap is refused at once, a chunked body as soon as it passes the
// cap. The refusal is a 413 with a short text, and the connection is closed after it, so
// the rest of an oversized body is never read (the connection stays open, unread, for a
// moment so that the client can read the answer).

/** The largest legitimate form: the import's apply form (ticked ids, 1 MB is plenty). */
export const FORM_BODY_MAX_BYTES = 1024 * 1024;
/** A people import of at most 2 MB, plus its multipart framing (the upload route only). */
export const UPLOAD_BODY_MAX_BYTES = 2 * 1024 * 1024 + 64 * 1024;

/**
 * The upload page (app/routes/beheer.mensen.importeren._index.tsx), with or without a
 * trailing slash, and its single-fetch form (`.data`). Anchored: any other path, however
 * it is spelt, gets the form cap.
 */
const UPLOAD_PATH = /^\/beheer\/mensen\/importeren(?:\/|\.data)?$/i;

const FORM_TOO_LARGE =
  "Het formulier is te groot (maximaal 1 MB). / The form is too large (at most 1 MB).";
const UPLOAD_TOO_LARGE =
  "Het bestand is te groot: een import mag hoogstens 2 MB zijn. / " +
  "The file is too large: an import may be at most 2 MB.";

/**
 * The one rule: which cap holds for a path (without its query string).
 * @param {string} pathname
 * @returns {{ maxBytes: number, message: string }}
 */
export function bodyLimitFor(pathname) {
  return UPLOAD_PATH.test(pathname)
    ? { maxBytes: UPLOAD_BODY_MAX_BYTES, message: UPLOAD_TOO_LARGE }
    : { maxBytes: FORM_BODY_MAX_BYTES, message: FORM_TOO_LARGE };
}

/** @type {WeakMap<import("node:http").IncomingMessage, Promise<Buffer | null>>} */
const bodies = new WeakMap();

/**
 * Reads the body of a request within the cap of its path, once (later calls get the same
 * answer). Resolves with the whole body, or null when the request has been answered with a
 * 413 (or the client went away): then nothing else may answer it.
 * @param {import("node:http").IncomingMessage & { originalUrl?: string }} req
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
 * runs; an oversized one is answered here with 413.
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
 * @param {import("node:http").IncomingMessage & { originalUrl?: string }} req
 * @param {import("node:http").ServerResponse} res
 * @returns {Promise<Buffer | null>}
 */
function readBody(req, res) {
  const limit = bodyLimitFor((req.originalUrl ?? req.url ?? "/").split("?")[0] ?? "/");
  const declared = req.headers["content-length"];
  const chunked = req.headers["transfer-encoding"] !== undefined;
  if (!chunked && (declared === undefined || Number(declared) === 0)) {
    return Promise.resolve(Buffer.alloc(0));
  }
  if (Number(declared) > limit.maxBytes) {
    refuse(req, res, limit.message);
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    /** @type {Buffer[]} */
    let chunks = [];
    let received = 0;
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      received += chunk.length;
      if (received <= limit.maxBytes) {
        chunks.push(chunk);
        return;
      }
      stop();
      refuse(req, res, limit.message);
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
      resolve(null);
    };
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

/** After a refusal, how long the connection stays open (not read) for the client to read it. */
const LINGER_MS = 2000;

/**
 * A 413 with a short text, and the connection closed after it (`Connection: close`).
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {string} message
 */
function refuse(req, res, message) {
  lingerBeforeClosing(req);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = 413;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Connection", "close");
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
