import { z } from "zod";
import { LOCALES } from "~/i18n/locales";
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

/** Turns an issue into the text a schema reports: a translation, or the code itself. */
export type PersonMessage = (issue: PersonIssue) => string;

export const EMPLOYEE_NUMBER_MAX = 40;
export const NAME_MAX = 100;
export const EMAIL_MAX = 254;

/**
 * Employee numbers are opaque text (leading zeros matter), without control characters or
 * invisible formatting (see app/utils/plain-text.ts) and without "@": in the import's lead
 * column a value with "@" is an email address.
 */
const EMPLOYEE_NUMBER_PATTERN = /^[^\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}@]+$/u;

function nameField(
  message: PersonMessage,
  required: PersonIssue,
  tooLong: PersonIssue,
  notText: PersonIssue,
) {
  return plainTextField(
    { required: message(required), tooLong: message(tooLong), notText: message(notText) },
    { max: NAME_MAX },
  );
}

/** The rules per field; an import row is checked field by field (the team is resolved apart). */
export function personDetailsShape(message: PersonMessage) {
  return {
    employeeNumber: z
      .string({ error: message("employeeNumberRequired") })
      .trim()
      .min(1, { error: message("employeeNumberRequired") })
      .max(EMPLOYEE_NUMBER_MAX, { error: message("employeeNumberInvalid") })
      .regex(EMPLOYEE_NUMBER_PATTERN, { error: message("employeeNumberInvalid") }),
    firstName: nameField(message, "firstNameRequired", "firstNameTooLong", "firstNameNotText"),
    lastName: nameField(message, "lastNameRequired", "lastNameTooLong", "lastNameNotText"),
    email: z
      .string({ error: message("emailRequired") })
      .trim()
      .toLowerCase()
      .min(1, { error: message("emailRequired") })
      .max(EMAIL_MAX, { error: message("emailInvalid") })
      .pipe(z.email({ error: message("emailInvalid") })),
    role: z.enum(PERSON_ROLES, { error: message("roleInvalid") }),
    locale: z.enum(LOCALES, { error: message("localeInvalid") }),
  };
}

/** The person form: the same details plus the team, chosen from the organisation's teams. */
export function createPersonFormSchema(message: PersonMessage) {
  return z.object({
    ...personDetailsShape(message),
    teamId: z.string().max(64).optional(),
  });
}

export type PersonFormValues = z.output<ReturnType<typeof createPersonFormSchema>>;

/** For the import: the schema reports issue codes, translated when the preview is shown. */
export const issueCodeMessage: PersonMessage = (issue) => issue;

export function roleOf(isHrAdmin: boolean): PersonRole {
  return isHrAdmin ? "hr_admin" : "employee";
}
