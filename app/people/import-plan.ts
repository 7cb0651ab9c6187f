import type { Locale } from "~/i18n/locales";
import { mapColumns, type ImportColumn } from "./columns";
import type { CsvParseResult, CsvProblem } from "./csv";
import {
  resolveLeadsSteps,
  type LeadChange,
  type ManagerNotKept,
  type ManagerStatement,
} from "./import-leads";
import { inCell, type ImportProblem } from "./import-problems";
import { profileMatcher, type ImportProfiles, type NamedProfile } from "./import-profiles";
import { readRow, type RowDraft, type TeamNameMemo } from "./import-row";
import {
  IMPORT_MAX_NEW_TEAMS,
  resolveTeamsSteps,
  type ExistingTeam,
  type TeamCreation,
  type TeamMove,
  type TeamResolution,
} from "./import-teams";
import { roleOf, type PersonRole } from "./person-schema";
import { normaliseEmailAddress } from "./text";
import { runSteps, type Steps } from "~/utils/steps";
import { fullName } from "./full-name";
import { compareDutchNames, compareDutchText } from "./dutch-order";

// What an import file would do to the people and teams of an organisation, row by row, before
// anything is changed. Keyed by employee number: importing the same file again changes
// nothing. People missing from the file are only offered for deactivation. Pure and
// deterministic (the same file and data give the same plan), so a hash of it tells whether
// what HR previewed is still what would be applied. Every problem with a row is reported on
// its line, with the cell it is about (import-problems.ts). How the manager column becomes
// team leads is in import-leads.ts, which profile a function-profile cell names in
// import-profiles.ts.

export type {
  ExistingTeam,
  ImportProfiles,
  LeadChange,
  ManagerNotKept,
  NamedProfile,
  TeamCreation,
  TeamMove,
};

export interface ExistingPerson {
  id: string;
  employeeNumber: string | null;
  firstName: string;
  lastName: string;
  email: string;
  locale: Locale;
  teamId: string | null;
  /** The key of their function profile (which may have been retired since). */
  profileKey: string | null;
  isHrAdmin: boolean;
  isActive: boolean;
}

export interface ImportContext {
  people: ExistingPerson[];
  /**
   * Addresses (lower-cased) of people in other organisations: one address is one account
   * across the instance, so the file may not give them to anyone here.
   */
  addressesElsewhere?: ReadonlySet<string>;
  /**
   * People whose address changes only once they confirm it (they take part in a round, rate
   * or lead): their address stays theirs until then, whatever the file says.
   */
  addressProtectedIds?: ReadonlySet<string>;
  teams: ExistingTeam[];
  /** The organisation's profile library, which a function-profile cell names a profile of. */
  profiles: ImportProfiles;
  defaultLocale: Locale;
  /** The HR admin importing: they cannot take away their own HR role or deactivate themselves. */
  actorPersonId: string | null;
}

/** A person as the import leaves them (every field, also those the file does not mention). */
export interface PlannedPerson {
  employeeNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  locale: Locale;
  role: PersonRole;
  teamName: string | null;
  /** Their function profile (null: none, they are rated on the round's profile). */
  profile: NamedProfile | null;
}

export type ChangedField =
  | "employeeNumber"
  | "firstName"
  | "lastName"
  | "email"
  | "team"
  | "role"
  | "locale"
  | "profile"
  | "active";

/** A changed field's old and new value as the preview shows it (a profile by its name). */
export interface FieldChange {
  field: ChangedField;
  from: string | null;
  to: string | null;
}

export type RowOutcome =
  | { line: number; kind: "new"; person: PlannedPerson }
  | {
      line: number;
      kind: "changed";
      personId: string;
      person: PlannedPerson;
      changes: FieldChange[];
    }
  | { line: number; kind: "unchanged"; personId: string; person: PlannedPerson }
  | {
      line: number;
      kind: "error";
      employeeNumber: string | null;
      name: string | null;
      problems: ImportProblem[];
    };

