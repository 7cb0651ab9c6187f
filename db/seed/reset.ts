import type { Kysely } from "kysely";
import type { Database } from "../schema";

/** Every table, children before parents, so deleting in this order never breaks a foreign key. */
export const TABLES_IN_DELETE_ORDER = [
  "audit_log",
  "staged_import",
  "staged_profile_import",
  "email_outbox_invitation",
  "email_outbox",
  "rate_limit",
  "instance_secret",
  "sign_in_token",
  "session",
  "report",
  "competency_score",
  "participant_team",
  "comment",
  "rating",
  "response",
  "sealed_answer",
  "draft",
  "invitation",
  "nomination",
  "participant",
  "cycle",
  "address_change",
  "profile",
  "profile_indicator",
  "profile_competency",
  "profile_cluster",
  "profile_scale_point",
  "profile_snapshot",
  "person",
  "team",
  "organisation",
] as const satisfies readonly (keyof Database)[];

// A table added to Database but not to the list above is a type error here.
type UnlistedTable = Exclude<keyof Database, (typeof TABLES_IN_DELETE_ORDER)[number]>;
const everyTableListed: [UnlistedTable] extends [never] ? true : UnlistedTable = true;
void everyTableListed;

/** Deletes all rows of all tables (the migrations stay). */
export async function deleteAllRows(db: Kysely<Database>): Promise<void> {
  for (const table of TABLES_IN_DELETE_ORDER) await db.deleteFrom(table).execute();
}
