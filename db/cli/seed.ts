import { inTransaction } from "#db/transaction";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEMO_PROFILE_ID } from "../../app/demo/demo-profile";
import { loadProfilesFromDirectory } from "../../app/profiles/load.server";
import { createDatabase, DEFAULT_DATABASE_URL } from "../database";
import { migrateToLatest } from "../migrate";
import { DEFAULT_DEMO_SEED, insertDemo, type DemoSummary } from "../seed/demo";
import { deleteAllRows } from "../seed/reset";

const USAGE = "Gebruik: npm run db:seed -- [--seed <waarde>] [--reset]";

const flags = readFlags();
const seed = flags.seed || process.env.DEMO_SEED || DEFAULT_DEMO_SEED;

const db = createDatabase(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
try {
  await migrateToLatest(db);
  const profiles = loadProfilesFromDirectory(path.resolve("surveys"));
  const profile = profiles.find((candidate) => candidate.id === DEMO_PROFILE_ID);
  if (!profile) throw new Error(`Profiel "${DEMO_PROFILE_ID}" niet gevonden in surveys/.`);

  const started = performance.now();
  const summary = await inTransaction(db, async (trx) => {
    const existing = await trx.selectFrom("organisation").select("name").executeTakeFirst();
    if (existing && !flags.reset) return existing.name;
    if (flags.reset) await deleteAllRows(trx);
    return insertDemo(trx, { profile, libraryProfiles: profiles, seed });
  });

  if (typeof summary === "string") {
    console.error(
      `De database bevat al een organisatie (“${summary}”); er is niets toegevoegd.\n` +
        "Wilt u alle gegevens wissen en de demo opnieuw vullen? " +
        "Gebruik dan: npm run db:seed -- --reset",
    );
    process.exitCode = 1;
  } else {
    printSummary(summary, performance.now() - started);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}

function readFlags(): { seed?: string; reset: boolean } {
  try {
    const { values } = parseArgs({
      options: { seed: { type: "string" }, reset: { type: "boolean", default: false } },
    });
    return values;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`Ongeldige optie (${reason}).\n${USAGE}`);
    process.exit(1);
  }
}

function printSummary(summary: DemoSummary, milliseconds: number): void {
  const lines: [string, number][] = [
    ["personen", summary.people],
    ["teams (incl. afdelingen)", summary.teams],
    ["feedbackrondes", summary.cycles],
    ["deelnemers", summary.participants],
    ["uitnodigingen", summary.invitations],
    ["ingevulde vragenlijsten", summary.responses],
    ["scores", summary.ratings],
    ["opmerkingen", summary.comments],
    ["concepten", summary.drafts],
  ];
  console.log(
    `Demo aangemaakt: ${summary.organisationName} (seed "${summary.seed}", ` +
      `${Math.round(milliseconds)} ms)`,
  );
  const width = Math.max(...lines.map(([label]) => label.length));
  for (const [label, count] of lines) {
    console.log(`  ${label.padEnd(width)}  ${count.toLocaleString("nl-NL").padStart(6)}`);
  }
}
