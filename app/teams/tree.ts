import { compareByName } from "~/people/dutch-order";

// Walks over the nesting of teams (a department with its teams, and so on): down to every
// team under some teams, up from a team to the top, and the whole tree in reading order. Pure.
// Stored parent links may hold a loop (bad data); every walk stops there instead of looping.

export interface TeamLink {
  id: string;
  parentTeamId: string | null;
}

/**
 * The given teams and every team nested under them, at any depth (breadth first: the given
 * teams, their sub-teams, and so on).
 */
export function withDescendants(
  teamIds: Iterable<string>,
  teams: readonly TeamLink[],
): Set<string> {
  const children = new Map<string, string[]>();
  for (const team of teams) {
    if (team.parentTeamId === null) continue;
    const siblings = children.get(team.parentTeamId);
    if (siblings) siblings.push(team.id);
    else children.set(team.parentTeamId, [team.id]);
  }
  const found = new Set<string>();
  const queue = [...teamIds];
  // An index instead of shift(): the walk stays linear for a wide tree.
  for (let next = 0; next < queue.length; next++) {
    const id = queue[next] as string;
    if (found.has(id)) continue;
    found.add(id);
    for (const child of children.get(id) ?? []) if (!found.has(child)) queue.push(child);
  }
  return found;
}

/**
 * The team and every team above it, own team first. `parentOf` gives a team's parent (null
 * at the top) or undefined for a team it does not know: the path ends before an unknown team,
 * and where it would repeat a team. Empty for no team.
 */
export function withAncestors(
  teamId: string | null,
  parentOf: (teamId: string) => string | null | undefined,
): string[] {
  const path: string[] = [];
  const seen = new Set<string>();
  for (let current = teamId; current !== null && !seen.has(current);) {
    const parent = parentOf(current);
    if (parent === undefined) break;
    seen.add(current);
    path.push(current);
    current = parent;
  }
  return path;
}

/** Teams in tree order (each followed by its sub-teams), with their depth; names sort siblings. */
export function teamsInTreeOrder<T extends TeamLink & { name: string }>(
  teams: readonly T[],
): { team: T; depth: number }[] {
  const known = new Set(teams.map((team) => team.id));
  const children = new Map<string | null, T[]>();
  for (const team of teams) {
    const parent = team.parentTeamId && known.has(team.parentTeamId) ? team.parentTeamId : null;
    children.set(parent, [...(children.get(parent) ?? []), team]);
  }
  const ordered: { team: T; depth: number }[] = [];
  const visited = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    const siblings = [...(children.get(parent) ?? [])].sort(compareByName);
    for (const team of siblings) {
      if (visited.has(team.id)) continue;
      visited.add(team.id);
      ordered.push({ team, depth });
      visit(team.id, depth + 1);
    }
  };
  visit(null, 0);
  // Teams whose parents point at each other (bad data) still appear, at the top level.
  for (const team of teams) {
    if (!visited.has(team.id)) {
      visited.add(team.id);
      ordered.push({ team, depth: 0 });
      visit(team.id, 1);
    }
  }
  return ordered;
}
