import type { DB } from "#db/database";
import { notFound, requireUser, type CurrentUser } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import { SEARCH_PARAM } from "./notices";
import {
  loadNominationContext,
  type Actor,
  type NominationContext,
} from "./participant-context.server";

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
  if (!context || !mayAct(user, context)) throw notFound();
  return { user, db, context };
}

/** What the page's directory search asks for (the field's own maximum length). */
export function searchQuery(url: URL): string {
  return (url.searchParams.get(SEARCH_PARAM) ?? "").slice(0, 100);
}
