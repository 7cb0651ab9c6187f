import { z } from "~/utils/zod";
import { messageRef } from "~/i18n/messages";
import type { NormFigure, WithheldReason } from "./engine/team-figures";

// The comparison's page model and query, shared by the server module, the CSV and the
// components (no server code here). The page model is what the browser receives: only what the
// page shows, every figure rounded as shown.

/** The `ronde` value "each team its own newest released cycle". */
export const LATEST_CYCLE = "laatste";

export interface ComparisonQuery {
  /** A cycle id, LATEST_CYCLE, or null (the default: the organisation's newest released cycle). */
  ronde: string | null;
  /** The chosen teams, in the order given, without duplicates. */
  teamIds: string[];
  /**
   * The form's button was used (`vergelijk=1`). A link that pre-ticks one team (from a team
   * profile) is not a mistake; pressing "Vergelijk" with one team ticked is.
   */
  submitted: boolean;
}

/** The name of the form's submit button, sent only when it is pressed. */
export const SUBMIT_FIELD = "vergelijk";

/**
 * The form's own check, in the browser before it is sent: pressing "Vergelijk" with one team
 * ticked is a mistake (none ticked is not: the page then says to choose). The server draws
 * the same line from the query (`problem: "one"` in `loadTeamComparison`).
 */
export const comparisonFormSchema = z.object({
  team: z
    .array(z.string())
    .refine((ids) => new Set(ids).size !== 1, { error: messageRef("teamComparison.form.one") }),
  ronde: z.string().optional(),
  [SUBMIT_FIELD]: z.string().optional(),
});

/** Reads `?ronde=…&team=…&team=…[&vergelijk=1]`. */
export function readComparisonQuery(url: URL): ComparisonQuery {
  const ronde = url.searchParams.get("ronde")?.trim() ?? "";
  const teamIds: string[] = [];
  for (const raw of url.searchParams.getAll("team")) {
    const id = raw.trim();
    if (id !== "" && !teamIds.includes(id)) teamIds.push(id);
  }
  return {
    ronde: ronde === "" ? null : ronde,
    teamIds,
    submitted: url.searchParams.get(SUBMIT_FIELD) === "1",
  };
}

/** The query string of a comparison (for the CSV link and the form). */
export function comparisonSearch(ronde: string, teamIds: readonly string[]): string {
  const params = new URLSearchParams();
  params.set("ronde", ronde);
  for (const id of teamIds) params.append("team", id);
  return params.toString();
}

/** Why a cell has no figure: the engine's reasons, or the team had no members in that cycle. */
export type ComparisonWithheldReason = WithheldReason | "not_in_cycle";

/** `mean`: one decimal, as shown. */
export type ComparisonCell =
  | { shown: true; mean: number; members: number }
  | { shown: false; reason: ComparisonWithheldReason };

/** The round a team's figures come from, as the page names it. */
export interface ComparisonCycle {
  name: string;
  /** Its threshold, only where a reason on the page names it (a "too few" cell); else null. */
  k: number | null;
}

export interface ComparedTeam {
  id: string;
  name: string;
  /** The cycle the team's figures come from; null when it took part in no released cycle. */
  cycle: ComparisonCycle | null;
  /** By axis key; every axis is present. */
  cells: Record<string, ComparisonCell>;
  /** At least one axis has a figure. */
  anyShown: boolean;
}

export interface ComparisonAxis {
  key: string;
  name: string;
  organisationWide: boolean;
}

export interface TeamComparison {
  axes: ComparisonAxis[];
  /** The teams' profiles differ: only the organisation-wide competencies are compared. */
  organisationWideOnly: boolean;
  teams: ComparedTeam[];
  /**
   * The organisation norm (mean as shown, and participants), only when every team's figures
   * come from the same cycle.
   */
  norm: { values: Record<string, NormFigure | null> } | null;
  /** The rating scale of the cycles (for the radar's range). */
  scale: { min: number; max: number };
}

export interface ComparisonTeamOption {
  id: string;
  name: string;
}

export interface ComparisonForm {
  /** The selectable teams grouped by department (a top-level team heads its own group). */
  groups: { name: string; teams: ComparisonTeamOption[] }[];
  /** Released cycles of the organisation, newest first; `day`: the release day as shown. */
  cycles: { id: string; name: string; day: string }[];
  /** The chosen round: a cycle id or LATEST_CYCLE. */
  ronde: string;
  chosenTeamIds: string[];
}

export interface ComparisonPageModel {
  form: ComparisonForm;
  /** Fewer than two teams chosen: none yet (200) or one submitted (400). */
  problem: "none" | "one" | null;
  comparison: TeamComparison | null;
}
