import type { MessageKey } from "~/i18n/messages";
import { hasNonTextCharacters } from "~/utils/plain-text";
import type { ImportColumn } from "./columns";
import { PERSON_ISSUES, personIssueRef, type PersonIssue } from "./person-schema";
import { TEAM_ISSUES, teamIssueRef, type TeamIssue } from "./team-schema";

// Everything an import can find wrong, as codes with parameters; the preview translates them.
// A row's cells are checked with the forms' schemas, which report message references; those
// are turned back into their issue codes here, so a problem stays a code the plan can reason
// about (and tests can name). A problem with a cell carries that cell's column and value, cut
// to what a page shows, so the preview can say which value on which line was refused.

type ImportOnlyProblemCode =
  // The file as a whole
  | "emptyFile"
  | "noRows"
  | "unterminatedQuote"
  | "missingEmployeeNumberColumn"
  | "missingNameColumn"
  | "missingEmailColumn"
  | "duplicateColumn"
  | "tooManyTeams"
  | "tooManyRows"
  // One row
  | "wrongFieldCount"
  | "roleUnknown"
  | "languageUnknown"
  | "duplicateEmployeeNumber"
  | "duplicateEmail"
  | "emailTakenByOther"
  | "emailTakenElsewhere"
  | "emailHeldUntilConfirmed"
  | "teamParentConflict"
  | "teamCycle"
  | "teamPathTooDeep"
  | "teamTooDeep"
  | "leadNotText"
  | "leadNotFound"
  | "leadInactive"
  | "leadConflict"
  | "leadWithoutTeam"
  | "leadManagerConflict"
  | "managerCycle"
  | "ownHrRole"
  | "profileUnknown"
  | "profileLibraryEmpty"
  | "profileAmbiguous"
  | "profileRetired";

export type ImportProblemCode = ImportOnlyProblemCode | PersonIssue | TeamIssue;

export interface ImportProblem {
  code: ImportProblemCode;
  params?: Record<string, string | number>;
  /** The refused cell of the row, when the problem is about one. */
  cell?: ProblemCell;
}

export interface ProblemCell {
  column: ImportColumn;
  /** As the file has it, made visible and cut to display size (see displayValue). */
  value: string;
}

/** The most characters of a refused value the preview shows; longer ones end in "…". */
export const DISPLAY_VALUE_MAX = 60;

/** Combining marks on one letter that are still shown (as plain-text.ts allows). */
const MARKS_SHOWN = 3;

/** Ordinary white space, as plain-text.ts collapses it. */
const WHITESPACE = /[\t\n\v\f\r\p{Zs}]/u;
const MARK = /\p{M}/u;

/**
 * A cell's value as the preview may show it: white space runs as one space, a character that
 * is not text (a control character, a direction override, an invisible one) as its code
 * point ("[U+202E]"), so that it neither hides nor reorders what is around it, and at most
 * DISPLAY_VALUE_MAX characters (code points, such a code point counting as its label), cut
 * with "…". Only the start of a long value is looked at.
 */
export function displayValue(raw: string): string {
  // Enough of the start for DISPLAY_VALUE_MAX characters after white space is collapsed
  // and surplus marks dropped, unless the value is mostly those; then it is cut sooner.
  const start = raw.slice(0, DISPLAY_VALUE_MAX * 4).replace(/[\uD800-\uDBFF]$/, "");
  let shown = "";
  let length = 0;
  let cut = start.length < raw.length;
  let marks = 0;
  for (const character of start.normalize("NFC")) {
    if (WHITESPACE.test(character)) {
      marks = 0;
      if (length === 0 || shown.endsWith(" ")) continue;
    } else {
      marks = MARK.test(character) ? marks + 1 : 0;
      if (marks > MARKS_SHOWN) continue;
    }
    const piece = WHITESPACE.test(character)
      ? " "
      : hasNonTextCharacters(character)
        ? codePointLabel(character)
        : character;
    const pieceLength = piece === character ? 1 : piece.length;
    if (length + pieceLength > DISPLAY_VALUE_MAX) {
      cut = true;
      break;
    }
    shown += piece;
    length += pieceLength;
  }
  shown = shown.trimEnd();
  return cut ? `${shown}…` : shown;
}

