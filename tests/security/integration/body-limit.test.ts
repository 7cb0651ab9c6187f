import fs from "node:fs";
import http from "node:http";
import net, { type AddressInfo, type Socket } from "node:net";
import express from "express";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sessionCookieName } from "~/auth/session.server";
import { MAX_IMPORT_BYTES } from "~/people/import-upload-schema";
import { MAX_IMPORT_BYTES as MAX_PROFILE_IMPORT_BYTES } from "~/profiles/plain-text-import";
import { action as taalAction } from "~/routes/taal";
import {
  BODIES_PER_CLIENT_MAX,
  BODY_BYTES_IN_FLIGHT_MAX,
  bodiesInFlightNow,
  bodyLimitFor,
  FORM_BODY_MAX_BYTES,
  IMPORT_APPLY_BODY_MAX_BYTES,
  limitRequestBodies,
  PROFILE_EDIT_BODY_MAX_BYTES,
  PROFILE_UPLOAD_BODY_MAX_BYTES,
  QUESTIONNAIRE_BODY_MAX_BYTES,
  SESSION_COOKIE_NAMES,
  UPLOAD_BODY_MAX_BYTES,
} from "~/security/body-limit.js";
import { createCappedRequestHandler } from "~/security/remix-handler.js";
import { DEFAULT_MAX_FORM_BYTES, readFormBody } from "~/utils/form-body.server";
import { CHUNK_BYTES, streamedPost, type StreamedAnswer } from "../../support/streamed-post";

// The attack: an unauthenticated post of a huge body. Before the cap, `POST /taal` parsed any
// body (300 MB took the server from 98 MB to 853 MB) and nothing in server.js limited bodies.
// Here the cap is driven through the same middleware and Remix handler server.js uses, with
// a small Remix build whose actions record how many bytes they were handed.

const KB = 1024;
const MB = 1024 * KB;
const FIFTY_MB = 50 * MB;
const UPLOAD_PATH = "/beheer/mensen/importeren";
const APPLY_PATH = "/beheer/mensen/importeren/abc";
const PROFILE_UPLOAD_PATH = "/beheer/profielen/importeren";
const QUESTIONNAIRE_PATH = "/uitnodiging/abc/vragenlijst";
/** Any value: the server only looks whether the cookie is there (the route authorises). */
const SESSION = "rondom_session=whatever";

