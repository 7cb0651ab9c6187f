import type { Kysely } from "kysely";
import type { Database, Locale, Relationship } from "#db/schema";
import type { EmailContent } from "~/email/layout.server";
import { enqueueEmailBuiltWhenSent } from "~/email/outbox.server";
import {
  raterLinksEmail,
  raterLinksSubject,
  type RaterLinksMailKind,
} from "~/email/templates/invitation-links.server";
import { invitationTokenSigner } from "~/rater/invitation-token.server";
import { appUrl } from "~/utils/env.server";
import { invitationPath } from "~/utils/paths";
import { hashToken } from "~/utils/tokens.server";
import { loadCycleMailContext, type CycleMailContext } from "./cycle-mail-context.server";
import { groupByRaterAddress } from "./rater-address";
import { fullName } from "~/people/full-name";
import { compareDutchText } from "~/people/dutch-order";

/** One invitation for one rater, as the grouped mails list them. */
export interface RaterLinkItem {
  /** The invitation's id: the mail refers to it, its link is made when the mail is sent. */
  id: string;
  raterEmail: string;
  raterName: string;
  locale: Locale;
  relationship: Relationship;
  participantName: string;
}

export type RaterMailKind = RaterLinksMailKind;

/** The full link a rater opens, on the address people use to reach Rondom. */
export function invitationUrl(token: string): string {
  return `${appUrl()}${invitationPath(token)}`;
}

/** The self-assessment first (it is about the rater), then by the participant's name. */
function byReadingOrder(
  a: Pick<RaterLinkItem, "relationship" | "participantName">,
  b: Pick<RaterLinkItem, "relationship" | "participantName">,
): number {
  const self = Number(b.relationship === "self") - Number(a.relationship === "self");
  return self || compareDutchText(a.participantName, b.participantName);
}

/**
 * Enqueues ONE mail per rater address for all of that rater's invitations, in the rater's
 * language (the first item's locale: one address is one person, so they agree). The outbox
 * keeps only which invitations the mail lists; the links are made when it is sent (see
 * buildRaterLinksMail), so no usable link is ever stored. Returns the number of mails.
 */
export async function enqueueRaterLinkMails(
  db: Kysely<Database>,
  context: CycleMailContext,
  kind: RaterMailKind,
  items: readonly RaterLinkItem[],
  now: Date,
): Promise<number> {
  const groups = groupByRaterAddress(items);
  for (const group of groups) {
    const links = [...group].sort(byReadingOrder);
    const first = links[0] as RaterLinkItem;
    await enqueueEmailBuiltWhenSent(
      db,
      {
        organisationId: context.organisation.id,
        kind,
        to: first.raterEmail.trim(),
        toName: first.raterName,
        locale: first.locale,
        subject: raterLinksSubject(kind, first.locale, context.cycle.name),
      },
      { type: "rater-links" },
      links.map((link) => link.id),
      now,
    );
  }
  return groups.length;
}

/** What building many rater-links mails in one go reads once (the cycle, the key). */
export interface RaterMailBuildCache {
  contexts: Map<string, Promise<CycleMailContext | null>>;
  sign?: Promise<(invitationId: string) => string>;
}

export function newRaterMailBuildCache(): RaterMailBuildCache {
  return { contexts: new Map() };
}

/**
 * Builds a rater-links mail from its outbox row, now: the invitations it refers to that the
 * rater can still use (open, not withdrawn, not expired, link not re-issued), each with its
 * link derived from the instance's key. Null when none is left or the round no longer
 * collects answers: such a mail is not sent at all.
 */
