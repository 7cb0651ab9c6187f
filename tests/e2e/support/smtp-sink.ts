// A real SMTP server on loopback for the end-to-end tests: the app's background sender
// delivers its mail here over SMTP (nodemailer), and every message lands as a raw .eml file
// in `${E2E_DATA_DIR}/mail/`, where tests/e2e/support/mail.ts reads it.
//
// Started by playwright.config.ts as a webServer: `npx tsx tests/e2e/support/smtp-sink.ts`.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

const DEFAULT_SMTP_SINK_PORT = 2587;

const port = Number(process.env.E2E_SMTP_PORT ?? DEFAULT_SMTP_SINK_PORT);
const dataDir = process.env.E2E_DATA_DIR;
if (!dataDir) {
  console.error("smtp-sink: E2E_DATA_DIR is not set");
  process.exit(1);
}
const mailDir = path.join(dataDir, "mail");
fs.mkdirSync(mailDir, { recursive: true });

const server = new SMTPServer({
  // Plain SMTP on loopback: no TLS, no login, any sender and recipient.
  disabledCommands: ["AUTH", "STARTTLS"],
  authOptional: true,
  banner: "Rondom e2e SMTP sink",
  size: 10 * 1024 * 1024,
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("error", (error) => callback(error));
    stream.on("end", () => {
      if (stream.sizeExceeded) {
        callback(new Error("message too large"));
        return;
      }
      const name = `${Date.now()}-${randomBytes(6).toString("hex")}.eml`;
      // Written under a temporary name first and renamed, so a reader never sees half a mail.
      const temporary = path.join(mailDir, `.${name}.tmp`);
      try {
        fs.writeFileSync(temporary, Buffer.concat(chunks));
        fs.renameSync(temporary, path.join(mailDir, name));
        callback();
      } catch (error) {
        callback(error instanceof Error ? error : new Error(String(error)));
      }
    });
  },
});

server.on("error", (error) => console.error(`smtp-sink: ${error.message}`));

server.listen(port, "127.0.0.1", () => {
  console.log(`smtp-sink listening on 127.0.0.1:${port}, writing to ${mailDir}`);
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