export interface DeactivationCandidate {
  personId: string;
  name: string;
  employeeNumber: string | null;
  email: string;
  teamName: string | null;
  /** Teams they lead and keep leading after the import (a deactivation ends that). */
  ledTeams: string[];
}

export interface PlanCounts {
  rows: number;
  new: number;
  changed: number;
  unchanged: number;
  errors: number;
  reactivated: number;
  teamsToCreate: number;
  teamMoves: number;
  leadChanges: number;
  deactivationCandidates: number;
}

export interface ImportPlan {
  /** Problems with the file as a whole (no rows are planned then). */
  problems: ImportProblem[];
  ignoredColumns: string[];
  rows: RowOutcome[];
  teamsToCreate: TeamCreation[];
  teamMoves: TeamMove[];
  leadChanges: LeadChange[];
  /** Managers of leads of top teams, which Rondom cannot keep (shown, not refused). */
  managersNotKept: ManagerNotKept[];
  deactivationCandidates: DeactivationCandidate[];
  counts: PlanCounts;
}

/** Whether the plan may not be applied: a problem with the file or with any row. */
export function hasBlockingProblems(plan: ImportPlan): boolean {
  return plan.problems.length > 0 || plan.counts.errors > 0;
}

/** The plan, computed in one go (see planImportSteps). */
export function buildImportPlan(csv: CsvParseResult, context: ImportContext): ImportPlan {
  return runSteps(planImportSteps(csv, context));
}

/**
 * People in one file at most: more than the largest Dutch municipality employs, far fewer
 * than a 2 MB file of short rows holds (about 70,000), which would keep the preview busy
 * for over a second.
 */
export const IMPORT_MAX_ROWS = 25_000;

/** Rows between two points where the planner may pause. */
const ROWS_PER_STEP = 500;

/**
 * The plan, in steps: the server runs them with pauses in between (buildImportPlanYielding in
 * import.server.ts), so that a large file does not keep it from answering other requests.
 */
