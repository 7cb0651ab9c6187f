import { parseWithZod } from "@conform-to/zod/v4";
import type { DB } from "#db/database";
import type { FormResult } from "~/components/forms";
import { assertOnlyKnownFields } from "~/utils/form-body.server";
import { ANSWER_INTENTS, answersModeOf, type AnswerIntent } from "./answers-schema";
import { answerFieldNamesFor, answersSchemaFor } from "./answers-schema.server";
import type { AutosaveReply } from "./autosave";
import { cleanAnswers, saveDraft, submitResponse, type RaterInvitation } from "./invitation.server";
import { loadQuestionnaire } from "./questionnaire.server";

/** What a post of the questionnaire came to. */
export type AnswersOutcome =
  | { status: "invalid"; result: FormResult }
  | { status: "saved" }
  | { status: "submitted" }
  /** The invitation is no longer open (sent in another tab, declined, its round closed). */
  | { status: "closed" };

/** The post's one intent, or null for none, several or an unknown one (a request to refuse). */
export function answerIntentOf(body: URLSearchParams): AnswerIntent | null {
  const intents = body.getAll("intent");
  const intent = intents[0] as AnswerIntent;
  return intents.length === 1 && ANSWER_INTENTS.includes(intent) ? intent : null;
}

/**
 * Checks and stores a post of the questionnaire: "save" and "autosave" keep a draft,
 * "submit" sends the answers. A field the form cannot produce is refused (a thrown 400)
 * before anything is parsed; answers the schema refuses go back to the form.
 */
export async function postAnswers(
  db: DB,
  invitation: RaterInvitation,
  body: URLSearchParams,
  intent: AnswerIntent,
): Promise<AnswersOutcome> {
  if (invitation.state !== "open") return { status: "closed" };
  const questionnaire = await loadQuestionnaire(db, invitation.participant.profileSnapshotId);
  const fieldNames = answerFieldNamesFor(questionnaire);
  assertOnlyKnownFields(body, (name) => fieldNames.has(name));
  const schema = answersSchemaFor(questionnaire, answersModeOf(intent));
  const submission = parseWithZod(body, { schema });
  if (submission.status !== "success") return { status: "invalid", result: submission.reply() };

  const answers = cleanAnswers(submission.value);
  if (intent === "submit") {
    const outcome = await submitResponse(db, invitation, answers);
    return { status: outcome === "submitted" ? "submitted" : "closed" };
  }
  return { status: (await saveDraft(db, invitation.id, answers)) ? "saved" : "closed" };
}

/** The answer to a background save, with its status code (409 once the link is closed). */
export function autosaveReply(outcome: AnswersOutcome): {
  reply: AutosaveReply;
  status: 200 | 400 | 409;
} {
  switch (outcome.status) {
    case "saved":
      return { reply: { autosave: "saved", at: new Date().toISOString() }, status: 200 };
    case "invalid":
      return { reply: { autosave: "invalid" }, status: 400 };
    default:
      return { reply: { autosave: "closed" }, status: 409 };
  }
}
