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

/** The lists a list button may act on: the clusters, a cluster's competencies, a competency's indicators. */
const LIST_NAME = /^clusters(?:\[\d{1,2}\]\.competencies(?:\[\d{1,2}\]\.indicators)?)?$/;
/** A position in a list: the limits are lower, so one beyond them is a forged button. */
const MAX_LIST_INDEX = 99;

function isListIndex(value: unknown, optional = false): boolean {
  if (value === undefined) return optional;
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_LIST_INDEX;
}

/**
 * Conform's list button (`__intent__`): only an insert, remove or reorder of one of the
 * form's lists, at a position a list can have. Anything else is a forged button (an index
 * of ten million would make Conform build that long a list, and the page with it).
 */
function isListIntent(value: string | null): boolean {
  if (value === null) return true;
  if (value.length > 2000) return false;
  let intent: unknown;
  try {
    intent = JSON.parse(value);
  } catch {
    return false;
  }
  if (typeof intent !== "object" || intent === null) return false;
  const { type, payload } = intent as { type?: unknown; payload?: unknown };
  if (typeof payload !== "object" || payload === null) return false;
  const { name, index, from, to, defaultValue } = payload as Record<string, unknown>;
  if (typeof name !== "string" || !LIST_NAME.test(name)) return false;
  switch (type) {
    case "insert":
      return (
        isListIndex(index, true) &&
        (defaultValue === undefined || (typeof defaultValue === "object" && defaultValue !== null))
      );
    case "remove":
      return isListIndex(index);
    case "reorder":
      return isListIndex(from) && isListIndex(to);
    default:
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
    case "invalid":
      return refused(400, messageRef("profiles.edit.issue.invalid"));
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