export function* planImportSteps(csv: CsvParseResult, context: ImportContext): Steps<ImportPlan> {
  if (!csv.ok) return fileProblemPlan([csvProblem(csv.problem)], []);
  const columns = mapColumns(csv.header.fields);
  if (columns.problems.length > 0) return fileProblemPlan(columns.problems, columns.ignored);
  if (csv.rows.length === 0) return fileProblemPlan([{ code: "noRows" }], columns.ignored);
  if (csv.rows.length > IMPORT_MAX_ROWS) {
    const params = { rows: csv.rows.length, max: IMPORT_MAX_ROWS };
    return fileProblemPlan([{ code: "tooManyRows", params }], columns.ignored);
  }

  const problems = new Map<number, ImportProblem[]>();
  const report = (line: number, problem: ImportProblem) => {
    const list = problems.get(line) ?? [];
    list.push(problem);
    problems.set(line, list);
  };

  const drafts: RowDraft[] = [];
  const draftByLine = new Map<number, RowDraft>();
  /** Reports a problem found later with the row's cell in `column`. */
  const reportIn = (column: ImportColumn) => (line: number, problem: ImportProblem) =>
    report(line, inCell(problem, column, draftByLine.get(line)?.cells[column] ?? ""));
  const teamNames: TeamNameMemo = new Map();
  for (const row of csv.rows) {
    if (row.kind === "wrong_field_count") {
      const { expected, found } = row;
      report(row.line, { code: "wrongFieldCount", params: { expected, found } });
      continue;
    }
    const draft = readRow(row, columns, context.defaultLocale, teamNames);
    for (const problem of draft.problems) report(draft.line, problem);
    drafts.push(draft);
    draftByLine.set(draft.line, draft);
    if (drafts.length % ROWS_PER_STEP === 0) yield;
  }

  // Pauses between the checks too: each goes over every row.
  yield;
  const keyed = reportDuplicates(drafts, reportIn("employeeNumber"), reportIn("email"));
  yield;
  const matches = matchExistingPeople(keyed, context.people);
  yield;
  reportEmailOwners(
    keyed.withEmail,
    matches,
    context.people,
    reportIn("email"),
    context.addressesElsewhere,
    context.addressProtectedIds,
  );
  yield;
  const teams = yield* resolveTeamsSteps(teamStatements(drafts), context.teams, reportIn("team"));
  if (teams === "too_many_teams") {
    const problem: ImportProblem = { code: "tooManyTeams", params: { max: IMPORT_MAX_NEW_TEAMS } };
    return fileProblemPlan([problem], columns.ignored);
  }
  const teamNameById = new Map(context.teams.map((team) => [team.id, team.name]));
  const currentTeamOf = (person: ExistingPerson | null | undefined) =>
    person?.teamId ? (teamNameById.get(person.teamId) ?? null) : null;
  const plannedTeamOf = (draft: RowDraft) =>
    draft.team.kind === "absent"
      ? currentTeamOf(matches.get(draft.line))
      : draft.team.kind === "path" && draft.team.names.length > 0
        ? teams.canonicalName(draft.team.names.at(-1) as string)
        : null;
  yield;
  const leads = yield* resolveLeadsSteps(
    managerStatements(drafts, keyed.withEmployeeNumber, matches, teams, reportIn("lead")),
    keyed.withEmployeeNumber.map((draft) => ({
      employeeNumber: draft.employeeNumber as string,
      email: draft.email,
      name: draftName(draft) ?? (draft.employeeNumber as string),
      personId: matches.get(draft.line)?.id ?? null,
      teamName: plannedTeamOf(draft),
    })),
    context.people.map((person) => ({
      ...person,
      name: trimmedFullName(person),
      teamName: currentTeamOf(person),
    })),
    {
      parentName: (teamName) => teams.parentName(teamName),
      currentLeadId: (teamName) => teams.existingTeam(teamName)?.leadPersonId ?? null,
    },
    reportIn("lead"),
  );
  yield;
  reportOwnRoleLoss(drafts, matches, context.actorPersonId, reportIn("role"));
  yield;
  const profiles = namedProfiles(drafts, matches, context.profiles, reportIn("profile"));
  const heldProfile = heldProfileOf(context.profiles);

  yield;
  const rows: RowOutcome[] = [];
  for (const row of csv.rows) {
    const draft = draftByLine.get(row.line);
    const rowProblems = problems.get(row.line);
    if (!draft || rowProblems) {
      rows.push({
        line: row.line,
        kind: "error",
        employeeNumber: draft?.employeeNumber ?? null,
        name: draft ? draftName(draft) : null,
        problems: rowProblems ?? [],
      });
    } else {
      const match = matches.get(draft.line) ?? null;
      const current = { teamName: currentTeamOf(match), profile: heldProfile(match) };
      const profile = profiles.get(draft.line) ?? current.profile;
      rows.push(outcomeOf(draft, match, current, { teams, profile }, context.defaultLocale));
    }
    if (rows.length % ROWS_PER_STEP === 0) yield;
  }

  yield;
  const claimedIds = new Set([...matches.values()].map((person) => person.id));
  const ledTeams = teamsStillLed(context.teams, leads.changes);
  const deactivationCandidates = context.people
    .filter(
      (person) =>
        person.isActive &&
        !claimedIds.has(person.id) &&
        !leads.namedExistingIds.has(person.id) &&
        person.id !== context.actorPersonId,
    )
    .sort(compareDutchNames)
    .map((person) => ({
      personId: person.id,
      name: trimmedFullName(person),
      employeeNumber: person.employeeNumber,
      email: person.email,
      teamName: currentTeamOf(person),
      ledTeams: ledTeams.get(person.id) ?? [],
    }));

  return {
    problems: [],
    ignoredColumns: columns.ignored,
    rows,
    teamsToCreate: teams.teamsToCreate,
    teamMoves: teams.teamMoves,
    leadChanges: leads.changes,
    managersNotKept: leads.managersNotKept,
    deactivationCandidates,
    counts: {
      rows: rows.length,
      new: rows.filter((row) => row.kind === "new").length,
      changed: rows.filter((row) => row.kind === "changed").length,
      unchanged: rows.filter((row) => row.kind === "unchanged").length,
      errors: rows.filter((row) => row.kind === "error").length,
      reactivated: rows.filter(
        (row) => row.kind === "changed" && row.changes.some((change) => change.field === "active"),
      ).length,
      teamsToCreate: teams.teamsToCreate.length,
      teamMoves: teams.teamMoves.length,
      leadChanges: leads.changes.length,
      deactivationCandidates: deactivationCandidates.length,
    },
  };
}

