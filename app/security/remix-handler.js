// Remix's request handler for Express, fed with the body that body-limit.js read within its
// cap. It does what @remix-run/express does (same URL, headers, abort and response
// handling), except that the Request gets the buffered body instead of the raw socket
// stream, so no route can read more than the cap whatever it calls.
import { createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import { readBodyWithinLimit } from "./body-limit.js";

/**
 * @param {{
 *   build: import("@remix-run/node").ServerBuild,
 *   mode?: string,
 *   getLoadContext?: (req: import("express").Request, res: import("express").Response) =>
 *     import("@remix-run/node").AppLoadContext | Promise<import("@remix-run/node").AppLoadContext>,
 * }} options
 * @returns {import("express").RequestHandler}
 */
export function createCappedRequestHandler({ build, mode, getLoadContext }) {
  const handleRequest = createRequestHandler(build, mode);
  /** @type {import("express").RequestHandler} */
  const handle = async (req, res, next) => {
    try {
      const body = await readBodyWithinLimit(req, res);
      if (body === null) return;
      const request = remixRequest(req, res, body);
      const loadContext = await getLoadContext?.(req, res);
      const response = await handleRequest(request, loadContext);
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
  // Express 4 ignores what a handler returns; every failure is already passed to next().
  return (req, res, next) => void handle(req, res, next);
}

/**
 * @param {import("express").Request} req
 * @param {import("express").Response} res
 * @param {Buffer} body
 */
function remixRequest(req, res, body) {
  // req.hostname has no port: take it from X-Forwarded-Host or Host (as the adapter does).
  const [, forwardedPort] = req.get("X-Forwarded-Host")?.split(":") ?? [];
  const [, hostPort] = req.get("host")?.split(":") ?? [];
  const forwarded = Number.parseInt(forwardedPort ?? "", 10);
  const direct = Number.parseInt(hostPort ?? "", 10);
  const port = Number.isSafeInteger(forwarded)
    ? forwarded
    : Number.isSafeInteger(direct)
      ? direct
      : "";
  const url = new URL(
    `${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`,
  );

  // Abort loaders and actions once no answer can be written any more (close without finish).
  /** @type {AbortController | null} */
  let controller = new AbortController();
  const signal = controller.signal;
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());

  /** @type {RequestInit} */
  const init = { method: req.method, headers: remixHeaders(req.headers), signal };
  if (req.method !== "GET" && req.method !== "HEAD") init.body = body;
  return new Request(url.href, init);
}

/** @param {import("node:http").IncomingHttpHeaders} requestHeaders */
function remixHeaders(requestHeaders) {
  const headers = new Headers();
  for (const [name, values] of Object.entries(requestHeaders)) {
    if (!values) continue;
    if (Array.isArray(values)) for (const value of values) headers.append(name, value);
    else headers.set(name, values);
  }
  return headers;
}

/**
 * @param {import("express").Response} res
 * @param {Response} response
 */
async function sendResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  // Whatever Remix answers is not for a shared cache unless its route says so: pages and
  // their data get this in entry.server.tsx, but resource routes (the CSV exports, and the
  // 404 they throw) do not pass through there.
  if (!response.headers.has("Cache-Control")) res.setHeader("Cache-Control", "no-store");
  if (response.headers.get("Content-Type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
