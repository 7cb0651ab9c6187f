import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import { notFound } from "~/utils/http-errors.server";
import { messageRef, type MessageKey } from "~/i18n/messages";
import { assertOnlyKnownFields } from "~/utils/form-body.server";
import { TEAM_FORM_FIELDS } from "./team-form";
import type { SaveTeamResult } from "./team-store.server";
import { teamFormSchema } from "./team-schema";

// The server half of the team form, shared by "new team" and "edit team".

export function parseTeamForm(body: URLSearchParams) {
  assertOnlyKnownFields(body, (name) => (TEAM_FORM_FIELDS as readonly string[]).includes(name));
  return parseWithZod(body, { schema: teamFormSchema });
}

type TeamSubmission = ReturnType<typeof parseTeamForm>;

/** 400 with the reason next to the field, or 404 for a team not in the organisation. */
export function refusedTeamSave(
  submission: TeamSubmission,
  result: Exclude<SaveTeamResult, { status: "saved" }>,
) {
  const fieldError = (field: string, key: MessageKey) =>
    data(
      { result: submission.reply({ fieldErrors: { [field]: [messageRef(key)] } }) },
      { status: 400 },
    );
  switch (result.status) {
    case "name_taken":
      return fieldError("name", "people.teams.issue.nameTaken");
    case "invalid_parent":
      return fieldError("parentTeamId", "people.teams.issue.invalidParent");
    case "invalid_lead":
      return fieldError("leadPersonId", "people.teams.issue.invalidLead");
    case "not_found":
      throw notFound();
  }
}
