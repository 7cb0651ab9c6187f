import { z } from "~/utils/zod";
import { LOCALES } from "~/i18n/locales";
import { messageRef } from "~/i18n/messages";
import { plainTextField } from "~/utils/plain-text";

// One set of rules for a person, shared by the person form (client and server) and every row
// of a CSV import, so a value the import accepts is a value the form accepts and vice versa.

export const PERSON_ROLES = ["employee", "hr_admin"] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const PERSON_ISSUES = [
  "employeeNumberRequired",
  "employeeNumberInvalid",
  "firstNameRequired",
  "firstNameTooLong",
  "firstNameNotText",
  "lastNameRequired",
  "lastNameTooLong",
  "lastNameNotText",
  "emailRequired",
  "emailInvalid",
  "roleInvalid",
  "localeInvalid",
] as const;
export type PersonIssue = (typeof PERSON_ISSUES)[number];

/**
 * The message reference a schema reports for an issue: the message `people.issue.<issue>`.
 * The import turns it back into its issue (see issueOfRef in import-problems.ts).
 */
export function personIssueRef(issue: PersonIssue): string {
  return messageRef(`people.issue.${issue}`);
}

export const EMPLOYEE_NUMBER_MAX = 40;
export const NAME_MAX = 100;
export const EMAIL_MAX = 254;

/**
 * Employee numbers are opaque text (leading zeros matter), without control characters or
 * invisible formatting (see app/utils/plain-text.ts) and without "@": in the import's lead
 * column a value with "@" is an email address.
 */
const EMPLOYEE_NUMBER_PATTERN = /^[^\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}@]+$/u;

const issue = personIssueRef;

function nameField(required: PersonIssue, tooLong: PersonIssue, notText: PersonIssue) {
  return plainTextField(
    { required: issue(required), tooLong: issue(tooLong), notText: issue(notText) },
    { max: NAME_MAX },
  );
}

/** The rules per field; an import row is checked field by field (the team is resolved apart). */
export const personDetailsShape = {
  employeeNumber: z
    .string({ error: issue("employeeNumberRequired") })
    .trim()
    .min(1, { error: issue("employeeNumberRequired") })
    .max(EMPLOYEE_NUMBER_MAX, { error: issue("employeeNumberInvalid") })
    .regex(EMPLOYEE_NUMBER_PATTERN, { error: issue("employeeNumberInvalid") }),
  firstName: nameField("firstNameRequired", "firstNameTooLong", "firstNameNotText"),
  lastName: nameField("lastNameRequired", "lastNameTooLong", "lastNameNotText"),
  email: z
    .string({ error: issue("emailRequired") })
    .trim()
    .toLowerCase()
    .min(1, { error: issue("emailRequired") })
    .max(EMAIL_MAX, { error: issue("emailInvalid") })
    .pipe(z.email({ error: issue("emailInvalid") })),
  role: z.enum(PERSON_ROLES, { error: issue("roleInvalid") }),
  locale: z.enum(LOCALES, { error: issue("localeInvalid") }),
};

/** The person form: the same details plus the team, chosen from the organisation's teams. */
export const personFormSchema = z.object({
  ...personDetailsShape,
  teamId: z.string().max(64).optional(),
  /** The person's function profile: a key of the organisation's profile library. */
  profileKey: z.string().max(80).optional(),
});

export type PersonFormValues = z.output<typeof personFormSchema>;

export function roleOf(isHrAdmin: boolean): PersonRole {
  return isHrAdmin ? "hr_admin" : "employee";
}
