import nodemailer, { type Transporter } from "nodemailer";
import type { DB } from "#db/database";
import { sendDueEmails } from "./sender.server";

/** An SMTP transport from a URL such as smtp://user:pass@mail.example:587. */
export function createSmtpTransport(url: string): Transporter {
  return nodemailer.createTransport(url);
}

/**
 * Sends due mails from the outbox every few seconds, in the background. Without SMTP
 * configured nothing is started and mails stay in the outbox.
 */
export function startEmailSender(
  db: DB,
  options: { smtpUrl?: string; from: string; intervalMs: number },
): () => void {
  if (!options.smtpUrl) return () => {};
  const transport = createSmtpTransport(options.smtpUrl);
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await sendDueEmails(db, transport, options.from);
    } catch (error) {
      console.error(`E-mail verzenden mislukt: ${error instanceof Error ? error.message : error}`);
    } finally {
      running = false;
    }
  }, options.intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    transport.close();
  };
}
