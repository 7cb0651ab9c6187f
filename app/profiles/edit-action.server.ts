import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import type { DB } from "#db/database";
import { formRefusal } from "~/components/forms";
import { messageRef, type Translate } from "~/i18n/messages";
import { assertOnlyKnownFields } from "~/utils/form-body.server";
import { badRequest, notFound } from "~/utils/http-errors.server";
import { noticeLocation } from "~/utils/notices";
import {
  EDIT_INTENTS,
  isProfileEditField,
  profileEditSchema,
  type EditIntent,
} from "./edit-schema";
import { reviewProfileEdit, saveProfileEdit, type EditOutcome } from "./edit.server";
import { findLibraryProfile } from "./library.server";
import { PROFILE_NOTICES, SAVED_PROFILE_NOTICE } from "./notices";

// The server half of the profile editor (app/routes/beheer.profielen.$profileId_.bewerken.tsx):
// reads the form, answers the list buttons (move, add, remove) with the form changed, and
// dispatches "review" and "save".

const LIST_INTENTS = new Set(["insert", "remove", "reorder"]);

/** Conform's list button (`__intent__`): only a well-formed insert, remove or reorder. */
function isListIntent(value: string | null): boolean {
  if (value === null) return true;
  if (value.length > 2000) return false;
  try {
    const intent: unknown = JSON.parse(value);
    return (
      typeof intent === "object" &&
      intent !== null &&
      "type" in intent &&
      typeof intent.type === "string" &&
      LIST_INTENTS.has(intent.type)
    );
  } catch {
    return false;
  }
}

function parseEdit(t: Translate, body: URLSearchParams) {
  assertOnlyKnownFields(body, isProfileEditField);
  if (!isListIntent(body.get("__intent__"))) throw badRequest(t, "http.unknownIntent");
  try {
    return parseWithZod(body, { schema: profileEditSchema });
  } catch {
    // A list button aimed at something that is not a list (a tampered form).
    throw badRequest(t, "http.unknownIntent");
  }
}

export async function profileEditAction(
  db: DB,
  t: Translate,
  user: { id: string; organisationId: string },
  profileId: string,
  body: URLSearchParams,
) {
  // Another organisation's profile (or none) is a 404 before the form is even read.
  if (!(await findLibraryProfile(db, user.organisationId, profileId))) throw notFound();
  const submission = parseEdit(t, body);
  // A list button: the form comes back changed, nothing is checked or saved.
  if (body.has("__intent__")) return data({ result: submission.reply(), review: null });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), review: null }, { status: 400 });
  }
  const intent = body.get("intent");
  if (!EDIT_INTENTS.includes(intent as EditIntent)) throw badRequest(t, "http.unknownIntent");
  const outcome: EditOutcome =
    intent === "save"
      ? await saveProfileEdit(db, {
          organisationId: user.organisationId,
          personId: user.id,
          profileId,
          edit: submission.value,
        })
      : await reviewProfileEdit(db, user.organisationId, profileId, submission.value);
  const refused = (status: number, message: string) =>
    data({ result: submission.reply({ formErrors: [message] }), review: null }, { status });
  switch (outcome.status) {
    case "not-found":
      throw notFound();
    case "foreign-key":
      // A key the stored version does not have: only a tampered form sends one.
      throw badRequest(t);
    case "retired":
      return data(
        { result: formRefusal(messageRef("profiles.edit.issue.retired")), review: null },
        { status: 409 },
      );
    case "stale":
      return refused(409, messageRef("profiles.edit.issue.stale", { version: outcome.version }));
    case "shared-conflict":
      return refused(
        409,
        messageRef("profiles.edit.issue.sharedConflict", { profile: outcome.profile }),
      );
    case "unchanged":
      return data({ result: submission.reply(), review: { status: "unchanged" as const } });
    case "review":
      return data({ result: submission.reply(), review: outcome });
    case "saved":
      return redirect(
        noticeLocation(
          `/beheer/profielen/${profileId}`,
          PROFILE_NOTICES,
          SAVED_PROFILE_NOTICE["new-version"],
          { count: outcome.version },
        ),
      );
  }
}
