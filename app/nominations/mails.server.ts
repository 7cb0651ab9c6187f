import type { DB } from "#db/database";
import type { Locale } from "#db/schema";
import { enqueueEmail } from "~/email/outbox.server";
import { nominationDecisionEmail } from "~/email/templates/nomination-decision.server";
import { nominationRequestEmail } from "~/email/templates/nomination-request.server";
import { appUrl } from "~/utils/env.server";
import type { NominationContext, PersonRef } from "./participant-context.server";
import { nominationPath, reviewPath } from "./paths";

// The mails of the nomination stage that follow someone's action: the lead is asked to
// approve, the participant hears of the decision. (The first request is in requests.server.ts.)

/** The round's mail language when HR set one, else the recipient's own. */
export function mailLocaleFor(cycle: { mailLocale: Locale | null }, recipient: { locale: Locale }) {
  return cycle.mailLocale ?? recipient.locale;
}

/** "Nominations to approve" to the participant's lead; false when the round names no lead. */
export async function enqueueReviewRequestMail(
  db: DB,
  context: NominationContext,
  now: Date,
): Promise<boolean> {
  const lead = context.manager;
  if (!lead) return false;
  const locale = mailLocaleFor(context.cycle, lead);
  const mail = nominationRequestEmail("review", {
    locale,
    organisationName: context.organisationName,
    firstName: lead.firstName,
    participantName: context.person.name,
    cycleName: context.cycle.name,
    deadline: context.cycle.nominationDeadline,
    link: `${appUrl()}${reviewPath(context.participantId)}`,
  });
  await enqueueEmail(db, recipientMail(context, lead, locale, "nomination-review", mail), now);
  return true;
}

export interface NominationDecision {
  kind: "approved" | "changed";
  actorName: string;
  removed: readonly string[];
  added: readonly string[];
}

/** "Your nominations were approved" (or changed afterwards) to the participant. */
export async function enqueueDecisionMail(
  db: DB,
  context: NominationContext,
  decision: NominationDecision,
  now: Date,
): Promise<void> {
  const participant = context.person;
  const locale = mailLocaleFor(context.cycle, participant);
  const mail = nominationDecisionEmail({
    locale,
    organisationName: context.organisationName,
    firstName: participant.firstName,
    cycleName: context.cycle.name,
    ...decision,
    link: `${appUrl()}${nominationPath(context.participantId)}`,
  });
  await enqueueEmail(
    db,
    recipientMail(context, participant, locale, "nomination-decision", mail),
    now,
  );
}

function recipientMail(
  context: NominationContext,
  recipient: PersonRef,
  locale: Locale,
  kind: string,
  mail: { subject: string; text: string; html: string },
) {
  return {
    organisationId: context.organisationId,
    kind,
    to: recipient.email,
    toName: recipient.name,
    locale,
    ...mail,
  };
}
