import type { ImportProblem } from "./import-problems";
import { TEAM_MAX_DEPTH } from "./team-schema";
import { forestLevels } from "./team-tree";
import { teamNameKey } from "./text";
import { runSteps, type Steps } from "~/utils/steps";

// The teams an import names: which exist, which are new, and where each is placed. A path
// "Afdeling > Team" places Team under Afdeling; a team named without a parent keeps the parent
// it has. No team may end up within itself or deeper than TEAM_MAX_DEPTH levels. Pure, and
// linear in the number of teams and path names, however long the chains a file makes.

export interface ExistingTeam {
  id: string;
  name: string;
  parentTeamId: string | null;
  leadPersonId: string | null;
}

export interface TeamCreation {
  name: string;
  parentName: string | null;
}

export interface TeamMove {
  teamId: string;
  name: string;
  fromParent: string | null;
  toParent: string;
}

export interface TeamPathStatement {
  line: number;
  /** From the top down; at least one name. */
  path: string[];
}

export type ReportProblem = (line: number, problem: ImportProblem) => void;

/**
 * The most new teams one import may make: far more than any organisation has (a municipality
 * of 5,000 has some 300), and it bounds the planner's work whatever the file holds.
 */
export const IMPORT_MAX_NEW_TEAMS = 5000;

export interface TeamResolution {
  /** The name a team is known by: the stored spelling of an existing team, else the file's first. */
  canonicalName(name: string): string;
  existingTeam(name: string): ExistingTeam | undefined;
  /** The name of the team it is within once the import is applied; null at the top. */
  parentName(name: string): string | null;
  teamsToCreate: TeamCreation[];
  teamMoves: TeamMove[];
}

/** The teams of the file, or "too_many_teams" when it would make more than IMPORT_MAX_NEW_TEAMS. */
export function resolveTeams(
  statements: TeamPathStatement[],
  existing: ExistingTeam[],
  report: ReportProblem,
): TeamResolution | "too_many_teams" {
  return runSteps(resolveTeamsSteps(statements, existing, report));
}

const STATEMENTS_PER_STEP = 500;

/** resolveTeams in steps, for the planner to pause between (import-plan.ts). */
export function* resolveTeamsSteps(
  statements: TeamPathStatement[],
  existing: ExistingTeam[],
  report: ReportProblem,
): Steps<TeamResolution | "too_many_teams"> {
  const existingByKey = new Map(existing.map((team) => [teamNameKey(team.name), team]));
  const existingById = new Map(existing.map((team) => [team.id, team]));
  /** New teams by key, with the spelling first seen, in order of appearance. */
  const newNames = new Map<string, string>();
  const placements = new Map<string, { parentKey: string; line: number }>();

  const canonicalByKey = (key: string) => existingByKey.get(key)?.name ?? newNames.get(key) ?? key;
  const canonicalName = (name: string) => canonicalByKey(teamNameKey(name));

  let done = 0;
  // A file names the same teams on many lines: each name's key is worked out once.
  const keyOf = new Map<string, string>();
  const nameKey = (name: string) => {
    let key = keyOf.get(name);
    if (key === undefined) keyOf.set(name, (key = teamNameKey(name)));
    return key;
  };
  for (const { line, path } of statements) {
    if (++done % STATEMENTS_PER_STEP === 0) yield;
    const keys = path.map(nameKey);
    keys.forEach((key, index) => {
      if (!existingByKey.has(key) && !newNames.has(key)) newNames.set(key, path[index] as string);
    });
    if (newNames.size > IMPORT_MAX_NEW_TEAMS) return "too_many_teams";
    for (let index = 1; index < keys.length; index++) {
      const childKey = keys[index] as string;
      const parentKey = keys[index - 1] as string;
      const earlier = placements.get(childKey);
      if (!earlier) {
        placements.set(childKey, { parentKey, line });
      } else if (earlier.parentKey !== parentKey) {
        report(line, {
          code: "teamParentConflict",
          params: {
            team: canonicalByKey(childKey),
            parent: canonicalByKey(earlier.parentKey),
            line: earlier.line,
          },
        });
      }
    }
  }

  const existingParentKey = new Map<string, string>();
  for (const [key, team] of existingByKey) {
    const parent = team.parentTeamId ? existingById.get(team.parentTeamId) : undefined;
    if (parent) existingParentKey.set(key, teamNameKey(parent.name));
  }
  const currentParentKey = (key: string): string | null => existingParentKey.get(key) ?? null;
  const finalParentKey = (key: string): string | null =>
    placements.get(key)?.parentKey ?? currentParentKey(key);
  /** The line that places the team somewhere new (a new team, or a move), if any. */
  const movedOnLine = (key: string): number | null => {
    const placement = placements.get(key);
    return placement && placement.parentKey !== currentParentKey(key) ? placement.line : null;
  };

  yield;
  // Every team as the import leaves it, each walked once.
  const tree = forestLevels([...existingByKey.keys(), ...newNames.keys()], finalParentKey);
  for (const [key, placement] of placements) {
    if (tree.onCycle.has(key)) {
      report(placement.line, { code: "teamCycle", params: { team: canonicalByKey(key) } });
    }
  }
  reportTooDeep(tree, finalParentKey, movedOnLine, canonicalByKey, report);

  const teamsToCreate = [...newNames].map(([key, name]) => {
    const parentKey = finalParentKey(key);
    return { name, parentName: parentKey === null ? null : canonicalByKey(parentKey) };
  });
  const teamMoves: TeamMove[] = [];
  for (const [key, placement] of placements) {
    const team = existingByKey.get(key);
    const fromKey = currentParentKey(key);
    if (!team || fromKey === placement.parentKey) continue;
    teamMoves.push({
      teamId: team.id,
      name: team.name,
      fromParent: fromKey === null ? null : canonicalByKey(fromKey),
      toParent: canonicalByKey(placement.parentKey),
    });
  }

  return {
    canonicalName,
    existingTeam: (name) => existingByKey.get(teamNameKey(name)),
    parentName: (name) => {
      const parentKey = finalParentKey(teamNameKey(name));
      return parentKey === null ? null : canonicalByKey(parentKey);
    },
    teamsToCreate,
    teamMoves,
  };
}

/**
 * Reports, once per line, a line that makes a team deeper than TEAM_MAX_DEPTH levels: the
 * nearest line at or above that team which places a team somewhere new. A tree that was
 * already that deep (made by hand) and that the file does not change is not the file's doing.
 */
function reportTooDeep(
  tree: ReturnType<typeof forestLevels<string>>,
  parentOf: (key: string) => string | null,
  movedOnLine: (key: string) => number | null,
  canonicalByKey: (key: string) => string,
  report: ReportProblem,
) {
  const responsibleLine = new Map<string, number | null>();
  const reported = new Set<number>();
  for (const key of tree.topDown) {
    const parent = parentOf(key);
    const line = movedOnLine(key) ?? (parent === null ? null : responsibleLine.get(parent)) ?? null;
    responsibleLine.set(key, line);
    const levels = tree.level.get(key) ?? 0;
    if (levels <= TEAM_MAX_DEPTH || line === null || reported.has(line)) continue;
    reported.add(line);
    report(line, {
      code: "teamTooDeep",
      params: { team: canonicalByKey(key), levels, max: TEAM_MAX_DEPTH },
    });
  }
}
