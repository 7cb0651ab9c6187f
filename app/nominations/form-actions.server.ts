import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import type { z } from "~/utils/zod";
import type { DB } from "#db/database";
import type { FormResult } from "~/components/forms";
import { getLocale } from "~/i18n/locale.server";
import { messageRef, translator, type MessageKey } from "~/i18n/messages";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { badRequest, notFound } from "~/utils/http-errors.server";
import { noticeLocation } from "~/utils/notices";
import { problemRef } from "./messages";
import {
  approveAllSchema,
  NOMINATION_FORM_FIELDS,
  type ProposalForm,
  type ReviewForm,
} from "./nomination-forms";
import type { CandidateInput, NominationRefusal, Refused } from "./nomination-store.server";
import { proposeNomination, submitNominations, withdrawNomination } from "./nominations.server";
import { NOMINATION_NOTICES, pageAfterPost, type NominationNotice } from "./notices";
import type { Actor } from "./participant-context.server";
import {
  addNomination,
  approveAllSubmitted,
  approveNominations,
  removeNomination,
} from "./review.server";

// From a parsed form to the operation it asks for, and from a refusal to the answer the page
// shows (the routes stay thin: authorise, parse, apply, redirect).

export type Applied = { ok: true; notice: NominationNotice; keepSearch: boolean } | Refused;

function candidateOf(
  form: Extract<ProposalForm | ReviewForm, { personId: string } | { email: string }>,
): CandidateInput {
  switch (form.intent) {
    case "propose-colleague":
    case "add-colleague":
      return { group: "colleague", personId: form.personId };
    case "propose-internal-customer":
    case "add-internal-customer":
      return { group: "customer", personId: form.personId };
    case "propose-report":
    case "add-report":
      return { group: "report", personId: form.personId };
    case "propose-customer":
    case "add-customer":
      return { group: "customer", name: form.name, email: form.email };
  }
}

/** The participant's page: propose, withdraw, submit. */
export async function applyProposalForm(
  db: DB,
  actor: Actor,
  participantId: string,
  form: ProposalForm,
): Promise<Applied> {
  switch (form.intent) {
    case "withdraw": {
      const outcome = await withdrawNomination(db, actor, participantId, form.nominationId);
      return outcome.ok ? { ok: true, notice: "ingetrokken", keepSearch: true } : outcome;
    }
    case "submit": {
      const outcome = await submitNominations(db, actor, participantId);
      return outcome.ok ? { ok: true, notice: "ingediend", keepSearch: false } : outcome;
    }
    default: {
      const outcome = await proposeNomination(db, actor, participantId, candidateOf(form));
      return outcome.ok
        ? { ok: true, notice: "voorgedragen", keepSearch: form.intent !== "propose-customer" }
        : outcome;
    }
  }
}

/** The lead's page for one participant: remove, add, approve. */
export async function applyReviewForm(
  db: DB,
  actor: Actor,
  participantId: string,
  form: ReviewForm,
): Promise<Applied> {
  switch (form.intent) {
    case "remove": {
      const outcome = await removeNomination(db, actor, participantId, form.nominationId);
      return outcome.ok ? { ok: true, notice: "verwijderd", keepSearch: true } : outcome;
    }
    case "approve": {
      const outcome = await approveNominations(db, actor, participantId);
      return outcome.ok ? { ok: true, notice: "goedgekeurd", keepSearch: false } : outcome;
    }
    default: {
      const outcome = await addNomination(db, actor, participantId, candidateOf(form));
      return outcome.ok
        ? { ok: true, notice: "toegevoegd", keepSearch: form.intent !== "add-customer" }
        : outcome;
    }
  }
}

/** What each refusal tells the person; "not found" has no message: it is a 404. */
const REFUSAL_MESSAGES: Record<Exclude<NominationRefusal, "not_found">, MessageKey> = {
  self: "nominations.refusal.self",
  manager: "nominations.refusal.manager",
  already_nominated: "nominations.refusal.already_nominated",
  removed_by_lead: "nominations.refusal.removed_by_lead",
  group_closed: "nominations.refusal.group_closed",
  not_direct_report: "nominations.refusal.not_direct_report",
  direct_report_as_colleague: "nominations.refusal.direct_report_as_colleague",
  group_full: "nominations.refusal.group_full",
  unknown_person: "nominations.refusal.unknown_person",
  closed: "nominations.refusal.closed",
  submitted: "nominations.refusal.submitted",
  not_submitted: "nominations.refusal.not_submitted",
  approved: "nominations.refusal.approved",
  decided_by_lead: "nominations.refusal.decided_by_lead",
  limits: "nominations.refusal.limits",
};

/** Why a refusal says no, as message references: why, and for limits every group outside them. */
export function refusalErrors(
  refusal: Refused & { reason: Exclude<NominationRefusal, "not_found"> },
): string[] {
  return [
    messageRef(REFUSAL_MESSAGES[refusal.reason]),
    ...(refusal.problems ?? []).map(problemRef),
  ];
}

export interface NominationActionData {
  intent: string | null;
  result: FormResult;
}

/**
 * A post to a nomination page, once authorised: read and parse the form (400 with the field
 * errors), apply it (404 for someone else's data or none; 409 when the state of the data says
 * no, and the page lists why) and redirect to the page with a notice.
 */
export async function handleNominationPost<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  apply: (form: z.output<Schema>) => Promise<Applied>,
) {
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, (name) => NOMINATION_FORM_FIELDS.has(name));
  const submission = parseWithZod(body, { schema });
  const intent = body.get("intent");
  if (submission.status !== "success") {
    return data<NominationActionData>({ intent, result: submission.reply() }, { status: 400 });
  }
  const applied = await apply(submission.value);
  if (!applied.ok) {
    const { reason } = applied;
    if (reason === "not_found") throw notFound(translator(await getLocale(request)));
    return data<NominationActionData>(
      { intent, result: submission.reply({ formErrors: refusalErrors({ ...applied, reason }) }) },
      { status: 409 },
    );
  }
  const page = pageAfterPost(request.url, applied.keepSearch);
  return redirect(noticeLocation(page, NOMINATION_NOTICES, applied.notice));
}

/** "Approve all" on the lead's queue: every submitted nomination the actor may approve. */
export async function handleApproveAllPost(db: DB, actor: Actor, request: Request) {
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, (name) => name === "intent");
  const submission = parseWithZod(body, { schema: approveAllSchema });
  if (submission.status !== "success") {
    throw badRequest(translator(await getLocale(request)), "http.unknownIntent");
  }
  const approved = await approveAllSubmitted(db, actor);
  return redirect(
    noticeLocation(pageAfterPost(request.url, false), NOMINATION_NOTICES, "alles-goedgekeurd", {
      count: approved,
    }),
  );
}
