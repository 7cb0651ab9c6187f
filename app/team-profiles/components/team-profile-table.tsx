import { NumericHeadRow } from "~/components/numeric-head-row";
import { TableScroll } from "~/components/table-scroll";
import { useTranslation } from "~/i18n/use-translation";
import { formatChange, formatScore } from "~/reports/format";
import type { TeamProfileRowView } from "../team-profile-model";
import { competencyAxisLabel, TeamFigureCell } from "./team-figure";

/**
 * The accessible table of a team profile: the same figures as the radar, with the members
 * behind each, the norm, the difference with the norm and (with a previous cycle) the trend.
 * A withheld figure says why in words; no count is shown for it.
 */
export function TeamProfileTable({
  rows,
  previousCycleName,
}: {
  rows: readonly TeamProfileRowView[];
  /** The previous released cycle of the team, when there is one: adds the trend columns. */
  previousCycleName: string | null;
}) {
  const { t, locale } = useTranslation();
  const none = t("teamProfile.notShown");
  const caption = t("teamProfile.table.caption");
  return (
    <TableScroll label={caption}>
      <table className="data-table team-profile-table">
        <caption>{caption}</caption>
        <thead>
          <NumericHeadRow
            label={t("teamProfile.table.competency")}
            numeric={[
              t("teamProfile.table.mean"),
              t("teamProfile.table.members"),
              t("teamProfile.table.norm"),
              t("teamProfile.table.difference"),
              ...(previousCycleName !== null
                ? [
                    t("teamProfile.table.previous", { cycle: previousCycleName }),
                    t("teamProfile.table.change"),
                  ]
                : []),
            ]}
          />
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {competencyAxisLabel(row)}
                <span className="team-profile-table__cluster"> ({row.clusterName})</span>
              </th>
              <TeamFigureCell figure={row.team} />
              <td className="numeric">{row.team.shown ? row.team.members : none}</td>
              <td className="numeric">
                {row.norm !== null ? formatScore(row.norm, locale) : none}
              </td>
              <td className="numeric">
                {row.difference !== null ? formatChange(row.difference, locale) : none}
              </td>
              {previousCycleName !== null ? (
                <>
                  <td className="numeric">
                    {row.trend ? formatScore(row.trend.previous, locale) : none}
                  </td>
                  <td className="numeric">
                    {row.trend ? formatChange(row.trend.change, locale) : none}
                  </td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
