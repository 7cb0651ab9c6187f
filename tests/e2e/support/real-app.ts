import { expect, type Page } from "@playwright/test";
import { e2eRealBaseURL } from "../../../playwright.config";
import { mailsTo, signInCodeFrom, type ReceivedMail } from "./mail";

// The second app of the e2e run: a real organisation ("Gemeente Voorbeeldstad", made with
// `npm run org:create`) and the demo switched off. Nobody has a one-click sign-in there:
// everyone signs in with the code from their mail. Cookies are per host, not per port, so a
// browser context talks to this app only, never also to the demo app.

export const realBaseURL = e2eRealBaseURL;
/** The organisation that `npm run org:create` made at the start of the run. */
export const realOrganisationName = "Gemeente Voorbeeldstad";

/** An absolute address in the real app. */
export const realUrl = (path: string) => new URL(path, e2eRealBaseURL).toString();

/** Today in the organisation's time zone plus `days`, as YYYY-MM-DD. */
export function amsterdamDay(days = 0): string {
  const today = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Amsterdam",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * Waits for the newest mail to `to` received at or after `after` whose subject is `subject`
 * (other mails to the same address, sent just before, do not count).
 */
export async function waitForMailWithSubject(
  to: string,
  subject: string,
  options: { after: Date; timeoutMs?: number },
): Promise<ReceivedMail> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    const found = (await mailsTo(to, { after: options.after }))
      .filter((mail) => mail.subject === subject)
      .at(-1);
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = (await mailsTo(to)).map(
        (mail) => `${mail.receivedAt.toISOString()} ${mail.subject}`,
      );
      throw new Error(
        `no mail "${subject}" to ${to} since ${options.after.toISOString()}; received: ${seen.join("; ") || "none"}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The one link in a mail's plain text whose path starts with `pathPrefix` (in the real app). */
export function linkFrom(mail: Pick<ReceivedMail, "text">, pathPrefix: string): string {
  const links = (mail.text.match(/https?:\/\/\S+/g) ?? []).filter(
    (link) => link.startsWith(e2eRealBaseURL) && new URL(link).pathname.startsWith(pathPrefix),
  );
  if (links.length !== 1) {
    throw new Error(
      `expected one ${pathPrefix} link in the mail, found ${links.length}:\n${mail.text}`,
    );
  }
  return links[0]!;
}

/**
 * On the real app's sign-in page (after a redirect from a protected page): asks for a code
 * by mail, types it in, and lands on the page that was asked for.
 */
export async function signInWithMailedCode(page: Page, email: string) {
  await expect(page).toHaveURL(/\/inloggen(\?|$)/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inloggen bij Rondom");
  await page.getByLabel("E-mailadres").fill(email);
  const after = new Date();
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page).toHaveURL(/\/inloggen\/code/);
  const mail = await waitForMailWithSubject(
    email,
    `Inloggen bij Rondom (${realOrganisationName})`,
    {
      after,
    },
  );
  await page.getByLabel("Code van zes cijfers").fill(signInCodeFrom(mail));
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(page).not.toHaveURL(/\/inloggen/);
}
