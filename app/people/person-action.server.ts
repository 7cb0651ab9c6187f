import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import { notFound } from "~/auth/guards.server";
import { getLocale } from "~/i18n/locale.server";
import { translator, type Translate } from "~/i18n/messages";
import { assertOnlyKnownFields } from "~/utils/form-body.server";
import { PERSON_FORM_FIELDS, personMessages } from "./person-form";
import type { SavePersonResult } from "./person-store.server";
import { createPersonFormSchema } from "./person-schema";

// The server half of the person form, shared by "new person" and "edit person".

export async function parsePersonForm(request: Request, body: URLSearchParams) {
  assertOnlyKnownFields(
    body,
    (name) => (PERSON_FORM_FIELDS as readonly string[]).includes(name) || name === "intent",
  );
  const t = translator(await getLocale(request));
  const submission = parseWithZod(body, { schema: createPersonFormSchema(personMessages(t)) });
  return { submission, t };
}

type PersonSubmission = Awaited<ReturnType<typeof parsePersonForm>>["submission"];

/**
 * The answer to a save the rules refused: 400 with the reason next to the field, or 404 for
 * a person that is not (or no longer) in the organisation.
 */
export function refusedSave(
  submission: PersonSubmission,
  result: Exclude<SavePersonResult, { status: "saved" }>,
  t: Translate,
) {
  switch (result.status) {
    case "taken": {
      const fieldErrors: Record<string, string[]> = {};
      if (result.fields.includes("employeeNumber")) {
        fieldErrors.employeeNumber = [t("people.issue.employeeNumberTaken")];
      }
      if (result.fields.includes("email")) fieldErrors.email = [t("people.issue.emailTaken")];
      if (result.fields.includes("emailElsewhere")) {
        fieldErrors.email = [t("people.issue.emailTakenElsewhere")];
      }
      return data({ result: submission.reply({ fieldErrors }) }, { status: 400 });
    }
    case "unknown_team":
      return data(
        { result: submission.reply({ fieldErrors: { teamId: [t("people.issue.teamUnknown")] } }) },
        { status: 400 },
      );
    case "not_found":
      throw notFound();
    case "own_hr_role":
      return data(
        { result: submission.reply({ fieldErrors: { role: [t("people.issue.ownHrRole")] } }) },
        { status: 400 },
      );
  }
}
