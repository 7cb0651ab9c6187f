// A round over many function profiles (BENCH_ONLY=profile-mix): the organisation's library
// holds a family of BENCH_MIX_PROFILES (40) profiles, surveys/toepassing-beleid.md and variants
// of it (scripts/bench/profile-family.ts), and the people's function profiles are spread over
// it. Each figure is measured by the bench that measures it on one profile, with the same sizes
// and setup, and printed next to that one-profile figure:
//   start collecting: the round of scripts/bench/cycles.ts (BENCH_ROUNDS_PEOPLE people, all in
//     it); with it addTeams (participants take their function profile) and start nominating
//     (it freezes each participant's version);
//   release: computeCycleReports on the generated cycle of scripts/bench/reports.ts
//     (BENCH_REPORT_PARTICIPANTS participants × 10 raters);
//   team comparison: loadTeamComparison of the two biggest teams in the municipality of
//     scripts/bench/team-profiles.ts (BENCH_TEAMS_PEOPLE people), with the team figures behind it.
// The one-profile figures of the round and the release are those of the cycles and reports
// sections when they ran in this run; otherwise this section measures them itself, first (which
// doubles its time). The team figures take milliseconds, and one and the same measure differed
// 1.6× between two points of one run: this section always makes both municipalities and runs
// each measure on them in turn.
import type { CyclesBench, CycleFigures, RoundStartBench, Timed } from "./cycles";
import { roundStartBench, roundStartBenchBudgetSeconds } from "./cycles";
import { fmt, median, table } from "./harness";
import { familyBase, familyFacts, profileFamily } from "./profile-family";
import type { GeneratedFigures, ReportBench } from "./reports";
import { generatedBenchBudgetSeconds, generatedFigures } from "./reports";
import type { InProcessMeasure, TeamsFamilyBench, TwoTeamsFigures } from "./team-profiles";
import { teamsFamiliesBench, teamsFamiliesBenchBudgetSeconds } from "./team-profiles";

const FAMILY_SIZE = Number(process.env.BENCH_MIX_PROFILES ?? 40);

// Targets. Every participant is still rated on one profile of about the same size (33 to 40
// indicators against 37), so only the work per profile version grows with the family: 40
// questionnaires to read instead of one, 40 versions to freeze, the team figures' union of
// competencies. At 5,000 participants that should vanish in the work per participant: at most
// 1.5× the one-profile time leaves room for that and for the noise of a shared machine, and a
// miss means work that grows with participants × profiles (or a per-version cost that does not
// vanish). The ratio is taken of the CPU time of this process where the step's work is all in
// it: on a machine shared with other work the wall time of one and the same step varies 2×.
const GOAL_RATIO = 1.5;
// The existing benches print these figures without targets, so the absolute ones are chosen
// here. Starting collecting is a page request that waits for its transaction: well within the
// 60 s after which a reverse proxy (nginx's default proxy_read_timeout) gives up on it.
const GOAL_START_COLLECTING_SECONDS = 30;
// The release runs in the background (finishRelease): the reports and their "ready" mails of a
// 5,000-person round within 5 minutes of HR's click.
export const GOAL_RELEASE_SECONDS = 300;
// The comparison is a page: its loader within a second (in-process, before rendering).
export const GOAL_COMPARISON_MS = 1000;

/** What the sections of this run measured on one profile (null: they did not run). */
export interface OneProfileFigures {
  cycles: CyclesBench | null;
  reports: ReportBench | null;
}

type Source = "this run's section" | "measured here";

interface TeamsSide {
  competencies: number;
  versions: number;
  inProcess: InProcessMeasure[];
  twoTeams: TwoTeamsFigures;
}

export interface ProfileMixBench {
  family: ReturnType<typeof familyFacts>;
  cycles: { source: Source; single: CycleFigures; mixed: RoundStartBench };
  reports: { source: Source; single: GeneratedFigures; mixed: GeneratedFigures };
  teams: { single: TeamsSide; mixed: TeamsSide };
}

/** Seconds this section may take at most (for the watchdog in run.ts), generously. */
export function profileMixBenchBudgetSeconds(ran: { cycles: boolean; reports: boolean }): number {
  const times = (reused: boolean) => (reused ? 1 : 2);
  return (
    30 +
    roundStartBenchBudgetSeconds() * times(ran.cycles) +
    generatedBenchBudgetSeconds() * times(ran.reports) +
    teamsFamiliesBenchBudgetSeconds(2)
  );
}

