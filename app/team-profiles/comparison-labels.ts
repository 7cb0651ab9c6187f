import type { Translate } from "~/i18n/messages";
import type { ComparisonWithheldReason } from "./comparison-model";

// Words shared by the comparison page and its CSV.

/** Why a figure is not shown, in words (k: the threshold of the team's cycle). */
export function withheldReasonText(
  t: Translate,
  reason: ComparisonWithheldReason,
  k: number | null,
): string {
  switch (reason) {
    case "too_few":
      return k === null
        ? t("teamComparison.reason.too_fewNoK")
        : t("teamComparison.reason.too_few", { k });
    case "differencing":
      return t("teamComparison.reason.differencing");
    case "known_members":
      return t("teamComparison.reason.known_members");
    case "not_in_cycle":
      return t("teamComparison.reason.not_in_cycle");
  }
}

/** An axis label: an organisation-wide competency carries a "*". */
export function comparisonAxisName(name: string, organisationWide: boolean): string {
  return organisationWide ? `${name} *` : name;
}

/** A team's label: with its round when the teams' figures come from different rounds. */
export function comparedTeamLabel(
  t: Translate,
  team: { name: string; cycle: { name: string } | null },
  withCycle: boolean,
): string {
  return withCycle && team.cycle
    ? t("teamComparison.series.teamWithRound", { team: team.name, round: team.cycle.name })
    : team.name;
}
