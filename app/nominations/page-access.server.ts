import type { DB } from "#db/database";
import { hasRole, requireUser, type CurrentUser } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/messages";
import { notFound } from "~/utils/http-errors.server";
import {
  loadNominationContext,
  type Actor,
  type NominationContext,
} from "./participant-context.server";
import { hasReviewQueue } from "./review.server";

// The start of every request to a nomination page (/voordragen, /goedkeuren): who is signed in
// and which participation; someone who may not act on it gets a 404.

export async function authoriseNominationPage(
  request: Request,
  participantId: string | undefined,
  mayAct: (actor: Actor, context: NominationContext) => boolean,
): Promise<{ user: CurrentUser; db: DB; context: NominationContext }> {
  const user = await requireUser(request);
  const db = await getDb();
  const context = await loadNominationContext(db, participantId ?? "");
  if (!context || !mayAct(user, context)) throw notFound(translator(await getLocale(request)));
  return { user, db, context };
}

/** The lead's queue (/goedkeuren): leads and HR; anyone else has no such page. */
export async function authoriseReviewQueue(
  request: Request,
): Promise<{ user: CurrentUser; db: DB }> {
  const user = await requireUser(request);
  const db = await getDb();
  if (!hasRole(user, "team_lead") && !(await hasReviewQueue(db, user))) {
    throw notFound(translator(await getLocale(request)));
  }
  return { user, db };
}
