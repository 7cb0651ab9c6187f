import type { ReportProblem } from "./import-teams";
import { TEAM_MAX_DEPTH } from "./team-schema";
import { forestLevels } from "./team-tree";
import { normaliseEmailAddress } from "./text";
import { runSteps, type Steps } from "~/utils/steps";

// The manager column of an import (leidinggevende): on each row, the employee number or email
// address of that person's own manager, as a personnel system exports it. Rondom stores no
// managers: a person's manager is the lead of their team, and a team's lead is managed by the
// lead of the team above (app/cycles/manager.ts). So the column is read as statements about
// team leads, chosen so that every row's manager comes out as the file says. Pure and
// deterministic.
//
// In a team, everyone names the team's lead except the lead, who names the lead of the team
// above. So the lead of a team is the person its rows name most, where a person's own row among
// them counts for them too: in a team of two, the one the other names wins over the one they
// name. Only someone the rows name can lead the team. The lead's own row then moves up a team:
// it names the lead of the team above, along with that team's own rows. Teams are decided from
// the bottom up, so that a department also hears from the leads of its teams.
//
// The older form of the column, the lead of the row's team on every row of that team (the lead
// naming themself), reads the same way: naming oneself says "I lead my team" and nothing about
// one's own manager. In such a file every row of a team names one person, who is then the only
// one who can lead it, and nothing moves up: the leads are the ones the older reading gave. A
// team of one person who names someone else gets that someone as its lead, as before (that
// someone is the one person's manager either way).
//
// Ties are broken, in this order, by: being the team's lead already (so a file split evenly is
// refused on the lines that would change the lead), sitting in the team, sitting in a team above
// it, and being named first in the file.
//
// Refused, each on its line: a value that is nobody (or a deactivated person the file does not
// reactivate), managers who go round in a circle (also when each leads the other's team, which
// the older reading let through), a row that names someone else than its team's lead, and a
// team lead whose manager is not the lead of the team above. The manager of the lead of a team
// at the top is not refused: Rondom has no place for it, and the preview says so
// (managersNotKept).

/** A person of the file (a row with a valid, unique employee number) who may be named. */
export interface FileLeadCandidate {
  employeeNumber: string;
  email: string | null;
  name: string;
  /** The existing person the row updates, if any. */
  personId: string | null;
  /** The (canonical) name of the team the row puts them in; null for none or a refused one. */
  teamName: string | null;
}

/** A person already in the organisation. */
export interface ExistingLeadCandidate {
  id: string;
  employeeNumber: string | null;
  email: string;
  name: string;
  isActive: boolean;
  /** The name of their team now. */
  teamName: string | null;
}

export interface ManagerStatement {
  line: number;
  /** The row's own person; employeeNumber null when the row has no valid, unique one. */
  person: { personId: string | null; employeeNumber: string | null; name: string };
  /** The canonical name of the row's team. */
  teamName: string;
  /** The manager cell. */
  value: string;
}

/** The teams as the import leaves them, by canonical name. */
export interface LeadTeams {
  parentName(teamName: string): string | null;
  currentLeadId(teamName: string): string | null;
}

export interface LeadTarget {
  /** Null for a person the import creates (found again by employee number when applying). */
  personId: string | null;
  employeeNumber: string | null;
  name: string;
}

export interface LeadChange {
  teamName: string;
  /** The name of the lead it has now. */
  from: string | null;
  to: LeadTarget;
}

/** A lead of a team at the top whose row names a manager: there is no team above to lead. */
export interface ManagerNotKept {
  line: number;
  /** The person on that line. */
  name: string;
  manager: string;
  team: string;
}

export interface LeadResolution {
  changes: LeadChange[];
  managersNotKept: ManagerNotKept[];
  /** Existing people named as a manager: they are evidently still around. */
  namedExistingIds: Set<string>;
}

interface Person extends LeadTarget {
  /** The person id, or the employee number of a new person. */
  identity: string;
  teamName: string | null;
}

