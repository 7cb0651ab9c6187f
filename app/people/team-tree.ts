import { withAncestors, withDescendants, type TeamLink } from "~/teams/tree";
import { compareDutchText } from "./dutch-order";

// The nesting of teams as HR edits it and an import plans it: paths as labels, no cycles. Pure.

export interface TeamNode extends TeamLink {
  name: string;
}

/** Placing the team under `parentId` would make it its own ancestor. */
export function wouldCreateCycle(teamId: string, parentId: string, teams: TeamNode[]): boolean {
  return withDescendants([teamId], teams).has(parentId);
}

/** "Afdeling Beleid > Communicatie": the team with the teams above it (a cycle is cut off). */
export function teamPathLabel(teamId: string, teams: TeamNode[]): string {
  const byId = new Map(teams.map((team) => [team.id, team]));
  return withAncestors(teamId, (id) => byId.get(id)?.parentTeamId)
    .reverse()
    .map((id) => (byId.get(id) as TeamNode).name)
    .join(" > ");
}

/** Every team with its path label, ordered by that label (departments before their teams). */
export function teamsByPath(teams: TeamNode[]): { id: string; label: string }[] {
  return teams
    .map((team) => ({ id: team.id, label: teamPathLabel(team.id, teams) }))
    .sort((a, b) => compareDutchText(a.label, b.label));
}

export interface ForestLevels<K> {
  /** Each node's level, 1 at the top; null for a node on a cycle or below one. */
  level: Map<K, number | null>;
  /** The nodes on a cycle (each is, through its parents, its own ancestor). */
  onCycle: Set<K>;
  /** The nodes with a level, every parent before its children. */
  topDown: K[];
}

/**
 * The levels of a forest given by parent links, which may (in a plan not yet checked) hold
 * cycles, with the nodes that lie on one. Each node is walked once, and a walk stops at the
 * first node already known: linear in the number of nodes however deep the nesting (a walk up
 * from every node would be quadratic for a long chain).
 */
export function forestLevels<K>(
  nodes: Iterable<K>,
  parentOf: (node: K) => K | null,
): ForestLevels<K> {
  const level = new Map<K, number | null>();
  const onCycle = new Set<K>();
  const topDown: K[] = [];
  // Where a node stands in its walk. Every node of an earlier walk has its level by now, so a
  // node found here without a level is one of the current walk: the walk went round a cycle.
  const inWalk = new Map<K, number>();
  const walk: K[] = [];
  for (const start of nodes) {
    if (level.has(start)) continue;
    // Up from the start, until the top, a node already known, or a node of this very walk.
    walk.length = 0;
    let above: number | null = 0;
    for (let node: K | null = start; node !== null; node = parentOf(node)) {
      const known = level.get(node);
      if (known !== undefined) {
        above = known;
        break;
      }
      const seenAt = inWalk.get(node);
      if (seenAt !== undefined) {
        for (const member of walk.splice(seenAt)) {
          onCycle.add(member);
          level.set(member, null);
        }
        above = null;
        break;
      }
      inWalk.set(node, walk.length);
      walk.push(node);
    }
    for (let index = walk.length - 1; index >= 0; index--) {
      const node = walk[index] as K;
      above = above === null ? null : above + 1;
      level.set(node, above);
      if (above !== null) topDown.push(node);
    }
  }
  return { level, onCycle, topDown };
}
