import fs from "node:fs/promises";
import path from "node:path";
import { simpleParser, type AddressObject } from "mailparser";
import { e2eMailDir } from "../../../playwright.config";

/** A mail as the SMTP sink (tests/e2e/support/smtp-sink.ts) received it. */
export interface ReceivedMail {
  subject: string;
  text: string;
  html: string;
  /** Recipient addresses, lower case. */
  to: string[];
  from: string;
  /** The Content-Language header, e.g. "nl". */
  language: string | null;
  /** When the sink received it. */
  receivedAt: Date;
  file: string;
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((object) =>
    object.value.flatMap((entry) => (entry.address ? [entry.address.toLowerCase()] : [])),
  );
}

/** The sink names each file `<epoch ms>-<random>.eml`. */
function receivedAtOf(file: string): Date {
  return new Date(Number(file.split("-")[0]));
}

async function listMailFiles(): Promise<string[]> {
  try {
    return (await fs.readdir(e2eMailDir)).filter((name) => name.endsWith(".eml")).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

const parsed = new Map<string, ReceivedMail>();

async function parseMailFile(file: string): Promise<ReceivedMail> {
  const cached = parsed.get(file);
  if (cached) return cached;
  const mail = await simpleParser(await fs.readFile(path.join(e2eMailDir, file)));
  const language = mail.headers.get("content-language");
  const result: ReceivedMail = {
    subject: mail.subject ?? "",
    text: mail.text ?? "",
    html: typeof mail.html === "string" ? mail.html : "",
    to: addresses(mail.to),
    from: mail.from?.text ?? "",
    language: typeof language === "string" ? language : null,
    receivedAt: receivedAtOf(file),
    file,
  };
  parsed.set(file, result);
  return result;
}

/** Every mail to `to` the sink received at or after `after` (oldest first). */
export async function mailsTo(to: string, options: { after?: Date } = {}): Promise<ReceivedMail[]> {
  const address = to.toLowerCase();
  const since = options.after?.getTime() ?? 0;
  const files = (await listMailFiles()).filter((file) => receivedAtOf(file).getTime() >= since);
  const mails = await Promise.all(files.map(parseMailFile));
  return mails.filter((mail) => mail.to.includes(address));
}

/**
 * Waits for a mail to `to` received at or after `after` (take `after` just before the
 * action that sends it) and returns the newest such mail.
 */
export async function waitForMail(
  to: string,
  options: { after?: Date; timeoutMs?: number } = {},
): Promise<ReceivedMail> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    const mails = await mailsTo(to, options);
    const newest = mails.at(-1);
    if (newest) return newest;
    if (Date.now() > deadline) {
      throw new Error(
        `no mail to ${to} arrived in ${e2eMailDir}` +
          (options.after ? ` since ${options.after.toISOString()}` : ""),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The sign-in link (…/inloggen/link/<token>) in the plain-text part of a sign-in mail. */
export function signInLinkFrom(mail: Pick<ReceivedMail, "text">): string {
  const match = /https?:\/\/\S+\/inloggen\/link\/[A-Za-z0-9_-]+(?:\?\S*)?/.exec(mail.text);
  if (!match) throw new Error(`no sign-in link in the mail:\n${mail.text}`);
  return match[0];
}

/** The six-digit sign-in code in the plain-text part of a sign-in mail. */
export function signInCodeFrom(mail: Pick<ReceivedMail, "text">): string {
  const match = /:\s*(\d{6})\s*$/m.exec(mail.text);
  if (!match?.[1]) throw new Error(`no six-digit code in the mail:\n${mail.text}`);
  return match[1];
}