interface Vote {
  line: number;
  voter: string;
  voterName: string;
  target: Person;
  /** The team whose lead the vote is about: the row's own, or one above it. */
  teamName: string;
  /** The team the voter leads, when their vote came up from it. */
  from: string | null;
}

interface Candidate {
  person: Person;
  /** Votes naming them. */
  named: number;
  firstLine: number;
}

/** Names shown of a circle of managers ("A → B → C → A"); a longer one ends in "…". */
const CYCLE_NAMES_SHOWN = 6;

export function resolveLeads(
  statements: ManagerStatement[],
  fileRows: FileLeadCandidate[],
  existing: ExistingLeadCandidate[],
  teams: LeadTeams,
  report: ReportProblem,
): LeadResolution {
  return runSteps(resolveLeadsSteps(statements, fileRows, existing, teams, report));
}

/** Statements, votes or teams between two points where the work may pause. */
const ITEMS_PER_STEP = 500;

/** resolveLeads in steps, for the planner to pause between (import-plan.ts). */
export function* resolveLeadsSteps(
  statements: ManagerStatement[],
  fileRows: FileLeadCandidate[],
  existing: ExistingLeadCandidate[],
  teams: LeadTeams,
  report: ReportProblem,
): Steps<LeadResolution> {
  const namedExistingIds = new Set<string>();
  if (statements.length === 0) return { changes: [], managersNotKept: [], namedExistingIds };
  const find = personFinder(fileRows, existing);
  // Asked for the same teams again and again (each name's key is worked out on each call).
  const parents = new Map<string, string | null>();
  const parentName = (teamName: string) => {
    let parent = parents.get(teamName);
    if (parent === undefined) parents.set(teamName, (parent = teams.parentName(teamName)));
    return parent;
  };
  const teamsOnce: LeadTeams = { ...teams, parentName };

  let done = 0;
  const votes: Vote[] = [];
  for (const statement of statements) {
    if (++done % ITEMS_PER_STEP === 0) yield;
    const target = find(statement.value);
    if (target === null) {
      report(statement.line, { code: "leadNotFound" });
      continue;
    }
    if (target === "inactive") {
      report(statement.line, { code: "leadInactive" });
      continue;
    }
    if (target.personId !== null) namedExistingIds.add(target.personId);
    const { line, teamName, person } = statement;
    const voter =
      person.personId ??
      (person.employeeNumber === null ? `line:${line}` : newId(person.employeeNumber));
    votes.push({ line, voter, voterName: person.name, target, teamName, from: null });
  }

  const byTeam = new Map<string, Vote[]>();
  const cycles = managerCycles(votes);
  yield;
  for (const vote of votes) {
    if (++done % ITEMS_PER_STEP === 0) yield;
    const cycle = cycles.get(vote.voter);
    if (cycle !== undefined) report(vote.line, { code: "managerCycle", params: { cycle } });
    else addTo(byTeam, vote.teamName, vote);
  }

  // Every team with a statement and every team above one, children before their parents. A
  // team on a circle of teams is left out: the plan refuses that circle already.
  const tree = forestLevels(byTeam.keys(), parentName);
  yield;
  const decided: { teamName: string; lead: Person; level: number; firstLine: number }[] = [];
  const managersNotKept: ManagerNotKept[] = [];

  for (const teamName of [...tree.topDown].reverse()) {
    const teamVotes = byTeam.get(teamName) ?? [];
    if (teamVotes.length === 0) continue;
    done += teamVotes.length;
    if (done >= ITEMS_PER_STEP) {
      done = 0;
      yield;
    }
    const lead = chooseLead(teamName, teamVotes, teamsOnce, tree.level);
    const parent = parentName(teamName);
    for (const vote of teamVotes) {
      if (vote.voter === lead.person.identity) {
        // The lead's own row names their manager: the lead of the team above. Naming oneself
        // (the older form of the column) says only who leads this team.
        if (vote.target.identity === vote.voter) continue;
        if (parent === null) {
          const { line, voterName: name, target } = vote;
          managersNotKept.push({ line, name, manager: target.name, team: teamName });
        } else {
          addTo(byTeam, parent, { ...vote, teamName: parent, from: teamName });
        }
      } else if (vote.target.identity !== lead.person.identity) {
        const line = lead.firstLine;
        report(
          vote.line,
          vote.from === null
            ? { code: "leadConflict", params: { team: teamName, lead: lead.person.name, line } }
            : {
                code: "leadManagerConflict",
                params: { team: vote.from, parent: teamName, lead: lead.person.name, line },
              },
        );
      }
    }
    const firstLine = teamVotes.reduce((first, vote) => Math.min(first, vote.line), Infinity);
    const level = tree.level.get(teamName) ?? 0;
    decided.push({ teamName, lead: lead.person, level, firstLine });
  }

  const existingById = new Map(existing.map((person) => [person.id, person]));
  const changes: LeadChange[] = [];
  // Departments before their teams, each level in the order of the file.
  decided.sort((a, b) => a.level - b.level || a.firstLine - b.firstLine);
  for (const { teamName, lead } of decided) {
    const currentLeadId = teams.currentLeadId(teamName);
    if (lead.personId !== null && lead.personId === currentLeadId) continue;
    const current = currentLeadId ? existingById.get(currentLeadId) : undefined;
    const { personId, employeeNumber, name } = lead;
    changes.push({ teamName, from: current?.name ?? null, to: { personId, employeeNumber, name } });
  }
  managersNotKept.sort((a, b) => a.line - b.line);
  return { changes, managersNotKept, namedExistingIds };
}

