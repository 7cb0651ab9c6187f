// The people import at the upload limit (2 MB), in-process on a fresh SQLite file: the
// preview (stageImport + previewImport, what the upload and the preview page do) of the worst
// files for the planner (tests/support/fixtures/worst-case-import.ts), with its wall time, its CPU
// time and the longest event-loop stall meanwhile (the longest any other request to the server
// would wait). Before the limits, one row with a team path of 10,000 levels kept the server
// from answering anyone for 10.5 s.
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createDatabase, type DB } from "#db/database";
import { migrateToLatest } from "#db/migrate";
import { createOrganisation } from "~/organisation/create-organisation.server";
import { parseCsv } from "~/people/csv";
import { buildImportPlan, IMPORT_MAX_ROWS, type ImportPlan } from "~/people/import-plan";
import { loadImportContext, previewImport, stageImport } from "~/people/import.server";
import { IMPORT_MAX_NEW_TEAMS } from "~/people/import-teams";
import { MAX_IMPORT_BYTES } from "~/people/import-upload-schema";
import type { Actor } from "~/people/person-store.server";
import { TEAM_MAX_DEPTH } from "~/people/team-schema";
import {
  deepTeamsImport,
  manyPeopleImport,
  manyTeamsImport,
} from "../../tests/support/fixtures/worst-case-import";
import { fmt, makeTempDir, median, sleep, table } from "./harness";

const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);
const GOAL_PREVIEW_SECONDS = 1;

export interface ImportLimitsBench {
  files: FileFigures[];
}

interface FileFigures {
  name: string;
  bytes: number;
  rows: number;
  planMs: number[];
  previewMs: number[];
  cpuMs: number[];
  /** The longest event-loop stall during each preview run, in ms. */
  stallMs: number[];
  counts: ImportPlan["counts"];
  problems: Record<string, number>;
}

/** Seconds the section may take at most (for the watchdog in run.ts), generously. */
export function importLimitsBenchBudgetSeconds(): number {
  return 60 + RUNS * 20;
}

export async function importLimitsBench(): Promise<ImportLimitsBench> {
  const dir = makeTempDir("bench-import");
  const db = createDatabase(`file:${path.join(dir, "import.sqlite")}`);
  try {
    await migrateToLatest(db);
    const hr = await createOrganisation(db, {
      name: "Gemeente Diephoven",
      hrFirstName: "Hanna",
      hrLastName: "Roos",
      hrEmail: "hr@diephoven.example",
    });
    const actor: Actor = { id: hr.personId, organisationId: hr.organisationId };
    return {
      files: [
        await measure(db, actor, "deep teams: 5,000 new, chains, a cycle", deepTeamsImport().text),
        await measure(db, actor, "many teams: 200,000 new (refused)", manyTeamsImport().text),
        await measure(db, actor, "many people: 2 MB of rows (refused)", manyPeopleImport().text),
        await measure(
          db,
          actor,
          `many people: ${IMPORT_MAX_ROWS.toLocaleString("en")} rows (the most accepted)`,
          firstRows(manyPeopleImport().text, IMPORT_MAX_ROWS),
        ),
      ],
    };
  } finally {
    await db.destroy();
  }
}

/** The header and the first `count` rows of a file. */
function firstRows(text: string, count: number): string {
  return text
    .split("\n")
    .slice(0, count + 1)
    .join("\n");
}

async function measure(db: DB, actor: Actor, name: string, text: string): Promise<FileFigures> {
  console.log(`Import limits: ${name}, ${fmt(Buffer.byteLength(text) / 1024)} KiB …`);
  const csv = parseCsv(text);
  const context = await loadImportContext(db, actor, csv);
  const planMs: number[] = [];
  let plan: ImportPlan | undefined;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    plan = buildImportPlan(csv, context);
    planMs.push(performance.now() - started);
  }
  const previewMs: number[] = [];
  const cpuMs: number[] = [];
  const stallMs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    await sleep(30); // the histogram counts from its first tick
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const importId = await stageImport(db, actor, { fileName: "diep.csv", content: text });
    const preview = await previewImport(db, actor, importId);
    if (!preview) throw new Error("the staged import was not found");
    previewMs.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    cpuMs.push((cpu.user + cpu.system) / 1000);
    await sleep(30); // a stall is recorded when the timer next runs
    stalls.disable();
    stallMs.push(stalls.max / 1e6);
  }
  const problems: Record<string, number> = {};
  for (const row of plan?.rows ?? []) {
    if (row.kind !== "error") continue;
    for (const problem of row.problems) problems[problem.code] = (problems[problem.code] ?? 0) + 1;
  }
  for (const problem of plan?.problems ?? [])
    problems[problem.code] = (problems[problem.code] ?? 0) + 1;
  return {
    name,
    bytes: Buffer.byteLength(text),
    rows: csv.ok ? csv.rows.length : 0,
    planMs,
    previewMs,
    cpuMs,
    stallMs,
    counts: plan!.counts,
    problems,
  };
}

const ms = (values: readonly number[]) =>
  `${fmt(median(values))} ms (${values.map((value) => fmt(value)).join(" / ")})`;

export function printImportLimitsBench(bench: ImportLimitsBench) {
  console.log(
    `\n== Imports at the upload limit (${fmt(MAX_IMPORT_BYTES / 1024)} KiB worst cases; ` +
      `team paths at most ${TEAM_MAX_DEPTH} levels, at most ${fmt(IMPORT_MAX_NEW_TEAMS)} new ` +
      "teams; in-process)",
  );
  const rows: string[][] = [];
  for (const file of bench.files) {
    rows.push(
      [file.name, ""],
      ["  file: rows / size", `${fmt(file.rows)} / ${fmt(file.bytes / 1024)} KiB`],
      [`  buildImportPlan alone, median of ${file.planMs.length}`, ms(file.planMs)],
      [
        `  preview (stageImport + previewImport), median of ${file.previewMs.length}`,
        ms(file.previewMs),
      ],
      ["  … CPU", ms(file.cpuMs)],
      ["  … longest event-loop stall (others wait at most)", ms(file.stallMs)],
      [
        "  … plan: new / errors / teams to create",
        `${fmt(file.counts.new)} / ${fmt(file.counts.errors)} / ${fmt(file.counts.teamsToCreate)}`,
      ],
      [
        "  … problems",
        Object.entries(file.problems)
          .map(([code, count]) => `${code}×${fmt(count)}`)
          .join(" ") || "none",
      ],
    );
  }
  console.log(table(rows, ["measure", "value"]));
  console.log(
    "  (the preview pauses after every 10 ms of planning (buildImportPlanYielding), so the " +
      "server answers other requests meanwhile: the longest stall is the longest one waits, " +
      "from the parts that do not pause: reading the CSV, the database reads, the plan's hash)",
  );
  console.log(`\n== Goals (issue 14: imports are linear)`);
  console.log(
    table(
      bench.files.map((file) => {
        const previewMs = median(file.previewMs);
        return [
          `preview of a 2 MB file: ${file.name}`,
          `< ${GOAL_PREVIEW_SECONDS} s`,
          `${(previewMs / 1000).toFixed(2)} s`,
          previewMs < GOAL_PREVIEW_SECONDS * 1000 ? "PASS" : "MISS",
        ];
      }),
      ["goal", "target", "measured", ""],
    ),
  );
}
