import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import { notFound } from "~/utils/http-errors.server";
import { messageRef } from "~/i18n/messages";
import { assertOnlyKnownFields } from "~/utils/form-body.server";
import { PERSON_FORM_FIELDS } from "./person-form";
import type { SavePersonResult } from "./person-store.server";
import { personFormSchema } from "./person-schema";

// The server half of the person form, shared by "new person" and "edit person".

export function parsePersonForm(body: URLSearchParams) {
  assertOnlyKnownFields(
    body,
    (name) => (PERSON_FORM_FIELDS as readonly string[]).includes(name) || name === "intent",
  );
  return parseWithZod(body, { schema: personFormSchema });
}

type PersonSubmission = ReturnType<typeof parsePersonForm>;

/**
 * The answer to a save the rules refused: 400 with the reason next to the field, or 404 for
 * a person that is not (or no longer) in the organisation.
 */
export function refusedSave(
  submission: PersonSubmission,
  result: Exclude<SavePersonResult, { status: "saved" }>,
) {
  const fieldErrors = (errors: Record<string, string[]>) =>
    data({ result: submission.reply({ fieldErrors: errors }) }, { status: 400 });
  switch (result.status) {
    case "taken": {
      const errors: Record<string, string[]> = {};
      if (result.fields.includes("employeeNumber")) {
        errors.employeeNumber = [messageRef("people.issue.employeeNumberTaken")];
      }
      if (result.fields.includes("email")) errors.email = [messageRef("people.issue.emailTaken")];
      if (result.fields.includes("emailElsewhere")) {
        errors.email = [messageRef("people.issue.emailTakenElsewhere")];
      }
      return fieldErrors(errors);
    }
    case "unknown_team":
      return fieldErrors({ teamId: [messageRef("people.issue.teamUnknown")] });
    case "unknown_profile":
      return fieldErrors({ profileKey: [messageRef("people.issue.profileUnknown")] });
    case "not_found":
      throw notFound();
    case "own_hr_role":
      return fieldErrors({ role: [messageRef("people.issue.ownHrRole")] });
  }
}
