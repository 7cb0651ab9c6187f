// Production server: serves the Remix build with an access log that never records
// invitation or sign-in tokens (docs/anonymity.md: no log line may help link an answer to a rater).
import http from "node:http";
import compression from "compression";
import express from "express";
import { limitRequestBodies } from "./app/security/body-limit.js";
import { createNonce, securityHeaders } from "./app/security/headers.js";
import { createCappedRequestHandler } from "./app/security/remix-handler.js";
import { redactPath } from "./app/utils/redact-path.js";

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;
const build = await import("./build/server/index.js");

const app = express();
app.disable("x-powered-by");
// One trusted hop (the reverse proxy): req.ip is the address that proxy saw, not whatever a
// client writes first in X-Forwarded-For (which would let it dodge the rate limits).
app.set("trust proxy", process.env.TRUST_PROXY === "1" ? 1 : false);
app.use(applySecurityHeaders);
app.use(compression());
app.use(
  "/assets",
  express.static("build/client/assets", { immutable: true, maxAge: "1y", index: false }),
);
app.use(express.static("build/client", { maxAge: "1h", index: false }));
app.use(accessLog);
// Every body is read within its cap (app/security/body-limit.js) before anything else sees
// it; an oversized one is answered 413 here, one beyond the server's budget for bodies in
// flight (or its client's share of it) 503, and its connection closed.
app.use(limitRequestBodies);
app.use(refuseMalformedPaths);
app.use(forgetUntrustedForwarding);
app.use(refuseCrossSiteWrites);
// app.use, not app.all("*"): Express would decode the path as a parameter and log the raw
// path (with its token) when that fails. Remix gets the body read within its cap, never the
// socket's stream.
app.use(
  createCappedRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce,
      clientAddress: req.ip ?? "unknown",
    }),
  }),
);
app.use(quietErrors);

// Node checks its timeouts below every connectionsCheckingInterval (30 s unless set): a
// request could otherwise live that much longer than requestTimeout allows.
const server = http.createServer({ connectionsCheckingInterval: 5_000 }, app);
// A whole request, body included, within 30 s: a slow body (one byte every few seconds)
// holds a connection and its share of the body budget (app/security/body-limit.js) at most
// that long, not Node's default 300 s. The largest body, a 2 MB upload, takes under 30 s
// at 1 Mbit/s; behind a proxy that buffers bodies (nginx does) it comes at once anyway.
server.requestTimeout = 30_000;
// The headers within 20 s of the connection or of the previous request (slowloris); a
// connection that sends nothing at all is closed after this too.
server.headersTimeout = 20_000;
// An idle keep-alive connection is closed after 5 s (Node's default, said out loud): long
// enough for a page's next requests, short enough that idle connections do not pile up. A
// proxy that keeps connections to Rondom open must idle them for less (docs/operations.md).
server.keepAliveTimeout = 5_000;
// At most 1,000 connections at once; beyond that Node closes new ones at once. Each costs
// a file descriptor and some memory even when idle; together with the timeouts above and the
// body budget, many slow clients cannot take the server's memory or descriptors. (One
// client could still hold them all for a while: a limit of connections per client belongs
// in the reverse proxy, docs/operations.md.)
server.maxConnections = 1_000;
server.listen(port, host, () => {
  console.log(`Rondom luistert op http://${host ?? "localhost"}:${port}`);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

/** Every response, static files and refusals included, carries the security headers. */
function applySecurityHeaders(_req, res, next) {
  const nonce = createNonce();
  res.locals.cspNonce = nonce;
  const headers = securityHeaders({ nonce, production: process.env.NODE_ENV === "production" });
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  next();
}

/**
 * A form post from another site (or from an opaque origin) is refused with a 403 before it
 * reaches an action; Remix would otherwise abort it with a 500.
 */
function refuseCrossSiteWrites(req, res, next) {
  if (req.method === "GET" || req.method === "HEAD") return next();
  // Browsers say where a request comes from; "cross-site" is refused whatever the Origin.
  if (req.get("sec-fetch-site") === "cross-site") return refuse(res);
  const origin = req.get("origin");
  if (origin === undefined) return next();
  const host = req.get("x-forwarded-host")?.split(",")[0]?.trim() || req.get("host");
  let sameSite = false;
  try {
    sameSite = origin !== "null" && new URL(origin).host === host;
  } catch {
    sameSite = false;
  }
  if (sameSite) return next();
  refuse(res);
}

function refuse(res) {
  res
    .status(403)
    .type("text/plain; charset=utf-8")
    .send("Verzoek van een andere website geweigerd.");
}

/** A path that is not valid percent-encoding gets a 400 here; the router would log it whole. */
function refuseMalformedPaths(req, res, next) {
  try {
    decodeURIComponent(req.path);
  } catch {
    return res.status(400).type("text/plain; charset=utf-8").send("Ongeldig adres.");
  }
  next();
}

/** Without a trusted proxy, a client could claim another host; the header is dropped. */
function forgetUntrustedForwarding(req, _res, next) {
  if (process.env.TRUST_PROXY !== "1") {
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
  }
  next();
}

/** Errors Express meets itself (e.g. a malformed body): a plain answer, a log line without the path. */
function quietErrors(error, req, res, _next) {
  const status = Number(error?.status ?? error?.statusCode ?? 500);
  if (status >= 500)
    console.error(`Fout bij ${req.method} ${redactPath(req.originalUrl)}: ${error?.name}`);
  if (res.headersSent) return res.end();
  res.status(status >= 400 && status < 600 ? status : 500).type("text/plain; charset=utf-8");
  res.send(status < 500 ? "Ongeldig verzoek." : "Er ging iets mis.");
}

function accessLog(req, res, next) {
  if (process.env.ACCESS_LOG === "off") return next();
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(
      `${req.method} ${redactPath(req.originalUrl)} ${res.statusCode} ${ms.toFixed(1)} ms`,
    );
  });
  next();
}
