import { getCurrentUser } from "~/auth/guards.server";
import * as codePage from "~/routes/inloggen.code";
import * as linkPage from "~/routes/inloggen.link.$token";
import * as signInPage from "~/routes/inloggen._index";
import type { DB } from "#db/database";
import { call, getRequest, postRequest, type Fields } from "../../support/requests";
import { eventually } from "../../support/eventually";
import { mailsSince, outboxIds, parseSignInMail, type SignInMail } from "../../support/mail";
import type { Outcome } from "../../support/route-outcome";

/**
 * A browser as the sign-in pages see it: a client address and the cookies the pages set,
 * sent back with every request. Calls the route loaders and actions directly (as Remix
 * would), so the attacks run through the same code as a real visit.
 */
export class Browser {
  private readonly jar = new Map<string, string>();

  constructor(readonly clientAddress: string) {}

  /** The `Cookie` header this browser sends. */
  get cookie(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  cookieNames(): string[] {
    return [...this.jar.keys()];
  }

  private remember(outcome: Outcome): Outcome {
    const headers =
      outcome.kind === "response"
        ? outcome.response.headers
        : outcome.kind === "data"
          ? outcome.headers
          : new Headers();
    for (const setCookie of headers.getSetCookie()) {
      const [pair = "", ...attributes] = setCookie.split(";");
      const name = pair.slice(0, pair.indexOf("=")).trim();
      const value = pair.slice(pair.indexOf("=") + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (expired || value === "") this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return outcome;
  }

  private get init() {
    return { cookie: this.cookie || undefined };
  }

  /** POST /inloggen: asks for a sign-in mail for the address. */
  async askFor(email: string, redirectTo?: string): Promise<Outcome> {
    const fields: Fields = [["email", email]];
    if (redirectTo !== undefined) fields.push(["redirectTo", redirectTo]);
    return this.remember(
      await call(signInPage.action, postRequest("/inloggen", fields, this.init), {
        clientAddress: this.clientAddress,
      }),
    );
  }

  /** GET /inloggen with a query. */
  async openSignInPage(query = ""): Promise<Outcome> {
    return this.remember(
      await call(signInPage.loader, getRequest(`/inloggen${query}`, this.init), {
        clientAddress: this.clientAddress,
      }),
    );
  }

  /** POST /inloggen/code. */
  async typeCode(code: string): Promise<Outcome> {
    return this.remember(
      await call(codePage.action, postRequest("/inloggen/code", [["code", code]], this.init), {
        clientAddress: this.clientAddress,
      }),
    );
  }

  /** GET of the mail's link (what a mail scanner does too). */
  async openLink(mail: SignInMail): Promise<Outcome> {
    const url = new URL(mail.link);
    return this.remember(
      await call(linkPage.loader, getRequest(url.pathname + url.search, this.init), {
        params: { token: mail.token },
        clientAddress: this.clientAddress,
      }),
    );
  }

  /** POST of the link page's form, with the fields given. */
  async pressLinkButton(mail: SignInMail, fields: Fields = []): Promise<Outcome> {
    const url = new URL(mail.link);
    return this.remember(
      await call(linkPage.action, postRequest(url.pathname + url.search, fields, this.init), {
        params: { token: mail.token },
        clientAddress: this.clientAddress,
      }),
    );
  }

  /** Who this browser is signed in as, if anyone. */
  async signedInAs(db: DB): Promise<string | null> {
    const user = await getCurrentUser(getRequest("/mijn", this.init), db);
    return user?.id ?? null;
  }
}

/**
 * The sign-in mails to `address` written since `before` that would still be sent, waiting
 * until `count` have been written (the sign-in page writes its mail after it has answered;
 * a mail whose sign-in was dropped for newer ones is not sent).
 */
let browsers = 0;
/** A new browser on a client address of its own (198.51.100.x), so limits per client stay apart. */
export function newBrowser(): Browser {
  browsers += 1;
  return new Browser(`198.51.100.${browsers}`);
}

export async function signInMailsTo(
  db: DB,
  address: string,
  before: Set<string>,
  count = 1,
): Promise<SignInMail[]> {
  return eventually(async () => {
    const rows = (await mailsSince(db, before)).filter(
      (row) => row.kind === "sign-in" && row.to_address.toLowerCase() === address.toLowerCase(),
    );
    if (rows.length < count) return undefined;
    return rows
      .filter((row) => row.text_body.includes("/inloggen/link/"))
      .map((row) => parseSignInMail(row));
  });
}

/** Runs `ask` (a POST /inloggen) and returns the one sign-in mail to `address` it made. */
export async function oneMailFrom(
  db: DB,
  address: string,
  ask: () => Promise<unknown>,
): Promise<SignInMail> {
  const before = await outboxIds(db);
  await ask();
  const mails = await signInMailsTo(db, address, before);
  if (mails.length !== 1) throw new Error(`Expected one mail to ${address}, got ${mails.length}`);
  return mails[0]!;
}
