import type { MessageKey } from "~/i18n/messages";
import { PERSON_ISSUES, personIssueRef, type PersonIssue } from "./person-schema";
import { TEAM_ISSUES, teamIssueRef, type TeamIssue } from "./team-schema";

// Everything an import can find wrong, as codes with parameters; the preview translates them.
// A row's cells are checked with the forms' schemas, which report message references; those
// are turned back into their issue codes here, so a problem stays a code the plan can reason
// about (and tests can name).

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
  | "ownHrRole";

export type ImportProblemCode = ImportOnlyProblemCode | PersonIssue | TeamIssue;

export interface ImportProblem {
  code: ImportProblemCode;
  params?: Record<string, string | number>;
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
  ownHrRole: "people.import.problem.ownHrRole",
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