function csvProblem(problem: CsvProblem): ImportProblem {
  return problem.code === "unterminated_quote"
    ? { code: "unterminatedQuote", params: { line: problem.line } }
    : { code: "emptyFile" };
}

function fileProblemPlan(problems: ImportProblem[], ignoredColumns: string[]): ImportPlan {
  return {
    problems,
    ignoredColumns,
    rows: [],
    teamsToCreate: [],
    teamMoves: [],
    leadChanges: [],
    managersNotKept: [],
    deactivationCandidates: [],
    counts: {
      rows: 0,
      new: 0,
      changed: 0,
      unchanged: 0,
      errors: 0,
      reactivated: 0,
      teamsToCreate: 0,
      teamMoves: 0,
      leadChanges: 0,
      deactivationCandidates: 0,
    },
  };
}

type Report = (line: number, problem: ImportProblem) => void;

/**
 * Reports every later row with an employee number or email address of an earlier row, and
 * returns the rows that carry a unique one (only those are matched against the organisation).
 */
function reportDuplicates(drafts: RowDraft[], reportNumber: Report, reportEmail: Report) {
  const firstLineByNumber = new Map<string, number>();
  const firstLineByEmail = new Map<string, number>();
  const withEmployeeNumber: RowDraft[] = [];
  const withEmail: RowDraft[] = [];
  for (const draft of drafts) {
    if (draft.employeeNumber !== null) {
      const first = firstLineByNumber.get(draft.employeeNumber);
      if (first === undefined) {
        firstLineByNumber.set(draft.employeeNumber, draft.line);
        withEmployeeNumber.push(draft);
      } else {
        reportNumber(draft.line, { code: "duplicateEmployeeNumber", params: { line: first } });
      }
    }
    if (draft.email !== null) {
      const first = firstLineByEmail.get(draft.email);
      if (first === undefined) {
        firstLineByEmail.set(draft.email, draft.line);
        withEmail.push(draft);
      } else {
        reportEmail(draft.line, { code: "duplicateEmail", params: { line: first } });
      }
    }
  }
  return { withEmployeeNumber, withEmail };
}

/**
 * The existing person each row updates, by line: the person with the row's employee number,
 * else a person without any employee number who has the row's email address (they get it).
 */
function matchExistingPeople(
  keyed: { withEmployeeNumber: RowDraft[]; withEmail: RowDraft[] },
  people: ExistingPerson[],
): Map<number, ExistingPerson> {
  const byNumber = new Map<string, ExistingPerson>();
  const unnumberedByEmail = new Map<string, ExistingPerson>();
  for (const person of people) {
    if (person.employeeNumber !== null) byNumber.set(person.employeeNumber, person);
    else unnumberedByEmail.set(normaliseEmailAddress(person.email), person);
  }
  const uniqueEmailLines = new Set(keyed.withEmail.map((draft) => draft.line));
  const matches = new Map<number, ExistingPerson>();
  for (const draft of keyed.withEmployeeNumber) {
    const byEmail =
      draft.email !== null && uniqueEmailLines.has(draft.line)
        ? unnumberedByEmail.get(draft.email)
        : undefined;
    const match = byNumber.get(draft.employeeNumber as string) ?? byEmail;
    if (match) matches.set(draft.line, match);
  }
  return matches;
}

