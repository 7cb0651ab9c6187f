// The nesting of teams (a department with its teams, and so on). Pure.

export interface TeamNode {
  id: string;
  name: string;
  parentTeamId: string | null;
}

/** The team and every team nested under it, at any depth. */
export function teamWithDescendants(teamId: string, teams: TeamNode[]): Set<string> {
  const found = new Set<string>([teamId]);
  const queue = [teamId];
  while (queue.length > 0) {
    const parentId = queue.shift() as string;
    for (const team of teams) {
      if (team.parentTeamId === parentId && !found.has(team.id)) {
        found.add(team.id);
        queue.push(team.id);
      }
    }
  }
  return found;
}

/** Placing the team under `parentId` would make it its own ancestor. */
export function wouldCreateCycle(teamId: string, parentId: string, teams: TeamNode[]): boolean {
  return teamWithDescendants(teamId, teams).has(parentId);
}

/** "Afdeling Beleid > Communicatie": the team with the teams above it (a cycle is cut off). */
export function teamPathLabel(teamId: string, teams: TeamNode[]): string {
  const byId = new Map(teams.map((team) => [team.id, team]));
  const names: string[] = [];
  const seen = new Set<string>();
  for (let team = byId.get(teamId); team && !seen.has(team.id);) {
    seen.add(team.id);
    names.unshift(team.name);
    team = team.parentTeamId ? byId.get(team.parentTeamId) : undefined;
  }
  return names.join(" > ");
}

/** Every team with its path label, ordered by that label (departments before their teams). */
export function teamsByPath(teams: TeamNode[]): { id: string; label: string }[] {
  return teams
    .map((team) => ({ id: team.id, label: teamPathLabel(team.id, teams) }))
    .sort((a, b) => a.label.localeCompare(b.label, "nl"));
}
