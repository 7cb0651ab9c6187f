import type { z } from "~/utils/zod";
import type { Locale } from "~/i18n/locales";
import type { ColumnMap, ImportColumn } from "./columns";
import type { CsvRecord } from "./csv";
import { inCell, issueOfRef, type ImportProblem } from "./import-problems";
import { splitFullName } from "./names";
import { personDetailsShape, type PersonRole } from "./person-schema";
import { TEAM_MAX_DEPTH, TEAM_PATH_SEPARATOR, teamNameSchema } from "./team-schema";
import { collapseWhitespace, foldForMatching } from "./text";
import { hasNonTextCharacters } from "~/utils/plain-text";

// One data row of an import file, read and checked on its own (rules that compare rows with
// each other or with the database are in import-plan.ts). Pure.

export interface RowDraft {
  line: number;
  problems: ImportProblem[];
  /** The row's cells as the file has them, by column (for the problems found later). */
  cells: Partial<Record<ImportColumn, string>>;
  /** Each value is present when the cell holds a valid one (also when other cells do not). */
  employeeNumber: string | null;
  firstName: string | null;
  lastName: string | null;
  /** Lower case. */
  email: string | null;
  team: TeamCell;
  /** The manager cell (employee number or email address of the row's manager), when filled. */
  lead: string | null;
  /** undefined: the file has no role column. */
  role: PersonRole | undefined;
  /** undefined: the file has no language column; an empty cell is the organisation's default. */
  locale: Locale | undefined;
  /**
   * The function-profile cell, when filled (matched against the library in import-plan.ts);
   * null for an empty cell, undefined when the file has no such column: both keep the profile
   * an existing person has, and give a new person none.
   */
  profile: string | null | undefined;
}

/**
 * The team cell: the file has no team column; the cell names an invalid team; or the team
 * names from the top down ("Afdeling > Team" → both), none for an empty cell (no team).
 */
export type TeamCell = { kind: "absent" } | { kind: "invalid" } | { kind: "path"; names: string[] };

const ROLE_ALIASES: Record<string, PersonRole> = {
  "": "employee",
  medewerker: "employee",
  employee: "employee",
  hr: "hr_admin",
  hrbeheerder: "hr_admin",
  hradmin: "hr_admin",
  hradministrator: "hr_admin",
};

const LANGUAGE_ALIASES: Record<string, Locale> = {
  nl: "nl",
  nlnl: "nl",
  nlbe: "nl",
  nederlands: "nl",
  dutch: "nl",
  en: "en",
  engb: "en",
  enus: "en",
  english: "en",
  engels: "en",
};

export function parseRole(cell: string): PersonRole | null {
  return ROLE_ALIASES[foldForMatching(cell)] ?? null;
}

export function parseLanguage(cell: string, organisationDefault: Locale): Locale | null {
  if (cell.trim() === "") return organisationDefault;
  return LANGUAGE_ALIASES[foldForMatching(cell)] ?? null;
}

/**
 * The value the rule makes of the cell (or of the part of it that is `value`), or null with
 * the rule's first issue as a problem with the cell.
 */
function checked<T>(
  rule: z.ZodType<T>,
  column: ImportColumn,
  cell: string,
  problems: ImportProblem[],
  value: string = cell,
): T | null {
  const result = rule.safeParse(value);
  if (result.success) return result.data;
  problems.push(inCell({ code: issueOfRef(result.error.issues[0]?.message) }, column, cell));
  return null;
}

/**
 * Team names already checked in this file, each with its name or its issue: a file names the
 * same teams on many lines (up to ten on each), and checking a name is the costly part.
 */
export type TeamNameMemo = Map<string, { name: string } | { issue: ImportProblem["code"] }>;

