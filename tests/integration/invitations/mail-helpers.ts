import type { DB } from "#db/database";
import { allAsSent } from "../email/outbox-helpers";

/**
 * The outbox rows of an organisation of one kind, oldest first, with the bodies the sender
 * would send (see asSent).
 */
export async function mailsOf(db: DB, organisationId: string, kind: string) {
  const rows = await db
    .selectFrom("email_outbox")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("kind", "=", kind)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return allAsSent(db, rows);
}

/** The invitation tokens linked in a mail's text, in order. */
export function tokensIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/\S+\/uitnodiging\/(\S+)/g)].map((match) =>
    decodeURIComponent(match[1]!),
  );
}

export async function invitationsOf(db: DB, cycleId: string) {
  return db
    .selectFrom("invitation")
    .selectAll()
    .where("cycle_id", "=", cycleId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** The moment 08:00 in Amsterdam (07:00 UTC in winter) on a day, for schedule tests. */
export function morningOf(day: string): Date {
  return new Date(`${day}T07:00:00.000Z`);
}
