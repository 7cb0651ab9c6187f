import { z } from "~/utils/zod";
import { messageRef } from "~/i18n/messages";
import { plainTextField } from "~/utils/plain-text";

// The rules for a team, shared by the team form and the team column of a CSV import.

export const TEAM_ISSUES = [
  "teamNameRequired",
  "teamNameTooLong",
  "teamNameInvalid",
  "teamNameNotText",
] as const;
export type TeamIssue = (typeof TEAM_ISSUES)[number];

/** The message reference a schema reports for an issue: the message `people.issue.<issue>`. */
export function teamIssueRef(issue: TeamIssue): string {
  return messageRef(`people.issue.${issue}`);
}

export const TEAM_NAME_MAX = 100;

/** In the import, "Afdeling > Team" nests teams; so ">" cannot be part of a team's name. */
export const TEAM_PATH_SEPARATOR = ">";

/**
 * How deep teams may be nested (a department with its teams is two levels). An import path
 * with more names, or a line that would put a team deeper, is refused with its line.
 */
export const TEAM_MAX_DEPTH = 10;

export const teamNameSchema = plainTextField(
  {
    required: teamIssueRef("teamNameRequired"),
    tooLong: teamIssueRef("teamNameTooLong"),
    notText: teamIssueRef("teamNameNotText"),
  },
  { max: TEAM_NAME_MAX },
).refine((name) => !name.includes(TEAM_PATH_SEPARATOR), {
  error: teamIssueRef("teamNameInvalid"),
});

export const teamFormSchema = z.object({
  name: teamNameSchema,
  parentTeamId: z.string().max(64).optional(),
  leadPersonId: z.string().max(64).optional(),
});

export type TeamFormValues = z.output<typeof teamFormSchema>;