/** An email address may not end up with two people: one the file does not update keeps theirs. */
function reportEmailOwners(
  withEmail: RowDraft[],
  matches: Map<number, ExistingPerson>,
  people: ExistingPerson[],
  report: Report,
  addressesElsewhere: ReadonlySet<string> | undefined,
  protectedIds: ReadonlySet<string> | undefined,
) {
  const updatedIds = new Set([...matches.values()].map((person) => person.id));
  const ownerByEmail = new Map(
    people.map((person) => [normaliseEmailAddress(person.email), person]),
  );
  for (const draft of withEmail) {
    if (addressesElsewhere?.has(normaliseEmailAddress(draft.email as string))) {
      report(draft.line, { code: "emailTakenElsewhere" });
      continue;
    }
    const owner = ownerByEmail.get(draft.email as string);
    if (!owner || owner.id === matches.get(draft.line)?.id) continue;
    // The file moves the owner to another address, but someone with something to protect
    // keeps theirs until they confirm the change (address-change.server.ts): still held.
    if (updatedIds.has(owner.id) && protectedIds?.has(owner.id)) {
      report(draft.line, {
        code: "emailHeldUntilConfirmed",
        params: { name: trimmedFullName(owner), employeeNumber: owner.employeeNumber ?? "–" },
      });
      continue;
    }
    if (updatedIds.has(owner.id)) continue;
    report(draft.line, {
      code: "emailTakenByOther",
      params: { name: trimmedFullName(owner), employeeNumber: owner.employeeNumber ?? "–" },
    });
  }
}

function teamStatements(drafts: RowDraft[]) {
  return drafts.flatMap(({ line, team }) =>
    team.kind === "path" && team.names.length > 0 ? [{ line, path: team.names }] : [],
  );
}

/** The filled manager cells of rows with a valid team (see import-leads.ts). */
function managerStatements(
  drafts: RowDraft[],
  withEmployeeNumber: RowDraft[],
  matches: Map<number, ExistingPerson>,
  teams: TeamResolution,
  report: Report,
): ManagerStatement[] {
  const numberedLines = new Set(withEmployeeNumber.map((draft) => draft.line));
  const statements: ManagerStatement[] = [];
  for (const draft of drafts) {
    const { line, lead, team } = draft;
    if (lead === null || team.kind === "invalid") continue;
    const teamName = team.kind === "path" ? team.names.at(-1) : undefined;
    if (teamName === undefined) {
      report(line, { code: "leadWithoutTeam" });
      continue;
    }
    const employeeNumber = numberedLines.has(line) ? draft.employeeNumber : null;
    statements.push({
      line,
      person: {
        personId: matches.get(line)?.id ?? null,
        employeeNumber,
        name: draftName(draft) ?? draft.employeeNumber ?? String(line),
      },
      teamName: teams.canonicalName(teamName),
      value: lead,
    });
  }
  return statements;
}

function reportOwnRoleLoss(
  drafts: RowDraft[],
  matches: Map<number, ExistingPerson>,
  actorPersonId: string | null,
  report: Report,
) {
  for (const draft of drafts) {
    const match = matches.get(draft.line);
    if (match && match.id === actorPersonId && match.isHrAdmin && draft.role === "employee") {
      report(draft.line, { code: "ownHrRole" });
    }
  }
}

/**
 * The profile each filled function-profile cell names, by line; a cell that names none is
 * reported. An empty cell is not in the map: the person keeps what they have.
 */
function namedProfiles(
  drafts: RowDraft[],
  matches: Map<number, ExistingPerson>,
  library: ImportProfiles,
  report: Report,
): Map<number, NamedProfile> {
  const match = profileMatcher(library);
  const named = new Map<number, NamedProfile>();
  for (const draft of drafts) {
    if (typeof draft.profile !== "string") continue;
    const outcome = match(draft.profile, matches.get(draft.line)?.profileKey ?? null);
    if ("problem" in outcome) report(draft.line, outcome.problem);
    else named.set(draft.line, outcome.profile);
  }
  return named;
}

