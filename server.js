// Production server: serves the Remix build with an access log that never records
// invitation or sign-in tokens (SPEC.md: no log line may help link an answer to a rater).
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { redactPath } from "./app/utils/redact-path.js";

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;
const build = await import("./build/server/index.js");

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", process.env.TRUST_PROXY === "1");
app.use(compression());
app.use(
  "/assets",
  express.static("build/client/assets", { immutable: true, maxAge: "1y", index: false }),
);
app.use(express.static("build/client", { maxAge: "1h", index: false }));
app.use(accessLog);
app.use(refuseCrossSiteWrites);
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));

const server = app.listen(port, host, () => {
  console.log(`Rondom luistert op http://${host ?? "localhost"}:${port}`);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

/**
 * A form post from another site (or from an opaque origin) is refused with a 403 before it
 * reaches an action; Remix would otherwise abort it with a 500.
 */
function refuseCrossSiteWrites(req, res, next) {
  const origin = req.get("origin");
  if (req.method === "GET" || req.method === "HEAD" || origin === undefined) return next();
  const host = req.get("x-forwarded-host") ?? req.get("host");
  let sameSite = false;
  try {
    sameSite = origin !== "null" && new URL(origin).host === host;
  } catch {
    sameSite = false;
  }
  if (sameSite) return next();
  res
    .status(403)
    .type("text/plain; charset=utf-8")
    .send("Verzoek van een andere website geweigerd.");
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