/** "Sociaal domein > Jeugd" → ["Sociaal domein", "Jeugd"]; "" → [] (no team). */
export function parseTeamCell(
  cell: string,
  problems: ImportProblem[],
  memo: TeamNameMemo = new Map(),
): TeamCell {
  if (collapseWhitespace(cell) === "") return { kind: "path", names: [] };
  const segments = cell.split(TEAM_PATH_SEPARATOR);
  if (segments.length > TEAM_MAX_DEPTH) {
    const params = { levels: segments.length, max: TEAM_MAX_DEPTH };
    problems.push(inCell({ code: "teamPathTooDeep", params }, "team", cell));
    return { kind: "invalid" };
  }
  const names: string[] = [];
  for (const segment of segments) {
    let outcome = memo.get(segment);
    if (outcome === undefined) {
      const result = teamNameSchema.safeParse(segment);
      outcome = result.success
        ? { name: result.data }
        : { issue: issueOfRef(result.error.issues[0]?.message) };
      memo.set(segment, outcome);
    }
    if ("issue" in outcome) {
      problems.push(inCell({ code: outcome.issue }, "team", cell));
      return { kind: "invalid" };
    }
    names.push(outcome.name);
  }
  return { kind: "path", names };
}

export function readRow(
  record: CsvRecord,
  columns: ColumnMap,
  organisationDefault: Locale,
  teamNames: TeamNameMemo = new Map(),
): RowDraft {
  const cell = (column: ImportColumn): string | undefined => {
    const index = columns.indexes[column];
    return index === undefined ? undefined : (record.fields[index] ?? "");
  };
  const problems: ImportProblem[] = [];
  const cells: Partial<Record<ImportColumn, string>> = {};
  for (const column of Object.keys(columns.indexes) as ImportColumn[]) {
    cells[column] = cell(column);
  }

  const nameCell = cell("name");
  const names =
    nameCell === undefined
      ? { firstName: cell("firstName") ?? "", lastName: cell("lastName") ?? "" }
      : splitFullName(nameCell);
  const employeeNumber = checked(
    personDetailsShape.employeeNumber,
    "employeeNumber",
    cell("employeeNumber") ?? "",
    problems,
  );
  // A problem with a part of a full name is shown with the whole cell.
  const firstName =
    nameCell === undefined
      ? checked(personDetailsShape.firstName, "firstName", names.firstName, problems)
      : checked(personDetailsShape.firstName, "name", nameCell, problems, names.firstName);
  const lastName =
    nameCell === undefined
      ? checked(personDetailsShape.lastName, "lastName", names.lastName, problems)
      : checked(personDetailsShape.lastName, "name", nameCell, problems, names.lastName);
  const email = checked(personDetailsShape.email, "email", cell("email") ?? "", problems);

  const roleCell = cell("role");
  const role = roleCell === undefined ? undefined : parseRole(roleCell);
  if (role === null) problems.push(inCell({ code: "roleUnknown" }, "role", roleCell ?? ""));

  const languageCell = cell("language");
  const locale =
    languageCell === undefined ? undefined : parseLanguage(languageCell, organisationDefault);
  if (locale === null) {
    problems.push(inCell({ code: "languageUnknown" }, "language", languageCell ?? ""));
  }

  const teamCell = cell("team");
  const team: TeamCell =
    teamCell === undefined ? { kind: "absent" } : parseTeamCell(teamCell, problems, teamNames);
  const leadCell = cell("lead")?.trim() ?? "";
  const leadIsText = !hasNonTextCharacters(leadCell);
  if (!leadIsText) problems.push(inCell({ code: "leadNotText" }, "lead", leadCell));
  const profileCell = cell("profile");

  return {
    line: record.line,
    problems,
    cells,
    employeeNumber,
    firstName,
    lastName,
    email,
    team,
    lead: leadCell === "" || !leadIsText ? null : leadCell,
    role: role ?? undefined,
    locale: locale ?? undefined,
    profile: profileCell === undefined ? undefined : collapseWhitespace(profileCell) || null,
  };
}