function newId(employeeNumber: string): string {
  return `new:${employeeNumber}`;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Finds the person a manager cell names: by email address when it holds an @, else by
 * employee number; a row of the file first (as the import leaves them), then the
 * organisation. A deactivated person is found only when the file reactivates them.
 */
function personFinder(fileRows: FileLeadCandidate[], existing: ExistingLeadCandidate[]) {
  const fileByNumber = firstBy(fileRows, (row) => row.employeeNumber);
  const fileByEmail = firstBy(fileRows, (row) => row.email);
  const fileByPersonId = firstBy(fileRows, (row) => row.personId);
  const existingByNumber = firstBy(existing, (person) => person.employeeNumber);
  const existingByEmail = firstBy(existing, (person) => normaliseEmailAddress(person.email));
  const fromFile = (row: FileLeadCandidate): Person => ({
    identity: row.personId ?? newId(row.employeeNumber),
    personId: row.personId,
    employeeNumber: row.employeeNumber,
    name: row.name,
    teamName: row.teamName,
  });
  return (value: string): Person | "inactive" | null => {
    const byEmail = value.includes("@");
    const key = byEmail ? normaliseEmailAddress(value) : value;
    const row = (byEmail ? fileByEmail : fileByNumber).get(key);
    if (row) return fromFile(row);
    const person = (byEmail ? existingByEmail : existingByNumber).get(key);
    if (!person) return null;
    const updated = fileByPersonId.get(person.id);
    if (updated) return fromFile(updated);
    if (!person.isActive) return "inactive";
    return {
      identity: person.id,
      personId: person.id,
      employeeNumber: person.employeeNumber,
      name: person.name,
      teamName: person.teamName,
    };
  };
}

/**
 * The people whose managers lead, one after the other, back to themselves, each with the
 * circle as seen from them ("A → B → A"). Naming oneself is not a circle (see above).
 */
function managerCycles(votes: Vote[]): Map<string, string> {
  const next = new Map<string, Person>();
  const names = new Map<string, string>();
  for (const vote of votes) {
    names.set(vote.voter, vote.voterName);
    if (vote.target.identity !== vote.voter) next.set(vote.voter, vote.target);
  }
  const done = new Set<string>();
  const onCycle: string[][] = [];
  for (const start of next.keys()) {
    if (done.has(start)) continue;
    const walk: string[] = [];
    const inWalk = new Map<string, number>();
    let node: string | undefined = start;
    while (node !== undefined && !done.has(node) && !inWalk.has(node)) {
      inWalk.set(node, walk.length);
      walk.push(node);
      node = next.get(node)?.identity;
    }
    if (node !== undefined && inWalk.has(node)) onCycle.push(walk.slice(inWalk.get(node)));
    for (const visited of walk) done.add(visited);
  }
  const cycles = new Map<string, string>();
  for (const circle of onCycle) {
    // From each member round and back to them: one name more than the circle has.
    const length = circle.length + 1;
    const shown = Math.min(length, CYCLE_NAMES_SHOWN);
    circle.forEach((member, index) => {
      const text = Array.from({ length: shown }, (_, step) => {
        const identity = circle[(index + step) % circle.length] as string;
        return names.get(identity) ?? identity;
      }).join(" → ");
      cycles.set(member, length > CYCLE_NAMES_SHOWN ? `${text} → …` : text);
    });
  }
  return cycles;
}

/**
 * The lead of a team: the candidate with the most support (the votes naming them, plus their
 * own row when it is among the votes), ties broken as the header comment says.
 */
function chooseLead(
  teamName: string,
  votes: Vote[],
  teams: LeadTeams,
  levels: Map<string, number | null>,
): { person: Person; firstLine: number } {
  const candidates = new Map<string, Candidate>();
  for (const vote of votes) {
    const known = candidates.get(vote.target.identity);
    const candidate = known ?? { person: vote.target, named: 0, firstLine: vote.line };
    candidate.named++;
    candidate.firstLine = Math.min(candidate.firstLine, vote.line);
    candidates.set(vote.target.identity, candidate);
  }
  const voters = new Set(votes.map((vote) => vote.voter));
  const currentLeadId = teams.currentLeadId(teamName);
  const rank = (person: Person) =>
    person.teamName === teamName ? 0 : isAbove(person.teamName, teamName, teams, levels) ? 1 : 2;
  const order = (candidate: Candidate) => [
    -(candidate.named + (voters.has(candidate.person.identity) ? 1 : 0)),
    candidate.person.personId !== null && candidate.person.personId === currentLeadId ? 0 : 1,
    rank(candidate.person),
    candidate.firstLine,
  ];
  let best: { candidate: Candidate; key: number[] } | null = null;
  for (const candidate of candidates.values()) {
    const key = order(candidate);
    if (best === null || isBefore(key, best.key)) best = { candidate, key };
  }
  const lead = (best as { candidate: Candidate }).candidate;
  return { person: lead.person, firstLine: lead.firstLine };
}

function isBefore(a: number[], b: number[]): boolean {
  for (let index = 0; index < a.length; index++) {
    const difference = (a[index] as number) - (b[index] as number);
    if (difference !== 0) return difference < 0;
  }
  return false;
}

/**
 * Whether `teamName` is above `below` (its parent, or further up) once the import is applied.
 * No further up than a tree may be deep: a deeper one is refused anyway (import-teams.ts).
 */
function isAbove(
  teamName: string | null,
  below: string,
  teams: LeadTeams,
  levels: Map<string, number | null>,
): boolean {
  if (teamName === null) return false;
  let steps = Math.min(levels.get(below) ?? 0, TEAM_MAX_DEPTH);
  for (let team = teams.parentName(below); team !== null && steps > 0; steps--) {
    if (team === teamName) return true;
    team = teams.parentName(team);
  }
  return false;
}

/** The first item per key (null keys skipped). */
function firstBy<T>(items: T[], keyOf: (item: T) => string | null): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== null && !map.has(key)) map.set(key, item);
  }
  return map;
}
