import { withAncestors, type TeamLink } from "~/teams/tree";

// Who a participant's manager is in a round: the person who approves their nominations, rates
// them as "leidinggevende" and may read a shared report. Pure, so the rule has its own tests.

export interface TeamFacts extends TeamLink {
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
  const teamAndAbove = withAncestors(person.teamId, (id) => teamsById.get(id)?.parentTeamId);
  for (const teamId of teamAndAbove) {
    const lead = (teamsById.get(teamId) as TeamFacts).leadPersonId;
    if (lead !== person.id) return lead !== null && isActive(lead) ? lead : null;
  }
  return null;
}