function codePointLabel(character: string): string {
  const hex = (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
  return `[U+${hex}]`;
}

/** The problem, tied to the cell it is about. */
export function inCell(problem: ImportProblem, column: ImportColumn, raw: string): ImportProblem {
  return { ...problem, cell: { column, value: displayValue(raw) } };
}

const PROBLEM_MESSAGES: Record<ImportProblemCode, MessageKey> = {
  emptyFile: "people.import.problem.emptyFile",
  noRows: "people.import.problem.noRows",
  unterminatedQuote: "people.import.problem.unterminatedQuote",
  missingEmployeeNumberColumn: "people.import.problem.missingEmployeeNumberColumn",
  missingNameColumn: "people.import.problem.missingNameColumn",
  missingEmailColumn: "people.import.problem.missingEmailColumn",
  duplicateColumn: "people.import.problem.duplicateColumn",
  tooManyTeams: "people.import.problem.tooManyTeams",
  tooManyRows: "people.import.problem.tooManyRows",
  wrongFieldCount: "people.import.problem.wrongFieldCount",
  roleUnknown: "people.import.problem.roleUnknown",
  languageUnknown: "people.import.problem.languageUnknown",
  duplicateEmployeeNumber: "people.import.problem.duplicateEmployeeNumber",
  duplicateEmail: "people.import.problem.duplicateEmail",
  emailTakenByOther: "people.import.problem.emailTakenByOther",
  emailTakenElsewhere: "people.import.problem.emailTakenElsewhere",
  emailHeldUntilConfirmed: "people.import.problem.emailHeldUntilConfirmed",
  teamParentConflict: "people.import.problem.teamParentConflict",
  teamCycle: "people.import.problem.teamCycle",
  teamPathTooDeep: "people.import.problem.teamPathTooDeep",
  teamTooDeep: "people.import.problem.teamTooDeep",
  leadNotText: "people.import.problem.leadNotText",
  leadNotFound: "people.import.problem.leadNotFound",
  leadInactive: "people.import.problem.leadInactive",
  leadConflict: "people.import.problem.leadConflict",
  leadWithoutTeam: "people.import.problem.leadWithoutTeam",
  leadManagerConflict: "people.import.problem.leadManagerConflict",
  managerCycle: "people.import.problem.managerCycle",
  ownHrRole: "people.import.problem.ownHrRole",
  profileUnknown: "people.import.problem.profileUnknown",
  profileLibraryEmpty: "people.import.problem.profileLibraryEmpty",
  profileAmbiguous: "people.import.problem.profileAmbiguous",
  profileRetired: "people.import.problem.profileRetired",
  employeeNumberRequired: "people.issue.employeeNumberRequired",
  employeeNumberInvalid: "people.issue.employeeNumberInvalid",
  firstNameRequired: "people.issue.firstNameRequired",
  firstNameTooLong: "people.issue.firstNameTooLong",
  firstNameNotText: "people.issue.firstNameNotText",
  lastNameRequired: "people.issue.lastNameRequired",
  lastNameTooLong: "people.issue.lastNameTooLong",
  lastNameNotText: "people.issue.lastNameNotText",
  emailRequired: "people.issue.emailRequired",
  emailInvalid: "people.issue.emailInvalid",
  roleInvalid: "people.issue.roleInvalid",
  localeInvalid: "people.issue.localeInvalid",
  teamNameRequired: "people.issue.teamNameRequired",
  teamNameTooLong: "people.issue.teamNameTooLong",
  teamNameInvalid: "people.issue.teamNameInvalid",
  teamNameNotText: "people.issue.teamNameNotText",
};

export function problemMessageKey(code: ImportProblemCode): MessageKey {
  return PROBLEM_MESSAGES[code];
}

const ISSUE_BY_REF = new Map<string, PersonIssue | TeamIssue>([
  ...PERSON_ISSUES.map((issue) => [personIssueRef(issue), issue] as const),
  ...TEAM_ISSUES.map((issue) => [teamIssueRef(issue), issue] as const),
]);

/**
 * The issue code of a message reference a person or team schema reported. Every rule of
 * those schemas names its issue, so anything else is a mistake in a schema, not in a file.
 */
export function issueOfRef(ref: string | undefined): PersonIssue | TeamIssue {
  const issue = ref === undefined ? undefined : ISSUE_BY_REF.get(ref);
  if (issue === undefined) throw new Error(`A person or team rule reported no known issue: ${ref}`);
  return issue;
}
