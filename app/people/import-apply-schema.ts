import { z } from "~/utils/zod";

// The preview's form that applies an import: the plan it shows (by hash, so a plan that changed
// meanwhile is not applied blindly) and the people ticked for deactivation. Shared by the page
// and the action.

export const IMPORT_APPLY_FIELDS = ["planHash", "deactivate"] as const;

export const importApplySchema = z.object({
  planHash: z.string().min(1).max(100),
  // Ticked people travel as repeated `deactivate` fields; none ticked is an empty list.
  deactivate: z.array(z.string().min(1).max(64)).max(100_000),
});
