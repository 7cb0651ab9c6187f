import nodemailer, { type Transporter } from "nodemailer";
import type { DB } from "#db/database";
import { sendDueEmails } from "./sender.server";

/**
 * Timeouts of one SMTP attempt (nodemailer's defaults allow up to 10 minutes of silence).
 * They end a hanging attempt within minutes, far inside STALE_SENDING_MS of sender.server.ts,
 * so a claim only goes stale when the process that made it is gone.
 */
export const SMTP_TIMEOUTS = {
  connectionTimeout: 30_000,
  greetingTimeout: 30_000,
  socketTimeout: 60_000,
} as const;

/** An SMTP transport from a URL such as smtp://user:pass@mail.example:587. */
export function createSmtpTransport(url: string): Transporter {
  return nodemailer.createTransport({ url, ...SMTP_TIMEOUTS });
}

/**
 * Sends due mails from the outbox in the background: once right away (a restart picks up
 * what the previous process left: pending mails now, stale 'sending' ones once stale), then
 * every `intervalMs`. One run at a time. Without SMTP configured nothing is started and
 * mails stay in the outbox. Returns a function that stops the timer and closes the transport.
 */
export function startEmailSender(
  db: DB,
  options: { smtpUrl?: string; from: string; intervalMs: number },
): () => void {
  if (!options.smtpUrl) return () => {};
  const transport = createSmtpTransport(options.smtpUrl);
  let running = false;
  let stopped = false;
  const run = async () => {
    if (running || stopped) return;
    running = true;
    try {
      await sendDueEmails(db, transport, options.from);
    } catch (error) {
      console.error(`E-mail verzenden mislukt: ${error instanceof Error ? error.message : error}`);
    } finally {
      running = false;
    }
  };
  // run() catches its own failures, so nothing is left to await.
  const timer = setInterval(() => void run(), options.intervalMs);
  timer.unref();
  setImmediate(() => void run());
  return () => {
    stopped = true;
    clearInterval(timer);
    transport.close();
  };
}
