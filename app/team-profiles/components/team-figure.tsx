import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { formatScore } from "~/reports/format";
import type { WithheldReason } from "../engine/team-figures";

// Small pieces every team figure on a page shares (team profile and team comparison): the
// organisation-wide marker, why a figure is withheld, and a table cell with either.

export const withheldReasonKey: Record<WithheldReason, MessageKey> = {
  too_few: "teamProfile.withheld.too_few",
  differencing: "teamProfile.withheld.differencing",
  known_members: "teamProfile.withheld.known_members",
};

/** A competency's name as an axis or row label: organisation-wide ones end in " *". */
export function competencyAxisLabel(competency: {
  name: string;
  organisationWide: boolean;
}): string {
  return competency.organisationWide ? `${competency.name} *` : competency.name;
}

/** A numeric table cell: the team's mean, or in words why there is none. */
export function TeamFigureCell({
  figure,
}: {
  figure: { shown: true; mean: number } | { shown: false; reason: WithheldReason };
}) {
  const { t, locale } = useTranslation();
  if (figure.shown) return <td className="numeric">{formatScore(figure.mean, locale)}</td>;
  return <td className="team-figure--withheld">{t(withheldReasonKey[figure.reason])}</td>;
}

/** The legend line under a chart or table that has organisation-wide competencies. */
export function OrgWideNote() {
  const { t } = useTranslation();
  return <p className="hint">{t("teamProfile.orgWideNote")}</p>;
}
