import { answerSealKey } from "#db/answer-seal";
import { createDatabase, type DB } from "#db/database";
import { migrateToLatest } from "#db/migrate";
import { seedIfEmpty } from "#db/seed/demo";
import { adoptBuiltInsInUse } from "~/profiles/library.server";
import { getProfile, getProfiles } from "~/profiles/load.server";
import { startCycleClock } from "~/cycles/cycle-clock.server";
import { isDemoModeEnabled } from "~/demo/demo-mode.server";
import { DEMO_PROFILE_ID } from "~/demo/demo-profile";
import { hasRealOrganisation } from "~/organisation/create-organisation.server";
import { startEmailSender } from "~/email/transport.server";
import { startHousekeeping } from "~/security/housekeeping.server";
import { assertProductionSecrets } from "~/security/startup-secrets";
import { getEnv } from "~/utils/env.server";

declare global {
  // Survives module reloads in development, so there is one connection per process.
  var __rondomDatabase: Promise<DB> | undefined;
}

/** Refuses a production instance outside the demo without secrets of its own (see there). */
function checkSecrets(demo: boolean): void {
  const env = getEnv();
  assertProductionSecrets({
    nodeEnv: env.NODE_ENV,
    demo,
    sessionSecrets: env.SESSION_SECRETS,
    invitationSecret: env.INVITATION_SECRET,
  });
}

async function openDatabase(): Promise<DB> {
  const env = getEnv();
  getProfiles(); // refuses to start on a broken profile in surveys/
  // With the demo switched off it is known now: refused before a database file is made.
  if (env.DEMO_MODE === "off") checkSecrets(false);
  const db = createDatabase(env.DATABASE_URL, { poolSize: env.DATABASE_POOL_SIZE });
  await migrateToLatest(db);
  // Rounds made before the profile library name a built-in profile: their organisations
  // adopt it, so those rounds can still start.
  await adoptBuiltInsInUse(db, getProfiles());
  // The key that seals answers until their round closes: created on first start next to the
  // database (or ANSWER_SEAL_KEY), and refused now, not at a rater's submission, when it does
  // not belong to this database.
  await answerSealKey(db);
  // With the demo switched off, an empty database stays empty until `npm run org:create`.
  const demoProfile = env.DEMO_MODE === "off" ? undefined : getProfile(DEMO_PROFILE_ID);
  if (demoProfile) {
    await seedIfEmpty(db, demoProfile, { seed: env.DEMO_SEED, libraryProfiles: getProfiles() });
  }
  // Otherwise only now: a database without the demo organisation is a real one. Before the
  // clocks start and before the server answers anything.
  // A real organisation next to the demo (made before that was refused) needs them too.
  checkSecrets((await isDemoModeEnabled(db)) && !(await hasRealOrganisation(db)));
  // Closes rounds after their deadline, sends scheduled reminders and finishes releases
  // that a restart cut off (reports and "report ready" mails), starting now.
  startCycleClock(db);
  startHousekeeping(db);
  startEmailSender(db, {
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM,
    intervalMs: env.EMAIL_SEND_INTERVAL_MS,
  });
  return db;
}

/** The application's database, migrated (and seeded with the demo when empty) on first use. */
export function getDb(): Promise<DB> {
  globalThis.__rondomDatabase ??= openDatabase();
  return globalThis.__rondomDatabase;
}
