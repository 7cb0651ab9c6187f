import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import type { DB } from "#db/database";
import type { CurrentUser } from "~/auth/guards.server";
import type { FormResult } from "~/components/forms";
import { getLocale } from "~/i18n/locale.server";
import { messageRef, translator, type Translate } from "~/i18n/messages";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { badRequest, notFound } from "~/utils/http-errors.server";
import { noticeLocation } from "~/utils/notices";
import { resolveInvitationHandle } from "./invitation-handle.server";
import { addLateRater, type AddLateRaterOutcome, type LateRater } from "./late-rater.server";
import {
  addExternalSchema,
  addPersonSchema,
  FIELDS_OF_INTENT,
  isIntent,
  revokeSchema,
} from "./late-rater-schema";
import { findParticipant } from "./participant-page.server";
import { PARTICIPANT_PAGE_NOTICES, participantPagePath } from "./participant-page-notices";
import { revokeInvitation } from "./revoke.server";

// The posts of HR's page of one participant's invitations: withdraw an invitation, add a
// colleague from the directory, add someone by name and address. One function per intent.

export interface ParticipantPageActionData {
  intent: string;
  result: FormResult;
}

/** The page a post is about, once found and allowed. */
interface PostedPage {
  db: DB;
  t: Translate;
  user: CurrentUser;
  cycleId: string;
  participantId: string;
  participant: NonNullable<Awaited<ReturnType<typeof findParticipant>>>;
  body: URLSearchParams;
}

/**
 * A post to the page: 404 for a participant who is not the organisation's, or who is the
 * HR admin themself (adding or withdrawing one's own raters is approving them); 400 for a
 * form no page sends; else the intent's own answer.
 */
export async function handleParticipantPagePost(
  db: DB,
  user: CurrentUser,
  request: Request,
  ids: { cycleId: string; participantId: string },
) {
  const t = translator(await getLocale(request));
  const participant = await findParticipant(
    db,
    user.organisationId,
    ids.cycleId,
    ids.participantId,
  );
  if (!participant || participant.participant.personId === user.id) throw notFound(t);
  const body = await readFormBody(request);
  const intent = body.get("intent");
  if (!isIntent(intent)) throw badRequest(t, "http.unknownIntent");
  assertOnlyKnownFields(body, (name) => FIELDS_OF_INTENT[intent].includes(name));
  const page: PostedPage = { db, t, user, ...ids, participant, body };
  switch (intent) {
    case "revoke":
      return revokeInvitationAction(page);
    case "add-person":
      return addPersonAction(page);
    case "add-external":
      return addExternalAction(page);
  }
}

/** Withdraws an invitation: the same answer whatever its state was (answered, declined, open). */
async function revokeInvitationAction(page: PostedPage) {
  const submission = parseWithZod(page.body, { schema: revokeSchema });
  if (submission.status !== "success") throw badRequest(page.t);
  if (page.participant.cycle.status !== "collecting") {
    throw badRequest(page.t, "invitations.participant.error.notCollecting");
  }
  const invitationId = await resolveInvitationHandle(
    page.db,
    page.participantId,
    submission.value.handle,
  );
  if (!invitationId) throw notFound(page.t);
  const revoked = await revokeInvitation(page.db, {
    organisationId: page.user.organisationId,
    cycleId: page.cycleId,
    participantId: page.participantId,
    invitationId,
    actorPersonId: page.user.id,
  });
  if (!revoked) throw notFound(page.t);
  return redirectWithNotice(page, "ingetrokken");
}

/** Adds a colleague from the directory, in the group HR chose. */
async function addPersonAction(page: PostedPage) {
  const submission = parseWithZod(page.body, { schema: addPersonSchema });
  if (submission.status !== "success") return refused("add-person", submission.reply());
  const { personId, relationship } = submission.value;
  return addRater(page, { kind: "person", personId, relationship }, submission.reply);
}

/** Adds someone by name and address, also from outside the organisation. */
async function addExternalAction(page: PostedPage) {
  const submission = parseWithZod(page.body, { schema: addExternalSchema });
  if (submission.status !== "success") return refused("add-external", submission.reply());
  const { name, email, relationship } = submission.value;
  return addRater(page, { kind: "external", name, email, relationship }, submission.reply);
}

type Reply = (options?: {
  formErrors?: string[];
  fieldErrors?: Record<string, string[]>;
}) => FormResult;

async function addRater(page: PostedPage, rater: LateRater, reply: Reply) {
  const intent = rater.kind === "person" ? "add-person" : "add-external";
  if (page.participant.cycle.status !== "collecting") {
    return refused(
      intent,
      reply({ formErrors: [messageRef("invitations.participant.error.notCollecting")] }),
    );
  }
  const outcome = await addLateRater(page.db, {
    organisationId: page.user.organisationId,
    cycleId: page.cycleId,
    participantId: page.participantId,
    actorPersonId: page.user.id,
    rater,
  });
  if (outcome.status === "not_found") throw notFound(page.t);
  if (outcome.status === "refused") {
    return refused(intent, reply(refusalErrors(outcome, page.participant.participant.name)));
  }
  return redirectWithNotice(page, "toegevoegd");
}

/** A refused form goes back to the page with what was typed and why: 400. */
function refused(intent: string, result: FormResult) {
  return data<ParticipantPageActionData>({ intent, result }, { status: 400 });
}

/** A refused rater as form errors: on the field it concerns, or for the whole form. */
function refusalErrors(
  outcome: Extract<AddLateRaterOutcome, { status: "refused" }>,
  participantName: string,
): { formErrors?: string[]; fieldErrors?: Record<string, string[]> } {
  switch (outcome.reason) {
    case "self":
      return {
        formErrors: [messageRef("invitations.participant.error.self", { name: participantName })],
      };
    case "duplicate":
      return {
        formErrors: [
          messageRef("invitations.participant.error.duplicate", { name: participantName }),
        ],
      };
    case "group_closed":
      return {
        fieldErrors: { relationship: [messageRef("invitations.participant.error.groupClosed")] },
      };
    case "unknown_person":
      return {
        fieldErrors: { personId: [messageRef("invitations.participant.error.unknownPerson")] },
      };
  }
}

function redirectWithNotice(page: PostedPage, notice: keyof typeof PARTICIPANT_PAGE_NOTICES) {
  const path = participantPagePath(page.cycleId, page.participantId);
  return redirect(noticeLocation(path, PARTICIPANT_PAGE_NOTICES, notice));
}
