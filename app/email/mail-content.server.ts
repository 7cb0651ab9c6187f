import type { Kysely } from "kysely";
import type { Database, EmailOutboxTable } from "#db/schema";
import { buildSignInMail } from "~/auth/sign-in.server";
import { buildAddressChangeMail } from "~/people/address-change.server";
import {
  buildRaterLinksMail,
  newRaterMailBuildCache,
  type RaterMailBuildCache,
} from "~/invitations/rater-mails.server";
import type { EmailContent } from "./layout.server";
import { mailReferenceOf } from "./outbox.server";

/** The outbox columns a mail's content is made from. */
export type OutboxMailRow = Pick<
  EmailOutboxTable,
  "id" | "kind" | "locale" | "to_name" | "subject" | "text_body" | "html_body" | "reference"
>;

/** What building many mails in one go (a sender run, the outbox page) reads only once. */
export interface MailBuildCache {
  raterMails: RaterMailBuildCache;
}

export function newMailBuildCache(): MailBuildCache {
  return { raterMails: newRaterMailBuildCache() };
}

/**
 * The content of an outbox mail as it would be sent at `now`: the stored body, or, for a
 * mail with keys in it, the mail built from its reference with the keys derived now. Null
 * when such a mail can no longer be built (every link it would carry was withdrawn, used or
 * has expired): it is not to be sent.
 */
export async function outboxMailContent(
  db: Kysely<Database>,
  row: OutboxMailRow,
  now: Date,
  cache: MailBuildCache = newMailBuildCache(),
): Promise<EmailContent | null> {
  const reference = mailReferenceOf(row);
  if (reference === null) {
    return { subject: row.subject, text: row.text_body, html: row.html_body };
  }
  switch (reference.type) {
    case "rater-links":
      return buildRaterLinksMail(db, row, now, cache.raterMails);
    case "sign-in":
      return buildSignInMail(db, reference, row.locale, now);
    case "address-change":
      return buildAddressChangeMail(db, reference, row.locale, now);
  }
}