describe("the rule: which cap holds where", () => {
  it.each([UPLOAD_PATH, `${UPLOAD_PATH}/`, `${UPLOAD_PATH}.data`, "/BEHEER/Mensen/Importeren"])(
    "%s: the upload's 2 MB (and framing), with a session cookie only",
    (path) => {
      expect(bodyLimitFor(path, SESSION).maxBytes).toBe(UPLOAD_BODY_MAX_BYTES);
      expect(bodyLimitFor(path, "a=1; __Host-rondom_session=x").maxBytes).toBe(
        UPLOAD_BODY_MAX_BYTES,
      );
      expect(bodyLimitFor(path).maxBytes).toBe(FORM_BODY_MAX_BYTES);
      for (const cookie of [
        "",
        "rondom_session=",
        "xrondom_session=1",
        "rondom_sessionx=1",
        "a=1",
      ]) {
        expect(bodyLimitFor(path, cookie).maxBytes, cookie).toBe(FORM_BODY_MAX_BYTES);
      }
    },
  );

  it.each([APPLY_PATH, `${APPLY_PATH}/`, `${APPLY_PATH}.data`])(
    "%s: the import's apply form gets 1 MB, with a session cookie only",
    (path) => {
      expect(bodyLimitFor(path, SESSION).maxBytes).toBe(IMPORT_APPLY_BODY_MAX_BYTES);
      expect(bodyLimitFor(path).maxBytes).toBe(FORM_BODY_MAX_BYTES);
    },
  );

  it.each([
    PROFILE_UPLOAD_PATH,
    `${PROFILE_UPLOAD_PATH}/`,
    `${PROFILE_UPLOAD_PATH}.data`,
    "/Beheer/Profielen/IMPORTEREN",
  ])("%s: the profile upload's 512 kB (and framing), with a session cookie only", (path) => {
    expect(bodyLimitFor(path, SESSION).maxBytes).toBe(PROFILE_UPLOAD_BODY_MAX_BYTES);
    expect(bodyLimitFor(path).maxBytes).toBe(FORM_BODY_MAX_BYTES);
    expect(bodyLimitFor(path, "rondom_session=").maxBytes).toBe(FORM_BODY_MAX_BYTES);
  });

  it.each([
    "/beheer/profielen/abc123/bewerken",
    "/beheer/profielen/abc123/bewerken/",
    "/beheer/profielen/abc123/bewerken.data",
  ])("%s: the profile editor's 768 kB, with a session cookie only", (path) => {
    expect(bodyLimitFor(path, SESSION).maxBytes).toBe(PROFILE_EDIT_BODY_MAX_BYTES);
    expect(bodyLimitFor(path).maxBytes).toBe(FORM_BODY_MAX_BYTES);
  });

  it.each([QUESTIONNAIRE_PATH, `${QUESTIONNAIRE_PATH}.data`])(
    "%s: the questionnaire's own cap (raters have no session)",
    (path) => {
      expect(bodyLimitFor(path).maxBytes).toBe(QUESTIONNAIRE_BODY_MAX_BYTES);
    },
  );

  it("the session cookie's names are the ones the app sets", () => {
    try {
      vi.stubEnv("NODE_ENV", "production");
      vi.stubEnv("INSECURE_COOKIES", "");
      expect(SESSION_COOKIE_NAMES).toContain(sessionCookieName());
      vi.stubEnv("INSECURE_COOKIES", "1");
      expect(SESSION_COOKIE_NAMES).toContain(sessionCookieName());
      vi.stubEnv("NODE_ENV", "test");
      expect(SESSION_COOKIE_NAMES).toContain(sessionCookieName());
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it.each([
    "/taal",
    "/inloggen",
    "/uitnodiging/abc/vragenlijst/x",
    `${UPLOAD_PATH}/abc/x`,
    `${UPLOAD_PATH}x`,
    `/x${UPLOAD_PATH}`,
    `${UPLOAD_PATH}.datax`,
    "/beheer/mensen/%69mporteren",
    // The profile import's preview and its confirm form are ordinary forms.
    `${PROFILE_UPLOAD_PATH}/abc`,
    `${PROFILE_UPLOAD_PATH}/abc.data`,
    `${PROFILE_UPLOAD_PATH}x`,
    `/x${PROFILE_UPLOAD_PATH}`,
    "/beheer/profielen",
    "/beheer/profielen/abc/bewerken/x",
    "/beheer/profielen/a/b/bewerken",
    "/",
  ])("%s: the form cap, with or without a session cookie", (path) => {
    expect(bodyLimitFor(path).maxBytes).toBe(FORM_BODY_MAX_BYTES);
    expect(bodyLimitFor(path, SESSION).maxBytes).toBe(FORM_BODY_MAX_BYTES);
  });

  it("fits the forms: 64 KB by default, the upload a 2 MB file with its framing", () => {
    expect(FORM_BODY_MAX_BYTES).toBe(64 * KB);
    // The routes' own reader and the server agree: one number.
    expect(DEFAULT_MAX_FORM_BYTES).toBe(FORM_BODY_MAX_BYTES);
    expect(UPLOAD_BODY_MAX_BYTES).toBeGreaterThanOrEqual(MAX_IMPORT_BYTES + 16 * 1024);
    expect(UPLOAD_BODY_MAX_BYTES).toBeLessThanOrEqual(MAX_IMPORT_BYTES + 256 * 1024);
    expect(IMPORT_APPLY_BODY_MAX_BYTES).toBe(MB);
    expect(PROFILE_UPLOAD_BODY_MAX_BYTES).toBeGreaterThanOrEqual(
      MAX_PROFILE_IMPORT_BYTES + 16 * KB,
    );
    expect(PROFILE_UPLOAD_BODY_MAX_BYTES).toBeLessThanOrEqual(MAX_PROFILE_IMPORT_BYTES + 256 * KB);
    // The rule names routes by their paths, and the routes take their caps from the rule.
    for (const [file, constant] of [
      ["app/routes/beheer.mensen.importeren._index.tsx", "UPLOAD_BODY_MAX_BYTES"],
      ["app/routes/beheer.profielen.importeren._index.tsx", "PROFILE_UPLOAD_BODY_MAX_BYTES"],
      ["app/routes/beheer.mensen.importeren.$importId.tsx", "IMPORT_APPLY_BODY_MAX_BYTES"],
      ["app/routes/uitnodiging.$token.vragenlijst.tsx", "QUESTIONNAIRE_BODY_MAX_BYTES"],
    ] as const) {
      expect(fs.existsSync(file), file).toBe(true);
      if (constant) expect(fs.readFileSync(file, "utf8"), file).toContain(constant);
    }
  });

  it("answers in Dutch first, then English", () => {
    expect(bodyLimitFor("/taal").message).toMatch(
      /^Het formulier is te groot \(maximaal 64 kB\)\. \/ The form/,
    );
    expect(bodyLimitFor(UPLOAD_PATH, SESSION).message).toMatch(
      /^Het bestand is te groot.* \/ The file/,
    );
    expect(bodyLimitFor(PROFILE_UPLOAD_PATH, SESSION).message).toMatch(
      /^Het bestand is te groot: een profiel .* \/ The file is too large: a profile/,
    );
  });
});

describe("server.js's middleware and Remix handler", () => {
  /** Every action run: its path and the bytes its request body held. */
  const calls: { path: string; bytes: number }[] = [];
  let server: http.Server;
  let origin: string;
  /** The connections the server accepted, to count what it read. */
  let sockets: Socket[] = [];
  const readByServer = () => sockets.reduce((sum, socket) => sum + socket.bytesRead, 0);
  /** Posts that reached the server (their headers, that is). */
  let arrivals = 0;
  const post = (path: string, options: Parameters<typeof streamedPost>[1]) =>
    streamedPost(`${origin}${path}`, options);
  /** A post from a client of its own (the test server trusts X-Forwarded-For). */
  const postAs = (client: string, path: string, total: number, cookie?: string) =>
    post(path, {
      total,
      chunked: false,
      headers: { "X-Forwarded-For": client, ...(cookie ? { Cookie: cookie } : {}) },
    });
  const held: Held[] = [];
  /** Holds `count` bodies open, each declared `declared` bytes and sent all but its last. */
  const holdBodies = async (
    count: number,
    options: { path: string; declared: number; clients: string[]; cookie?: string },
  ) => {
    const before = arrivals;
    for (let i = 0; i < count; i++) {
      held.push(
        hold(origin, options.path, {
          declared: options.declared,
          send: Math.min(options.declared - 1, 4 * KB),
          client: options.clients[i % options.clients.length] ?? "",
          cookie: options.cookie,
        }),
      );
    }
    await vi.waitFor(() => expect(arrivals).toBe(before + count));
  };
  const letGo = async () => {
    for (const body of held.splice(0)) body.socket.destroy();
    await vi.waitFor(() =>
      expect(bodiesInFlightNow()).toEqual({ bytes: 0, bodies: 0, clients: 0 }),
    );
  };
  afterEach(letGo);

  beforeAll(async () => {
    const app = express();
    // As server.js with TRUST_PROXY=1: the tests speak for several clients.
    app.set("trust proxy", true);
    app.use((req, _res, next) => {
      if (req.method === "POST") arrivals += 1;
      next();
    });
    app.use(limitRequestBodies);
    app.use(createCappedRequestHandler({ build: fakeBuild(calls), mode: "production" }));
    server = app.listen(0, "127.0.0.1");
    server.on("connection", (socket: Socket) => sockets.push(socket));
    await new Promise((resolve) => server.once("listening", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it.each([
    ["declared", false],
    ["chunked", true],
  ])("a small %s body reaches the action whole", async (_kind, chunked) => {
    calls.length = 0;
    const answer = await post("/echo", { total: 1000, chunked });
    expect(answer.status).toBe(200);
    expect(calls).toEqual([{ path: "/echo", bytes: 1000 }]);
  });

  it.each([
    ["declared", false],
    ["chunked", true],
  ])("a %s body at the cap passes, one byte more is refused with 413", async (_kind, chunked) => {
    calls.length = 0;
    const atCap = await post("/echo", { total: FORM_BODY_MAX_BYTES, chunked });
    expect(atCap.status).toBe(200);
    const over = await post("/echo", { total: FORM_BODY_MAX_BYTES + 1, chunked });
    expect(over.status).toBe(413);
    expect(calls).toEqual([{ path: "/echo", bytes: FORM_BODY_MAX_BYTES }]);
  });

  it("a declared 50 MB body is refused at once, before a byte of it is sent", async () => {
    calls.length = 0;
    const answer = await post("/echo", {
      total: FIFTY_MB,
      chunked: false,
      headersOnly: true,
    });
    expect(answer.sent).toBe(0);
    expectRefusal(answer, "Het formulier is te groot");
    expect(calls).toEqual([]);
  });

  it("a declared 50 MB body being sent is refused at once and not read", async () => {
    sockets = [];
    const answer = await post("/echo", { total: FIFTY_MB, chunked: false });
    expectRefusal(answer, "Het formulier is te groot");
    // The headers, and at most a buffer's worth of what the client sent meanwhile.
    expect(readByServer()).toBeLessThan(256 * 1024);
  });

  it.each([
    ["declared", false],
    ["chunked", true],
  ])(
    "a streamed %s 50 MB body is cut off with 413 and its connection closed",
    async (_k, chunked) => {
      calls.length = 0;
      sockets = [];
      const answer = await post("/echo", { total: FIFTY_MB, chunked });
      expectRefusal(answer, "Het formulier is te groot");
      // The server stopped reading at the cap: the client could not send the body.
      expect(readByServer()).toBeLessThan(FORM_BODY_MAX_BYTES + 256 * 1024);
      expect(answer.sent).toBeLessThan(FIFTY_MB / 2);
      expect(calls).toEqual([]);
    },
  );

  it("the upload route takes a 2 MB body from a signed-in client that any other route refuses", async () => {
    calls.length = 0;
    const total = MAX_IMPORT_BYTES + 8 * 1024;
    const headers = { Cookie: SESSION };
    expect((await post(UPLOAD_PATH, { total, chunked: true, headers })).status).toBe(200);
    expect((await post(UPLOAD_PATH, { total, chunked: false, headers })).status).toBe(200);
    expect((await post("/echo", { total, chunked: true, headers })).status).toBe(413);
    expect(calls).toEqual([
      { path: UPLOAD_PATH, bytes: total },
      { path: UPLOAD_PATH, bytes: total },
    ]);
    const answer = await post(UPLOAD_PATH, { total: FIFTY_MB, chunked: true, headers });
    expectRefusal(answer, "Het bestand is te groot");
    expect(answer.sent).toBeLessThan(FIFTY_MB / 2);
  });

  it("64 KB is the default: one byte more is refused, declared or streamed", async () => {
    calls.length = 0;
    expect((await post("/echo", { total: 64 * KB, chunked: false })).status).toBe(200);
    expectRefusal(await post("/echo", { total: 64 * KB + 1, chunked: false }), "Het formulier");
    expectRefusal(await post("/echo", { total: 64 * KB + 1, chunked: true }), "Het formulier");
    expect(calls).toEqual([{ path: "/echo", bytes: 64 * KB }]);
  });

  it("the questionnaire takes its 400 KB without a session (raters have none)", async () => {
    calls.length = 0;
    const total = QUESTIONNAIRE_BODY_MAX_BYTES;
    expect((await post(QUESTIONNAIRE_PATH, { total, chunked: true })).status).toBe(200);
    expect((await post(QUESTIONNAIRE_PATH, { total: total + 1, chunked: false })).status).toBe(413);
    expect(calls).toEqual([{ path: QUESTIONNAIRE_PATH, bytes: total }]);
  });

  it("an anonymous client gets the default cap on the upload and apply routes: 2 MB is refused unread", async () => {
    calls.length = 0;
    for (const path of [UPLOAD_PATH, `${UPLOAD_PATH}.data`, APPLY_PATH]) {
      const answer = await post(path, { total: 2 * MB, chunked: false, headersOnly: true });
      expectRefusal(answer, "Het formulier is te groot (maximaal 64 kB)");
      expect(answer.sent).toBe(0);
    }
    sockets = [];
    expectRefusal(await post(UPLOAD_PATH, { total: 2 * MB, chunked: true }), "Het formulier");
    expect(readByServer()).toBeLessThan(64 * KB + 256 * KB);
    // With the cookie the apply form's 1 MB passes (the route itself then checks the session).
    const apply = await post(APPLY_PATH, {
      total: MB,
      chunked: false,
      headers: { Cookie: SESSION },
    });
    expect(apply.status).toBe(200);
    expect(calls).toEqual([{ path: APPLY_PATH, bytes: MB }]);
  });

  it(`one client may have ${BODIES_PER_CLIENT_MAX} bodies in flight; one more is a 503, others still pass`, async () => {
    calls.length = 0;
    await holdBodies(BODIES_PER_CLIENT_MAX, {
      path: "/echo",
      declared: 60 * KB,
      clients: ["10.0.0.1"],
    });
    const refused = await postAs("10.0.0.1", "/echo", 100);
    expectBusy(refused);
    // An IPv6 client counts by its /64: another address in it is the same client.
    await holdBodies(BODIES_PER_CLIENT_MAX, {
      path: "/echo",
      declared: 100,
      clients: ["2001:db8:1:2::1"],
    });
    expectBusy(await postAs("2001:db8:1:2:ffff::9", "/echo", 100));
    // Another client is not held up by either.
    expect((await postAs("10.0.0.2", "/echo", 100)).status).toBe(200);
    // Their bodies go away: the client may post again, and nothing stays counted.
    await letGo();
    expect((await postAs("10.0.0.1", "/echo", 100)).status).toBe(200);
    expect(calls).toEqual([
      { path: "/echo", bytes: 100 },
      { path: "/echo", bytes: 100 },
    ]);
  });

  it("the bodies in flight share one budget: a declared or streamed body beyond it is a 503", async () => {
    calls.length = 0;
    const clients = Array.from({ length: 8 }, (_, i) => `10.1.0.${i + 1}`);
    // Signed-in clients (the cookie) on the apply form: 1 MB each, declared, all but 4 KB unsent.
    const count = BODY_BYTES_IN_FLIGHT_MAX / MB - 1;
    await holdBodies(count, { path: APPLY_PATH, declared: MB, clients, cookie: SESSION });
    // And one more that leaves 32 KB of the budget.
    const last = MB - 32 * KB;
    await holdBodies(1, { path: APPLY_PATH, declared: last, clients, cookie: SESSION });
    expect(bodiesInFlightNow().bytes).toBe(count * MB + last);
    // A declared 1 MB more would pass the budget: refused on its headers.
    const declared = await post(APPLY_PATH, {
      total: MB,
      chunked: false,
      headersOnly: true,
      headers: { "X-Forwarded-For": "10.2.0.1", Cookie: SESSION },
    });
    expectBusy(declared);
    expect(declared.sent).toBe(0);
    // A chunked upload is let in, and refused once what it has sent passes the budget.
    const streamed = await post(UPLOAD_PATH, {
      total: 2 * MB,
      chunked: true,
      headers: { "X-Forwarded-For": "10.2.0.2", Cookie: SESSION },
    });
    expectBusy(streamed);
    // Smaller bodies still fit in what is left.
    expect((await postAs("10.2.0.3", "/echo", 1000)).status).toBe(200);
    // Once the held bodies go, the budget is whole again.
    await letGo();
    expect((await postAs("10.2.0.1", APPLY_PATH, MB, SESSION)).status).toBe(200);
    expect(calls).toEqual([
      { path: "/echo", bytes: 1000 },
      { path: APPLY_PATH, bytes: MB },
    ]);
  });

  it("refused and abandoned bodies leave nothing counted", async () => {
    await post("/echo", { total: FIFTY_MB, chunked: true });
    await post("/echo", { total: FIFTY_MB, chunked: false, abortAfter: 32 * KB });
    await post("/echo", { total: 60 * KB, chunked: true, abortAfter: 32 * KB });
    await post("/echo", { total: 1000, chunked: false });
    await vi.waitFor(() =>
      expect(bodiesInFlightNow()).toEqual({ bytes: 0, bodies: 0, clients: 0 }),
    );
  });

  it("a client that goes away halfway leaves no action run and a server that still answers", async () => {
    calls.length = 0;
    await post("/echo", { total: FIFTY_MB, chunked: true, abortAfter: 100 * 1024 });
    const answer = await post("/echo", { total: 10, chunked: false });
    expect(answer.status).toBe(200);
    expect(calls).toEqual([{ path: "/echo", bytes: 10 }]);
  });

  it("still serves GET requests and their query strings", async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      http
        .get(`${origin}/echo?x=1`, (res) => {
          let body = "";
          res.on("data", (chunk: Buffer) => (body += chunk.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        })
        .on("error", reject);
    });
    expect(answer).toEqual({ status: 200, body: "GET /echo?x=1" });
  });
});

describe("the routes' own reader (readFormBody) refuses oversized bodies with 413", () => {
  it("a declared length over the form's cap: 413 before reading", async () => {
    const { request, pulled } = streamedRequest("/x", FIFTY_MB, { declared: true });
    const refusal = await readFormBody(request).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(Response);
    expect((refusal as Response).status).toBe(413);
    // A stream pulls its first chunk when it is made; nothing was read beyond that.
    expect(pulled()).toBeLessThanOrEqual(CHUNK);
  });

  it("a streamed body: 413 once it passes the cap, the rest never read", async () => {
    const { request, pulled } = streamedRequest("/x", FIFTY_MB);
    const refusal = await readFormBody(request).catch((error: unknown) => error);
    expect((refusal as Response).status).toBe(413);
    expect(await (refusal as Response).text()).toMatch(/^Het formulier is te groot/);
    expect(pulled()).toBeLessThanOrEqual(DEFAULT_MAX_FORM_BYTES + CHUNK);
  });

  it("other refusals stay 400", async () => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    const refusal = await readFormBody(request).catch((error: unknown) => error);
    expect((refusal as Response).status).toBe(400);
  });

  it("POST /taal reads through it: 50 MB is refused with 413 after at most 64 KB", async () => {
    const { request, pulled } = streamedRequest("/taal", FIFTY_MB);
    const refusal = await taalAction({ request, params: {}, context: {} }).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(Response);
    expect((refusal as Response).status).toBe(413);
    expect(pulled()).toBeLessThanOrEqual(DEFAULT_MAX_FORM_BYTES + CHUNK);
  });

  it("POST /taal still switches the language", async () => {
    const request = new Request("http://localhost/taal", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "locale=en&redirectTo=%2Fprofielen",
    });
    const answer = (await taalAction({ request, params: {}, context: {} })) as Response;
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe("/profielen");
    expect(answer.headers.get("Set-Cookie")).toBeTruthy();
  });
});

const CHUNK = CHUNK_BYTES;

/** A form post whose body is made as it is read, counting what was pulled. */
function streamedRequest(path: string, total: number, { declared = false } = {}) {
  let sent = 0;
  const chunk = new Uint8Array(CHUNK).fill(97);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (declared) headers["Content-Length"] = String(total);
  const request = new Request(`http://localhost${path}`, {
    method: "POST",
    headers,
    body,
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => sent };
}

function expectBusy(answer: StreamedAnswer) {
  expect(answer.status).toBe(503);
  expect(answer.headers["retry-after"]).toMatch(/^\d+$/);
  expect(answer.headers.connection).toBe("close");
  expect(answer.body).toMatch(/^De server heeft het even te druk.* \/ The server is busy/);
}

interface Held {
  socket: Socket;
}

/** A post whose body is left unfinished, its connection held open until the test lets go. */
function hold(
  origin: string,
  path: string,
  options: { declared: number; send: number; client: string; cookie?: string },
): Held {
  const url = new URL(origin);
  const socket = net.connect(Number(url.port), url.hostname);
  socket.on("error", () => {});
  const head = [
    `POST ${path} HTTP/1.1`,
    `Host: ${url.host}`,
    "Content-Type: application/x-www-form-urlencoded",
    `Content-Length: ${options.declared}`,
    `X-Forwarded-For: ${options.client}`,
  ];
  if (options.cookie) head.push(`Cookie: ${options.cookie}`);
  socket.write(`${head.join("\r\n")}\r\n\r\n`);
  socket.write(Buffer.alloc(options.send, 97));
  return { socket };
}

function expectRefusal(answer: StreamedAnswer, text: string) {
  expect(answer.status).toBe(413);
  expect(answer.headers["content-type"]).toBe("text/plain; charset=utf-8");
  expect(answer.headers.connection).toBe("close");
  expect(answer.body.startsWith(text)).toBe(true);
  expect(answer.body).not.toMatch(/Error|at .*\(/);
}

/** A Remix build with a resource route `/echo` and one at the upload's path, both recording. */
function fakeBuild(calls: { path: string; bytes: number }[]): ServerBuild {
  const recording = async ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (request.method === "GET") return new Response(`GET ${url.pathname}${url.search}`);
    calls.push({ path: url.pathname, bytes: (await request.arrayBuffer()).byteLength });
    return new Response("ok");
  };
  return {
    mode: "production",
    entry: { module: { default: () => new Response("document") } },
    routes: {
      root: { id: "root", path: "", module: { default: () => null } },
      "routes/echo": {
        id: "routes/echo",
        parentId: "root",
        path: "echo",
        module: { action: recording, loader: recording },
      },
      "routes/upload": {
        id: "routes/upload",
        parentId: "root",
        path: "beheer/mensen/importeren",
        module: { action: recording },
      },
      "routes/apply": {
        id: "routes/apply",
        parentId: "root",
        path: "beheer/mensen/importeren/:importId",
        module: { action: recording },
      },
      "routes/questionnaire": {
        id: "routes/questionnaire",
        parentId: "root",
        path: "uitnodiging/:token/vragenlijst",
        module: { action: recording },
      },
    },
    assets: { entry: { module: "", imports: [] }, routes: {}, url: "", version: "1" },
    future: { v3_singleFetch: true },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    isSpaMode: false,
  } as unknown as ServerBuild;
}
