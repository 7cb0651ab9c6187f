import type { ImportProblem } from "./import-problems";
import { teamNameKey } from "./text";

// The teams an import names: which exist, which are new, and where each is placed. A path
// "Afdeling > Team" places Team under Afdeling; a team named without a parent keeps the parent
// it has. Pure.

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

export interface TeamResolution {
  /** The name a team is known by: the stored spelling of an existing team, else the file's first. */
  canonicalName(name: string): string;
  existingTeam(name: string): ExistingTeam | undefined;
  teamsToCreate: TeamCreation[];
  teamMoves: TeamMove[];
}

export function resolveTeams(
  statements: TeamPathStatement[],
  existing: ExistingTeam[],
  report: ReportProblem,
): TeamResolution {
  const existingByKey = new Map(existing.map((team) => [teamNameKey(team.name), team]));
  const existingById = new Map(existing.map((team) => [team.id, team]));
  /** New teams by key, with the spelling first seen, in order of appearance. */
  const newNames = new Map<string, string>();
  const placements = new Map<string, { parentKey: string; line: number }>();

  const canonicalByKey = (key: string) => existingByKey.get(key)?.name ?? newNames.get(key) ?? key;
  const canonicalName = (name: string) => canonicalByKey(teamNameKey(name));

  for (const { line, path } of statements) {
    for (const name of path) {
      const key = teamNameKey(name);
      if (!existingByKey.has(key) && !newNames.has(key)) newNames.set(key, name);
    }
    for (let index = 1; index < path.length; index++) {
      const childKey = teamNameKey(path[index] as string);
      const parentKey = teamNameKey(path[index - 1] as string);
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

  const currentParentKey = (key: string): string | null => {
    const parentId = existingByKey.get(key)?.parentTeamId;
    const parent = parentId ? existingById.get(parentId) : undefined;
    return parent ? teamNameKey(parent.name) : null;
  };
  const finalParentKey = (key: string): string | null =>
    placements.get(key)?.parentKey ?? currentParentKey(key);

  for (const [key, placement] of placements) {
    if (isInCycle(key, finalParentKey)) {
      report(placement.line, { code: "teamCycle", params: { team: canonicalByKey(key) } });
    }
  }

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
    teamsToCreate,
    teamMoves,
  };
}

/** Whether walking up from the team's parent leads back to the team. */
function isInCycle(start: string, parentOf: (key: string) => string | null): boolean {
  const seen = new Set<string>();
  for (let key = parentOf(start); key !== null; key = parentOf(key)) {
    if (key === start) return true;
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return false;
}
