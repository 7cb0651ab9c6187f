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
