import type { Submission } from "@conform-to/react";
import { data, redirect } from "@remix-run/node";
import type { DB } from "#db/database";
import type { Cycle } from "#db/schema";
import type { CurrentUser } from "~/auth/guards.server";
import { messageRef, type MessageKey } from "~/i18n/messages";
import { searchQuery } from "~/nominations/paths";
import { noticeLocation, readNotice } from "~/utils/notices";
import { PARTICIPANT_NOTICES } from "./notices";
import {
  addPerson,
  addTeams,
  listParticipants,
  listTeamOptions,
  removeParticipant,
  searchPeople,
  setParticipantProfile,
  type AddParticipantsOutcome,
} from "./participants.server";
import { mayChangeParticipants } from "./settings-locks";
import { profileChoices } from "~/profiles/library.server";

// The participants page of a cycle (beheer/rondes/<id>/deelnemers): what it shows, and one
// function per intent of its forms. The route authorises and parses; these do the rest.

export interface ParticipantsPageContext {
  user: CurrentUser;
  db: DB;
  cycle: Cycle;
}

type PageSubmission = Submission<unknown, string[], unknown>;

export async function loadParticipantsPage(
  { user, db, cycle }: ParticipantsPageContext,
  request: Request,
) {
  const query = searchQuery(new URL(request.url));
  const editable = mayChangeParticipants(cycle.status);
  const organisationId = user.organisationId;
  return {
    cycle: { id: cycle.id, name: cycle.name, status: cycle.status },
    editable,
    participants: await listParticipants(db, cycle.id),
    // While a draft, each participant's profile can still be chosen from the library.
    profiles: cycle.status === "draft" ? await profileChoices(db, organisationId) : [],
    teams: editable ? await listTeamOptions(db, organisationId) : [],
    query,
    search:
      editable && query
        ? await searchPeople(db, { organisationId, cycleId: cycle.id, query })
        : null,
    notice: readNotice(request, PARTICIPANT_NOTICES),
  };
}

export async function addTeamsAction(
  context: ParticipantsPageContext,
  submission: PageSubmission,
  input: { teamIds: string[]; includeSubTeams: boolean },
) {
  const outcome = await addTeams(context.db, { ...actor(context), ...input });
  return afterAdding(context, submission, outcome);
}

export async function addPersonAction(
  context: ParticipantsPageContext,
  submission: PageSubmission,
  personId: string,
) {
  const outcome = await addPerson(context.db, { ...actor(context), personId });
  return afterAdding(context, submission, outcome);
}

export async function removeParticipantAction(
  context: ParticipantsPageContext,
  submission: PageSubmission,
  participantId: string,
) {
  const outcome = await removeParticipant(context.db, { ...actor(context), participantId });
  if (outcome === "closed") return refused(submission, "cycles.participants.error.closed", 409);
  if (outcome === "not_found") return refused(submission, "cycles.participants.error.gone", 404);
  return redirect(noticeLocation(pagePath(context), PARTICIPANT_NOTICES, "verwijderd"));
}

export async function setProfileAction(
  context: ParticipantsPageContext,
  submission: PageSubmission,
  input: { participantId: string; profileKey: string },
) {
  const outcome = await setParticipantProfile(context.db, { ...actor(context), ...input });
  if (outcome === "closed") {
    return refused(submission, "cycles.participants.error.profileLocked", 409);
  }
  if (outcome === "not_found") return refused(submission, "cycles.participants.error.gone", 404);
  if (outcome === "unknown_profile") {
    return refused(submission, "cycles.participants.error.unknownProfile", 400);
  }
  return redirect(noticeLocation(pagePath(context), PARTICIPANT_NOTICES, "profiel"));
}

function pagePath({ cycle }: ParticipantsPageContext) {
  return `/beheer/rondes/${cycle.id}/deelnemers`;
}

function actor({ user, cycle }: ParticipantsPageContext) {
  return { organisationId: user.organisationId, cycleId: cycle.id, actorPersonId: user.id };
}

/** The page again with a message above it: the cycle moved on, or a team or person is gone. */
function refused(submission: PageSubmission, key: MessageKey, status: 400 | 404 | 409) {
  return data({ result: submission.reply({ formErrors: [messageRef(key)] }) }, { status });
}

function afterAdding(
  context: ParticipantsPageContext,
  submission: PageSubmission,
  outcome: AddParticipantsOutcome,
) {
  if (outcome.status === "closed") {
    return refused(submission, "cycles.participants.error.closed", 409);
  }
  if (outcome.status === "unknown") {
    return refused(submission, "cycles.participants.error.unknown", 400);
  }
  return redirect(
    noticeLocation(pagePath(context), PARTICIPANT_NOTICES, "toegevoegd", {
      count: outcome.added,
      counts: { alreadyIn: outcome.alreadyIn, inactive: outcome.inactive },
    }),
  );
}
