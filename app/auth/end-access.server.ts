import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { destroyAllSessions } from "./session.server";

/**
 * Ends whatever access a person holds now: every session, and every sign-in link or code
 * mailed and not used yet. Called when what their account stands for changes (address,
 * HR role, deactivation), so that an old cookie or an old mail cannot outlive the change —
 * e.g. reactivating someone must not bring their old sessions back. Returns the number of
 * sessions ended (for the audit log).
 */
export async function endAccess(
  db: Kysely<Database>,
  personId: string,
  now: Date = new Date(),
): Promise<number> {
  const sessions = await destroyAllSessions(db, personId);
  await endOpenSignIns(db, personId, now);
  return sessions;
}

/** Every sign-in link or code of the person that is not used yet stops working. */
export async function endOpenSignIns(
  db: Kysely<Database>,
  personId: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable("sign_in_token")
    .set({ used_at: now.toISOString() })
    .where("person_id", "=", personId)
    .where("used_at", "is", null)
    .execute();
}
