import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import { notFound } from "~/auth/guards.server";
import { getLocale } from "~/i18n/locale.server";
import { translator, type Translate } from "~/i18n/messages";
import { assertOnlyKnownFields } from "~/utils/form-body.server";
import { TEAM_FORM_FIELDS, teamMessages } from "./team-form";
import type { SaveTeamResult } from "./team-store.server";
import { createTeamFormSchema } from "./team-schema";

// The server half of the team form, shared by "new team" and "edit team".

export async function parseTeamForm(request: Request, body: URLSearchParams) {
  assertOnlyKnownFields(body, (name) => (TEAM_FORM_FIELDS as readonly string[]).includes(name));
  const t = translator(await getLocale(request));
  const submission = parseWithZod(body, { schema: createTeamFormSchema(teamMessages(t)) });
  return { submission, t };
}

type TeamSubmission = Awaited<ReturnType<typeof parseTeamForm>>["submission"];

/** 400 with the reason next to the field, or 404 for a team not in the organisation. */
export function refusedTeamSave(
  submission: TeamSubmission,
  result: Exclude<SaveTeamResult, { status: "saved" }>,
  t: Translate,
) {
  const fieldError = (field: string, message: string) =>
    data({ result: submission.reply({ fieldErrors: { [field]: [message] } }) }, { status: 400 });
  switch (result.status) {
    case "name_taken":
      return fieldError("name", t("people.teams.issue.nameTaken"));
    case "invalid_parent":
      return fieldError("parentTeamId", t("people.teams.issue.invalidParent"));
    case "invalid_lead":
      return fieldError("leadPersonId", t("people.teams.issue.invalidLead"));
    case "not_found":
      throw notFound();
  }
}
