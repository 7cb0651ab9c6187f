import fs from "node:fs";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import express from "express";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES } from "~/people/import-upload-schema";
import { action as taalAction } from "~/routes/taal";
import {
  bodyLimitFor,
  FORM_BODY_MAX_BYTES,
  limitRequestBodies,
  UPLOAD_BODY_MAX_BYTES,
} from "~/security/body-limit.js";
import { createCappedRequestHandler } from "~/security/remix-handler.js";
import { DEFAULT_MAX_FORM_BYTES, readFormBody } from "~/utils/form-body.server";
import { CHUNK_BYTES, streamedPost, type StreamedAnswer } from "../helpers/streamed-post";

// The attack: an unauthenticated post of a huge body. Before the cap, `POST /taal` parsed any
// body (300 MB took the server from 98 MB to 853 MB) and nothing in server.js limited bodies.
// Here the cap is driven through the same middleware and Remix handler server.js uses, with
// a small Remix build whose actions record how many bytes they were handed.

const MB = 1024 * 1024;
const FIFTY_MB = 50 * MB;
const UPLOAD_PATH = "/beheer/mensen/importeren";

describe("the rule: which cap holds where", () => {
  it.each([UPLOAD_PATH, `${UPLOAD_PATH}/`, `${UPLOAD_PATH}.data`, "/BEHEER/Mensen/Importeren"])(
    "%s: the upload's 2 MB (and framing)",
    (path) => {
      expect(bodyLimitFor(path).maxBytes).toBe(UPLOAD_BODY_MAX_BYTES);
    },
  );

  it.each([
    "/taal",
    "/inloggen",
    "/uitnodiging/abc/vragenlijst",
    `${UPLOAD_PATH}/abc`,
    `${UPLOAD_PATH}x`,
    `/x${UPLOAD_PATH}`,
    `${UPLOAD_PATH}.datax`,
    "/beheer/mensen/%69mporteren",
    "/",
  ])("%s: the form cap", (path) => {
    expect(bodyLimitFor(path).maxBytes).toBe(FORM_BODY_MAX_BYTES);
  });

  it("fits the forms: the upload takes a 2 MB file with its framing, forms their own caps", () => {
    expect(UPLOAD_BODY_MAX_BYTES).toBeGreaterThanOrEqual(MAX_IMPORT_BYTES + 16 * 1024);
    expect(UPLOAD_BODY_MAX_BYTES).toBeLessThanOrEqual(MAX_IMPORT_BYTES + 256 * 1024);
    expect(FORM_BODY_MAX_BYTES).toBeGreaterThanOrEqual(DEFAULT_MAX_FORM_BYTES);
    expect(FORM_BODY_MAX_BYTES).toBeLessThanOrEqual(MB);
    // The rule names the upload route by its path: it must still be there.
    expect(fs.existsSync("app/routes/beheer.mensen.importeren._index.tsx")).toBe(true);
  });

  it("answers in Dutch first, then English", () => {
    expect(bodyLimitFor("/taal").message).toMatch(/^Het formulier is te groot.* \/ The form/);
    expect(bodyLimitFor(UPLOAD_PATH).message).toMatch(/^Het bestand is te groot.* \/ The file/);
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
  const post = (path: string, options: Parameters<typeof streamedPost>[1]) =>
    streamedPost(`${origin}${path}`, options);

  beforeAll(async () => {
    const app = express();
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

  it("the upload route takes a 2 MB body that any other route refuses", async () => {
    calls.length = 0;
    const total = MAX_IMPORT_BYTES + 8 * 1024;
    expect((await post(UPLOAD_PATH, { total, chunked: true })).status).toBe(200);
    expect((await post(UPLOAD_PATH, { total, chunked: false })).status).toBe(200);
    expect((await post("/echo", { total, chunked: true })).status).toBe(413);
    expect(calls).toEqual([
      { path: UPLOAD_PATH, bytes: total },
      { path: UPLOAD_PATH, bytes: total },
    ]);
    const answer = await post(UPLOAD_PATH, { total: FIFTY_MB, chunked: true });
    expectRefusal(answer, "Het bestand is te groot");
    expect(answer.sent).toBeLessThan(FIFTY_MB / 2);
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
    },
    assets: { entry: { module: "", imports: [] }, routes: {}, url: "", version: "1" },
    future: { v3_singleFetch: true },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    isSpaMode: false,
  } as unknown as ServerBuild;
}
