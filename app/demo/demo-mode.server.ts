import type { DB } from "#db/database";
import { getDemoEntrances } from "#db/seed/demo-entrances";
import { getEnv } from "~/utils/env.server";

/**
 * Demo mode is on only for the seeded demo organisation, and DEMO_MODE=off switches it off
 * even there (e.g. when a demo database is shown to real users).
 */
export async function getDemoEntrancesIfEnabled(db: DB) {
  if (getEnv().DEMO_MODE === "off") return null;
  return getDemoEntrances(db);
}

/** The demo organisation's id when demo mode is on, else null. */
export async function demoOrganisationId(db: DB): Promise<string | null> {
  if (getEnv().DEMO_MODE === "off") return null;
  const organisation = await db
    .selectFrom("organisation")
    .select(["id", "is_demo"])
    .orderBy("created_at")
    .executeTakeFirst();
  return organisation?.is_demo === 1 ? organisation.id : null;
}

export async function isDemoModeEnabled(db: DB): Promise<boolean> {
  return (await demoOrganisationId(db)) !== null;
}
