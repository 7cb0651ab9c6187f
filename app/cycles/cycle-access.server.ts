import type { DB } from "#db/database";
import type { Cycle } from "#db/schema";
import { requireRole, type CurrentUser } from "~/auth/guards.server";
import { notFound } from "~/utils/http-errors.server";
import { getDb } from "~/db.server";
import { findCycle } from "./cycles.server";

/**
 * The round of a cycle page, for an HR admin of its organisation. Anyone else, and a round
 * of another organisation or one that does not exist, gets 404 (guards.server.ts).
 */
export async function requireCycleForHr(
  request: Request,
  cycleId: string | undefined,
): Promise<{ user: CurrentUser; db: DB; cycle: Cycle }> {
  const user = await requireRole(request, "hr_admin");
  const db = await getDb();
  const cycle = await findCycle(db, user.organisationId, cycleId ?? "");
  if (!cycle) throw notFound();
  return { user, db, cycle };
}

/** A collecting cycle of the HR admin's organisation (the reminders page), or a 404. */
export async function requireCollectingCycleForHr(request: Request, cycleId: string | undefined) {
  const user = await requireRole(request, "hr_admin");
  const db = await getDb();
  const cycle = await db
    .selectFrom("cycle")
    .select(["id", "name", "answer_deadline"])
    .where("id", "=", cycleId ?? "")
    .where("organisation_id", "=", user.organisationId)
    .where("status", "=", "collecting")
    .executeTakeFirst();
  if (!cycle) throw notFound();
  return { user, db, cycle };
}
