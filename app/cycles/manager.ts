// Who a participant's manager is in a round: the person who approves their nominations, rates
// them as "leidinggevende" and may read a shared report. Pure, so the rule has its own tests.

export interface TeamFacts {
  id: string;
  parentTeamId: string | null;
  leadPersonId: string | null;
}

/**
 * The lead of the person's team; for the team's own lead, the lead of the team above (and
 * further up while that is the same person, who may lead a department and one of its teams).
 * null when the person has no team, the team has no lead, or the lead above is missing or
 * no longer active: nobody is made manager by guessing.
 */
export function managerOf(
  person: { id: string; teamId: string | null },
  teamsById: ReadonlyMap<string, TeamFacts>,
  isActive: (personId: string) => boolean,
): string | null {
  const visited = new Set<string>();
  let team = person.teamId ? teamsById.get(person.teamId) : undefined;
  while (team && !visited.has(team.id)) {
    visited.add(team.id);
    const lead = team.leadPersonId;
    if (lead !== person.id) return lead !== null && isActive(lead) ? lead : null;
    team = team.parentTeamId ? teamsById.get(team.parentTeamId) : undefined;
  }
  return null;
}

/** The teams and every team nested under them (a department with its sub-teams). */
export function withSubTeams(teamIds: readonly string[], teams: readonly TeamFacts[]): Set<string> {
  const result = new Set<string>();
  const queue = [...teamIds];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (result.has(id)) continue;
    result.add(id);
    for (const team of teams) if (team.parentTeamId === id) queue.push(team.id);
  }
  return result;
}

/** Teams in tree order (each followed by its sub-teams), with their depth; names sort siblings. */
export function teamsInTreeOrder<T extends TeamFacts & { name: string }>(
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
    const siblings = [...(children.get(parent) ?? [])].sort((a, b) =>
      a.name.localeCompare(b.name, "nl"),
    );
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
