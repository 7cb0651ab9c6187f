import { z } from "~/utils/zod";
import { messageRef } from "~/i18n/messages";

// The forms of the participants page. Team checkboxes are named "teams.<teamId>" (a form may
// not repeat a field name, see form-body.server.ts), which parses as a record of ticked teams.

export const TEAM_FIELD_PREFIX = "teams.";
export const ID_MAX = 64;

export function isParticipantsFormField(name: string): boolean {
  return (
    name === "intent" ||
    name === "includeSubTeams" ||
    name === "personId" ||
    name === "participantId" ||
    name === "profileKey" ||
    (name.startsWith(TEAM_FIELD_PREFIX) && name.length <= TEAM_FIELD_PREFIX.length + ID_MAX)
  );
}

export const addTeamsSchema = z.object({
  intent: z.literal("add-teams"),
  teams: z
    .record(z.string(), z.literal("on"))
    .optional()
    .transform((ticked) => Object.keys(ticked ?? {}))
    .pipe(z.array(z.string()).min(1, { error: messageRef("cycles.participants.error.noTeam") })),
  includeSubTeams: z.boolean().optional(),
});

const addPersonSchema = z.object({
  intent: z.literal("add-person"),
  personId: z.string().min(1).max(ID_MAX),
});

const removeSchema = z.object({
  intent: z.literal("remove"),
  participantId: z.string().min(1).max(ID_MAX),
});

const setProfileSchema = z.object({
  intent: z.literal("set-profile"),
  participantId: z.string().min(1).max(ID_MAX),
  profileKey: z.string().min(1).max(ID_MAX),
});

/** Every form of the page, told apart by `intent`. */
export const participantsActionSchema = z.discriminatedUnion("intent", [
  addTeamsSchema,
  addPersonSchema,
  removeSchema,
  setProfileSchema,
]);