export async function profileMixBench(measured: OneProfileFigures): Promise<ProfileMixBench> {
  const family = profileFamily(FAMILY_SIZE);
  const base = [familyBase()];
  console.log(
    `Profile mix: a library of ${family.length} profiles; one-profile figures from ` +
      [
        ["rounds", measured.cycles],
        ["reports", measured.reports],
      ]
        .map(([name, ran]) => `${name}: ${ran ? "this run's section" : "measured here"}`)
        .join(", ") +
      ", teams: measured here, in turn with the 40",
  );

  const singleRound = measured.cycles?.cycle ?? (await roundStartBench(base)).cycle;
  const mixedRound = await roundStartBench(family);

  const singleReports = measured.reports?.generated ?? (await generatedFigures(base));
  const mixedReports = await generatedFigures(family);

  const [singleTeams, mixedTeams] = (await teamsFamiliesBench([base, family])).map(teamsSide);

  const source = (ran: unknown): Source => (ran ? "this run's section" : "measured here");
  return {
    family: familyFacts(family),
    cycles: { source: source(measured.cycles), single: singleRound, mixed: mixedRound },
    reports: { source: source(measured.reports), single: singleReports, mixed: mixedReports },
    teams: { single: singleTeams!, mixed: mixedTeams! },
  };
}

function teamsSide(bench: TeamsFamilyBench): TeamsSide {
  return {
    competencies: bench.competencies,
    versions: bench.versionsInCycle,
    inProcess: bench.inProcess,
    twoTeams: bench.twoTeams,
  };
}

// -------------------------------------------------------------------------------------------
// Printing

/** A figure: its wall time and, where this process did the work, its CPU time (same unit). */
interface Figure {
  value: number;
  cpu?: number;
}

interface Row {
  label: string;
  single: Figure;
  mixed: Figure;
  unit: "s" | "ms" | "KiB";
  /** An absolute limit on the mixed figure's value (wall time), besides the ratio. */
  limit?: number;
  /** Whether the row is judged; the others show where the time goes. */
  judged?: boolean;
}

/** The ratio on CPU time where both have one: the wall time also counts waiting for a core. */
function ratioOf(row: Row): number {
  const { single, mixed } = row;
  return single.cpu !== undefined && mixed.cpu !== undefined
    ? mixed.cpu / Math.max(single.cpu, Number.EPSILON)
    : mixed.value / Math.max(single.value, Number.EPSILON);
}

function rowCells(row: Row): string[] {
  const digits = row.unit === "ms" ? 1 : 2;
  const cell = (figure: Figure) =>
    figure.cpu === undefined
      ? `${fmt(figure.value, digits)} ${row.unit}`
      : `${fmt(figure.value, digits)} / ${fmt(figure.cpu, digits)} ${row.unit}`;
  const ratio = ratioOf(row);
  const cells = [row.label, cell(row.single), cell(row.mixed), `${fmt(ratio, 2)}×`];
  if (!row.judged) return [...cells, "", ""];
  const limit = row.limit;
  const met = ratio <= GOAL_RATIO && (limit === undefined || row.mixed.value <= limit);
  return [
    ...cells,
    `≤ ${GOAL_RATIO}×${limit === undefined ? "" : `, ≤ ${fmt(limit)} ${row.unit}`}`,
    met ? "PASS" : "MISS",
  ];
}

const timed = (t: Timed<unknown>): Figure => ({ value: t.seconds, cpu: t.cpuSeconds });
const medianOf = (runs: { ms: number[]; cpuMs: number[] }): Figure => ({
  value: median(runs.ms),
  cpu: median(runs.cpuMs),
});
const measureOf = (side: TeamsSide, id: string): Figure => {
  const measure = side.inProcess.find((candidate) => candidate.id === id);
  if (!measure) throw new Error(`the teams bench has no measure "${id}"`);
  return medianOf(measure);
};