/** The profile a person holds, with its name (its key, when the library lost it). */
function heldProfileOf(library: ImportProfiles) {
  const byKey = new Map(
    [...library.retired, ...library.current].map((profile) => [profile.key, profile]),
  );
  return (person: ExistingPerson | null): NamedProfile | null => {
    const key = person?.profileKey ?? null;
    if (key === null) return null;
    return byKey.get(key) ?? { key, name: key };
  };
}

function outcomeOf(
  draft: RowDraft,
  match: ExistingPerson | null,
  current: { teamName: string | null; profile: NamedProfile | null },
  next: { teams: TeamResolution; profile: NamedProfile | null },
  defaultLocale: Locale,
): RowOutcome {
  const fileTeam = draft.team.kind === "path" ? draft.team.names.at(-1) : undefined;
  const teamName =
    draft.team.kind === "absent"
      ? current.teamName
      : fileTeam === undefined
        ? null
        : next.teams.canonicalName(fileTeam);
  const email = draft.email as string;
  const person: PlannedPerson = {
    employeeNumber: draft.employeeNumber as string,
    firstName: draft.firstName as string,
    lastName: draft.lastName as string,
    // Only the case of the stored address differs: keep it as it is.
    email: match && normaliseEmailAddress(match.email) === email ? match.email : email,
    locale: draft.locale ?? match?.locale ?? defaultLocale,
    role: draft.role ?? (match ? roleOf(match.isHrAdmin) : "employee"),
    teamName,
    profile: next.profile,
  };
  if (!match) return { line: draft.line, kind: "new", person };
  const changes = changesOf(match, current, person);
  return changes.length > 0
    ? { line: draft.line, kind: "changed", personId: match.id, person, changes }
    : { line: draft.line, kind: "unchanged", personId: match.id, person };
}

function changesOf(
  person: ExistingPerson,
  current: { teamName: string | null; profile: NamedProfile | null },
  next: PlannedPerson,
): FieldChange[] {
  const pairs: [ChangedField, string | null, string | null][] = [
    ["employeeNumber", person.employeeNumber, next.employeeNumber],
    ["firstName", person.firstName, next.firstName],
    ["lastName", person.lastName, next.lastName],
    ["email", person.email, next.email],
    ["team", current.teamName, next.teamName],
    ["role", roleOf(person.isHrAdmin), next.role],
    ["locale", person.locale, next.locale],
  ];
  const changes = pairs
    .filter(([, from, to]) => from !== to)
    .map(([field, from, to]) => ({ field, from, to }));
  // Compared by key (two profiles may share a name), shown by name.
  if ((current.profile?.key ?? null) !== (next.profile?.key ?? null)) {
    changes.push({
      field: "profile",
      from: current.profile?.name ?? null,
      to: next.profile?.name ?? null,
    });
  }
  if (!person.isActive) changes.push({ field: "active", from: "inactive", to: "active" });
  return changes;
}

/** The teams each person leads and keeps leading after the import, by person id (one pass). */
function teamsStillLed(teams: ExistingTeam[], changes: LeadChange[]): Map<string, string[]> {
  const reassigned = new Set(changes.map((change) => change.teamName));
  const byLead = new Map<string, string[]>();
  for (const team of teams) {
    if (team.leadPersonId === null || reassigned.has(team.name)) continue;
    const names = byLead.get(team.leadPersonId) ?? [];
    names.push(team.name);
    byLead.set(team.leadPersonId, names);
  }
  for (const names of byLead.values()) names.sort(compareDutchText);
  return byLead;
}

function draftName(draft: RowDraft): string | null {
  const name = [draft.firstName, draft.lastName].filter(Boolean).join(" ");
  return name === "" ? null : name;
}

/** Trimmed: a name from an import may have no last name. */
function trimmedFullName(person: { firstName: string; lastName: string }): string {
  return fullName(person).trim();
}
