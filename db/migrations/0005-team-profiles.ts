import type { Kysely } from "kysely";

// Frozen: never edit a migration that has landed; add a new one instead.
// Only Kysely's schema builder and plain queries (no app code), so it runs on SQLite and
// PostgreSQL and keeps doing what it did when the app changes.

/** The tables this migration reads and writes, as they are at this point of the history. */
interface BackfillDatabase {
  report: { id: string; cycle_id: string; participant_id: string; content: string };
  participant: { id: string; person_id: string };
  person: { id: string; team_id: string | null };
  team: { id: string; parent_team_id: string | null };
  competency_score: {
    participant_id: string;
    cycle_id: string;
    competency_key: string;
    others_mean: number;
  };
  participant_team: { participant_id: string; cycle_id: string; team_id: string; depth: number };
}

/** Reports read per query during the backfill (their JSON content is large). */
const REPORTS_PER_READ = 200;
/** Rows per insert statement (4 parameters each, well under every database's limit). */
const ROWS_PER_INSERT = 500;

export async function up(db: Kysely<unknown>): Promise<void> {
  // A participant's "all others" score per competency as their frozen report shows it: the
  // input of team profiles. Absent where the report withholds the score.
  await db.schema
    .createTable("competency_score")
    .addColumn("participant_id", "text", (c) =>
      c.notNull().references("participant.id").onDelete("cascade"),
    )
    .addColumn("cycle_id", "text", (c) => c.notNull().references("cycle.id").onDelete("cascade"))
    .addColumn("competency_key", "text", (c) => c.notNull())
    .addColumn("others_mean", "real", (c) => c.notNull())
    .addPrimaryKeyConstraint("competency_score_pk", ["participant_id", "competency_key"])
    .execute();
  await db.schema
    .createIndex("competency_score_cycle_idx")
    .on("competency_score")
    .column("cycle_id")
    .execute();

  // The teams a participant belonged to when the reports were frozen: own team (depth 0) and
  // every team above it. Team profiles of a released cycle count members by this only.
  await db.schema
    .createTable("participant_team")
    .addColumn("participant_id", "text", (c) =>
      c.notNull().references("participant.id").onDelete("cascade"),
    )
    .addColumn("cycle_id", "text", (c) => c.notNull().references("cycle.id").onDelete("cascade"))
    .addColumn("team_id", "text", (c) => c.notNull().references("team.id").onDelete("cascade"))
    .addColumn("depth", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("participant_team_pk", ["participant_id", "team_id"])
    .execute();
  await db.schema
    .createIndex("participant_team_team_cycle_idx")
    .on("participant_team")
    .columns(["team_id", "cycle_id"])
    .execute();
  await db.schema
    .createIndex("participant_team_cycle_idx")
    .on("participant_team")
    .column("cycle_id")
    .execute();

  await backfill(db as unknown as Kysely<BackfillDatabase>);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("participant_team").execute();
  await db.schema.dropTable("competency_score").execute();
}

/**
 * Rows for the reports released before this migration: the scores from each stored report,
 * the teams from the person's team now (the best there is) and the teams above it.
 */
async function backfill(db: Kysely<BackfillDatabase>): Promise<void> {
  const teams = await db.selectFrom("team").select(["id", "parent_team_id"]).execute();
  const parentOf = new Map(teams.map((team) => [team.id, team.parent_team_id]));
  const teamPath = (teamId: string | null): string[] => {
    const path: string[] = [];
    let current = teamId;
    // A loop in the parent links ends the path where it would repeat a team.
    while (current !== null && parentOf.has(current) && !path.includes(current)) {
      path.push(current);
      current = parentOf.get(current) ?? null;
    }
    return path;
  };

  let after = "";
  for (;;) {
    const reports = await db
      .selectFrom("report")
      .innerJoin("participant", "participant.id", "report.participant_id")
      .innerJoin("person", "person.id", "participant.person_id")
      .select(["report.id", "report.cycle_id", "report.participant_id", "report.content"])
      .select("person.team_id")
      .where("report.id", ">", after)
      .orderBy("report.id")
      .limit(REPORTS_PER_READ)
      .execute();
    if (reports.length === 0) break;
    after = reports.at(-1)!.id;

    const scores: BackfillDatabase["competency_score"][] = [];
    const memberships: BackfillDatabase["participant_team"][] = [];
    for (const report of reports) {
      for (const [competencyKey, othersMean] of othersMeans(report.content)) {
        scores.push({
          participant_id: report.participant_id,
          cycle_id: report.cycle_id,
          competency_key: competencyKey,
          others_mean: othersMean,
        });
      }
      teamPath(report.team_id).forEach((teamId, depth) => {
        memberships.push({
          participant_id: report.participant_id,
          cycle_id: report.cycle_id,
          team_id: teamId,
          depth,
        });
      });
    }
    for (let start = 0; start < scores.length; start += ROWS_PER_INSERT) {
      await db
        .insertInto("competency_score")
        .values(scores.slice(start, start + ROWS_PER_INSERT))
        .onConflict((oc) => oc.columns(["participant_id", "competency_key"]).doNothing())
        .execute();
    }
    for (let start = 0; start < memberships.length; start += ROWS_PER_INSERT) {
      await db
        .insertInto("participant_team")
        .values(memberships.slice(start, start + ROWS_PER_INSERT))
        .onConflict((oc) => oc.columns(["participant_id", "team_id"]).doNothing())
        .execute();
    }
  }
}

/** The shown "all others" mean per competency key of a report's JSON; none when unreadable. */
function othersMeans(content: string): [string, number][] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return [];
  }
  const competencies = (parsed as { competencies?: unknown } | null)?.competencies;
  if (!Array.isArray(competencies)) return [];
  const means: [string, number][] = [];
  for (const competency of competencies as {
    key?: unknown;
    figures?: { others?: { mean?: unknown } | null };
  }[]) {
    const mean = competency?.figures?.others?.mean;
    if (typeof competency?.key === "string" && typeof mean === "number" && Number.isFinite(mean)) {
      means.push([competency.key, mean]);
    }
  }
  return means;
}