export function printProfileMixBench(bench: ProfileMixBench) {
  const f = bench.family;
  console.log(
    `\n== Profile mix: one round over ${f.profiles} profiles against the same on one ` +
      `(toepassing-beleid and ${f.profiles - 1} variants: the ${f.organisationWide} ` +
      `organisation-wide competencies shared, the others each profile's own; ` +
      `${fmt(f.competencyKeys)} competency keys in all, ${f.indicatorsMin}–${f.indicatorsMax} ` +
      `indicators per profile)`,
  );
  const { cycles, reports: r, teams: t } = bench;
  const columns = [
    "measure",
    "1 profile: wall / CPU",
    `${f.profiles} profiles: wall / CPU`,
    "ratio",
    "target",
    "",
  ];
  const printRows = (rows: Row[]) => console.log(table(rows.map(rowCells), columns));

  console.log(
    `\n  Rounds: ${fmt(cycles.mixed.people)} people, all in the round; over ${f.profiles} ` +
      `profiles ${fmt(cycles.mixed.ownProfileParticipants)} participants are rated on a ` +
      `function profile of their own, on ${cycles.mixed.versionsInRound} versions in all ` +
      `(1 profile: ${cycles.source})`,
  );
  printRows([
    {
      label: "addTeams (participants take their function profile)",
      single: timed(cycles.single.addTeams),
      mixed: timed(cycles.mixed.cycle.addTeams),
      unit: "s",
    },
    {
      label: "start nominating (freezes each participant's version)",
      single: timed(cycles.single.nominating),
      mixed: timed(cycles.mixed.cycle.nominating),
      unit: "s",
    },
    {
      label: `start collecting (${fmt(cycles.mixed.cycle.invitations)} invitations, their mails)`,
      single: timed(cycles.single.collecting),
      mixed: timed(cycles.mixed.cycle.collecting),
      unit: "s",
      limit: GOAL_START_COLLECTING_SECONDS,
      judged: true,
    },
    {
      label: "  … longest event-loop stall during it",
      single: { value: cycles.single.collecting.stallSeconds },
      mixed: { value: cycles.mixed.cycle.collecting.stallSeconds },
      unit: "s",
    },
  ]);

  console.log(
    `\n  Release: ${fmt(r.mixed.participants)} participants × 10 raters; over ${f.profiles} ` +
      `profiles they are rated on ${r.mixed.profiles} versions, ${fmt(r.mixed.indicators, 1)} ` +
      `indicators each on average (1 profile: ${fmt(r.single.indicators, 1)}; ${r.source})`,
  );
  printRows([
    {
      label: "computeCycleReports, whole cycle (every report)",
      single: { value: r.single.cycleSeconds, cpu: r.single.cycleCpuSeconds },
      mixed: { value: r.mixed.cycleSeconds, cpu: r.mixed.cycleCpuSeconds },
      unit: "s",
      limit: GOAL_RELEASE_SECONDS,
      judged: true,
    },
    {
      label: "  … until the first write (read, build all, norm)",
      single: { value: r.single.buildPhaseSeconds },
      mixed: { value: r.mixed.buildPhaseSeconds },
      unit: "s",
    },
    {
      label: "  … longest event-loop stall",
      single: { value: r.single.longestStallSeconds },
      mixed: { value: r.mixed.longestStallSeconds },
      unit: "s",
    },
    {
      label: "reading the answers as computeCycleReports does (before it)",
      single: { value: r.single.readSeconds },
      mixed: { value: r.mixed.readSeconds },
      unit: "s",
    },
    {
      label: `buildReport, mean of a sample of ${fmt(r.mixed.build.sample)}`,
      single: { value: r.single.build.mean },
      mixed: { value: r.mixed.build.mean },
      unit: "ms",
    },
    {
      label: "stored report JSON, mean",
      single: { value: r.single.reportBytes / Math.max(1, r.single.written) / 1024 },
      mixed: { value: r.mixed.reportBytes / Math.max(1, r.mixed.written) / 1024 },
      unit: "KiB",
    },
  ]);

  console.log(
    `\n  Team comparison: the two biggest teams (${t.mixed.twoTeams.members.join(" and ")} ` +
      `members), signed in as HR; over ${f.profiles} profiles the cycle has ${t.mixed.versions} ` +
      `versions and ${fmt(t.mixed.competencies)} competencies; the comparison has ` +
      `${fmt(t.mixed.twoTeams.axes)} axes with ${fmt(t.mixed.twoTeams.shownCells)} cells shown (1 profile: ` +
      `${t.single.twoTeams.axes} axes, ${t.single.twoTeams.shownCells} shown; the runs on the ` +
      "two in turn)",
  );
  printRows([
    {
      label: "loadTeamComparison, two biggest teams (median)",
      single: medianOf(t.single.twoTeams),
      mixed: medianOf(t.mixed.twoTeams),
      unit: "ms",
      limit: GOAL_COMPARISON_MS,
      judged: true,
    },
    {
      label: "  … loadCycleFigures, HR (every team figure)",
      single: measureOf(t.single, "hr-figures"),
      mixed: measureOf(t.mixed, "hr-figures"),
      unit: "ms",
    },
    {
      label: "  … loadCycleProfile (the union of the versions)",
      single: measureOf(t.single, "cycle-profile"),
      mixed: measureOf(t.mixed, "cycle-profile"),
      unit: "ms",
    },
    {
      label: "  … loadCycleMembers (the reads)",
      single: measureOf(t.single, "members"),
      mixed: measureOf(t.mixed, "members"),
      unit: "ms",
    },
    {
      label: "  … computeTeamFigures (the engine, HR)",
      single: measureOf(t.single, "engine"),
      mixed: measureOf(t.mixed, "engine"),
      unit: "ms",
    },
    {
      label: "loadCycleFigures, department head",
      single: measureOf(t.single, "head-figures"),
      mixed: measureOf(t.mixed, "head-figures"),
      unit: "ms",
    },
  ]);
  console.log(
    `  (targets: at most ${GOAL_RATIO}× the one-profile CPU time, and a wall time of at most ` +
      `${GOAL_START_COLLECTING_SECONDS} s to start collecting, ${GOAL_RELEASE_SECONDS} s for ` +
      `the release, ${fmt(GOAL_COMPARISON_MS)} ms for the comparison's loader. One run each ` +
      "of the round's steps and of the release, medians of the team figures' runs. The ratio " +
      "is of the CPU time where there is one: the wall time on a shared machine also counts " +
      "the waiting for a core. Rows without a target show where the time goes.)",
  );
}