export async function buildRaterLinksMail(
  db: Kysely<Database>,
  mail: { id: string; kind: string; locale: Locale; to_name: string | null },
  now: Date,
  cache: RaterMailBuildCache = newRaterMailBuildCache(),
): Promise<EmailContent | null> {
  if (mail.kind !== "invitation" && mail.kind !== "reminder") {
    throw new Error(`buildRaterLinksMail: a ${mail.kind} mail lists no invitations`);
  }
  const rows = await db
    .selectFrom("email_outbox_invitation as link")
    .innerJoin("invitation", "invitation.id", "link.invitation_id")
    .innerJoin("participant", "participant.id", "invitation.participant_id")
    .innerJoin("person as subject", "subject.id", "participant.person_id")
    .select([
      "invitation.id",
      "invitation.cycle_id",
      "invitation.relationship",
      "invitation.rater_name",
      "invitation.token_hash",
      "subject.first_name",
      "subject.last_name",
    ])
    .where("link.outbox_id", "=", mail.id)
    .where("invitation.status", "=", "open")
    .where("invitation.revoked_at", "is", null)
    .where((eb) =>
      eb.or([
        eb("invitation.expires_at", "is", null),
        eb("invitation.expires_at", ">", now.toISOString()),
      ]),
    )
    .execute();
  const first = rows[0];
  if (!first) return null;

  let context = cache.contexts.get(first.cycle_id);
  if (!context) {
    context = loadCycleMailContext(db, first.cycle_id);
    cache.contexts.set(first.cycle_id, context);
  }
  const cycle = await context;
  if (!cycle || cycle.cycle.status !== "collecting") return null;
  cache.sign ??= invitationTokenSigner(db);
  const sign = await cache.sign;

  const links = rows
    .filter((row) => row.cycle_id === cycle.cycle.id)
    .map((row) => ({ row, token: sign(row.id) }))
    // A link re-issued since the mail was queued: the old one does not work, leave it out.
    .filter(({ row, token }) => hashToken(token) === row.token_hash)
    .map(({ row, token }) => ({
      relationship: row.relationship,
      participantName: fullName(row),
      href: invitationUrl(token),
    }))
    .sort(byReadingOrder);
  if (links.length === 0) return null;
  return raterLinksEmail(mail.kind, {
    locale: mail.locale,
    organisationName: cycle.organisation.name,
    raterName: mail.to_name ?? first.rater_name,
    cycleName: cycle.cycle.name,
    links,
    answerDeadline: cycle.cycle.answerDeadline,
    minutesPerQuestionnaire: cycle.minutesPerQuestionnaire,
    minGroupSize: cycle.cycle.minGroupSize,
    managerIdentifiable: cycle.cycle.managerIdentifiable,
  });
}

/** Outbox rows that are still to be sent (a claim in 'sending' may yet fail and retry). */
const UNSENT = ["pending", "sending"] as const;

/**
 * A withdrawn invitation leaves every mail not sent yet; a mail that lists nothing else is
 * dropped. (The sender would leave it out anyway; this way the outbox does not even keep
 * that the withdrawn rater was still to be mailed.)
 */
export async function dropInvitationFromUnsentMails(
  db: Kysely<Database>,
  invitationId: string,
): Promise<void> {
  const mails = await db
    .selectFrom("email_outbox_invitation")
    .select("outbox_id")
    .where("invitation_id", "=", invitationId)
    .execute();
  if (mails.length === 0) return;
  await db
    .deleteFrom("email_outbox_invitation")
    .where("invitation_id", "=", invitationId)
    .execute();
  await db
    .deleteFrom("email_outbox")
    .where(
      "id",
      "in",
      mails.map((mail) => mail.outbox_id),
    )
    .where("status", "in", UNSENT)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("email_outbox_invitation")
            .select("email_outbox_invitation.outbox_id")
            .whereRef("email_outbox_invitation.outbox_id", "=", "email_outbox.id"),
        ),
      ),
    )
    .execute();
}

/**
 * When a round closes, its invitation and reminder mails not sent yet are dropped: their
 * links no longer work, and a waiting reminder says who had not answered.
 */
export async function dropUnsentRaterMailsOfCycle(
  db: Kysely<Database>,
  cycleId: string,
): Promise<void> {
  await db
    .deleteFrom("email_outbox")
    .where("status", "in", UNSENT)
    .where("id", "in", (eb) =>
      eb
        .selectFrom("email_outbox_invitation")
        .innerJoin("invitation", "invitation.id", "email_outbox_invitation.invitation_id")
        .select("email_outbox_invitation.outbox_id")
        .where("invitation.cycle_id", "=", cycleId),
    )
    .execute();
}
