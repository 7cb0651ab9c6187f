import type { Kysely } from "kysely";
import type { Database, Locale, Relationship } from "#db/schema";
import { raterLinksEmail, type RaterLinksMail } from "~/email/templates/invitation-links.server";
import { enqueueEmail } from "~/email/outbox.server";
import { appUrl } from "~/utils/env.server";
import { invitationPath } from "~/utils/paths";
import type { CycleMailContext } from "./cycle-mail-context.server";
import { groupByRaterAddress } from "./rater-address";

/** One link for one rater, as the grouped mails list them. */
export interface RaterLinkItem {
  raterEmail: string;
  raterName: string;
  locale: Locale;
  relationship: Relationship;
  participantName: string;
  token: string;
}

export type RaterMailKind = "invitation" | "reminder";

/** The full link a rater opens, on the address people use to reach Rondom. */
export function invitationUrl(token: string): string {
  return `${appUrl()}${invitationPath(token)}`;
}

/** The self-assessment first (it is about the rater), then by the participant's name. */
function byReadingOrder(a: RaterLinkItem, b: RaterLinkItem): number {
  const self = Number(b.relationship === "self") - Number(a.relationship === "self");
  return self || a.participantName.localeCompare(b.participantName, "nl");
}

/**
 * Enqueues ONE mail per rater address listing all of that rater's links, in the rater's
 * language (the first link's locale: one address is one person, so they agree). Returns
 * the number of mails.
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
    const mail: RaterLinksMail = {
      locale: first.locale,
      organisationName: context.organisation.name,
      raterName: first.raterName,
      cycleName: context.cycle.name,
      links: links.map((link) => ({
        relationship: link.relationship,
        participantName: link.participantName,
        href: invitationUrl(link.token),
      })),
      answerDeadline: context.cycle.answerDeadline,
      minutesPerQuestionnaire: context.minutesPerQuestionnaire,
      minGroupSize: context.cycle.minGroupSize,
      managerIdentifiable: context.cycle.managerIdentifiable,
    };
    const content = raterLinksEmail(kind, mail);
    await enqueueEmail(
      db,
      {
        organisationId: context.organisation.id,
        kind,
        to: first.raterEmail.trim(),
        toName: first.raterName,
        locale: first.locale,
        ...content,
      },
      now,
    );
  }
  return groups.length;
}
