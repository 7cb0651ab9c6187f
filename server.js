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
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));

const server = app.listen(port, host, () => {
  console.log(`Rondom luistert op http://${host ?? "localhost"}:${port}`);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
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
