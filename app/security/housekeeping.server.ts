import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { isPostgres } from "#db/dialect";
import { cleanUpAnswersAtRest } from "#db/postgres-at-rest";
import { purgeExpiredSessions } from "~/auth/session.server";
import { purgeOldRateLimits } from "./rate-limit.server";

const INTERVAL_MS = 10 * 60 * 1000;

/** Sign-in tokens a day past their end: no use to anyone, and not kept. */
export async function purgeOldSignInTokens(db: Kysely<Database>, now: Date = new Date()) {
  const cutoff = new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString();
  await db.deleteFrom("sign_in_token").where("expires_at", "<", cutoff).execute();
}

export async function runHousekeeping(db: Kysely<Database>, now: Date = new Date()) {
  await purgeOldRateLimits(db, now);
  await purgeExpiredSessions(db, now);
  await purgeOldSignInTokens(db, now);
  // Catches up what a stopped instance left (its scheduled cleanup never ran): answers that
  // came in separately, deleted drafts still in the table's pages.
  if (isPostgres(db)) await cleanUpAnswersAtRest(db);
}

/** Runs the housekeeping at start and then every ten minutes, in the background. */
export function startHousekeeping(db: Kysely<Database>): () => void {
  const run = () =>
    runHousekeeping(db).catch((error: unknown) => {
      console.error(`Opruimen mislukt: ${error instanceof Error ? error.message : error}`);
    });
  void run();
  const timer = setInterval(() => void run(), INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
