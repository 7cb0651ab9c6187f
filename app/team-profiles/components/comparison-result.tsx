import { useTranslation } from "~/i18n/use-translation";
import { TableScroll } from "~/components/table-scroll";
import { CompetencyRadar, type RadarSeries } from "~/reports/components/competency-radar";
import { formatScore } from "~/reports/format";
import type { ComparisonCell, TeamComparison } from "../comparison-model";
import { comparedTeamLabel, comparisonAxisName, withheldReasonText } from "../comparison-labels";

/**
 * The teams on one radar (with the organisation norm when they share a cycle) and the same
 * numbers side by side in a table; teams without any figure are listed with the reason.
 */
export function ComparisonResult({ comparison }: { comparison: TeamComparison }) {
  const { t, locale } = useTranslation();
  const { axes, teams, norm, scale } = comparison;
  const withCycle = norm === null;
  const series: RadarSeries[] = [
    ...teams.map((team) => ({
      key: `team-${team.id}`,
      label: comparedTeamLabel(t, team, withCycle),
      values: axes.map((axis) => {
        const cell = team.cells[axis.key];
        return cell?.shown ? cell.mean : null;
      }),
    })),
    ...(norm
      ? [
          {
            key: "norm",
            label: t("teamComparison.radar.norm"),
            values: axes.map((axis) => norm.values[axis.key]?.mean ?? null),
          },
        ]
      : []),
  ];
  const withoutFigures = teams.filter((team) => !team.anyShown);

  const cellText = (cell: ComparisonCell | undefined, k: number | null) => {
    if (!cell) return withheldReasonText(t, "not_in_cycle", k);
    if (!cell.shown) return withheldReasonText(t, cell.reason, k);
    return null;
  };

  return (
    <>
      {comparison.organisationWideOnly ? (
        <p className="notice" id="alleen-organisatiebreed">
          {t("teamComparison.result.orgWideOnly")}
        </p>
      ) : null}
      {norm === null ? <p className="hint">{t("teamComparison.result.noNorm")}</p> : null}
      <p>{t("teamComparison.result.howToRead")}</p>

      {withoutFigures.length > 0 ? (
        <section aria-labelledby="zonder-cijfers" className="panel comparison-withheld">
          <h3 id="zonder-cijfers">{t("teamComparison.withheld.title")}</h3>
          <p>{t("teamComparison.withheld.intro")}</p>
          <ul>
            {withoutFigures.map((team) => {
              const reasons = [
                ...new Set(
                  Object.values(team.cells).map((cell) =>
                    cell.shown ? "" : withheldReasonText(t, cell.reason, team.cycle?.k ?? null),
                  ),
                ),
              ].filter(Boolean);
              const reason =
                reasons.length > 0 ? reasons.join("; ") : t("teamComparison.reason.not_in_cycle");
              return (
                <li key={team.id}>
                  {t("teamComparison.withheld.item", {
                    team: comparedTeamLabel(t, team, withCycle),
                    reason,
                  })}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {axes.length === 0 ? (
        <p className="notice">{t("teamComparison.result.noAxes")}</p>
      ) : (
        <>
          <section aria-labelledby="vergelijking-radar">
            <h3 id="vergelijking-radar">{t("teamComparison.radar.title")}</h3>
            <CompetencyRadar
              axes={axes.map((axis) => comparisonAxisName(axis.name, axis.organisationWide))}
              series={series}
              min={scale.min}
              max={scale.max}
              title={t("teamComparison.radar.alt")}
              tableOnlyNote={t("teamComparison.radar.tableOnly")}
            />
          </section>
          <section aria-labelledby="vergelijking-tabel">
            <h3 id="vergelijking-tabel">{t("teamComparison.table.title")}</h3>
            <TableScroll label={t("teamComparison.table.title")}>
              <table className="data-table comparison-table">
                <caption>{t("teamComparison.table.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("teamComparison.table.competency")}</th>
                    {teams.map((team) => (
                      <th key={team.id} scope="col" className="numeric" data-team-id={team.id}>
                        {team.name}
                        {withCycle && team.cycle ? (
                          <span className="comparison-table__round">{team.cycle.name}</span>
                        ) : null}
                      </th>
                    ))}
                    {norm ? (
                      <th scope="col" className="numeric">
                        {t("teamComparison.radar.norm")}
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {axes.map((axis) => (
                    <tr key={axis.key} data-competency={axis.key}>
                      <th scope="row">{comparisonAxisName(axis.name, axis.organisationWide)}</th>
                      {teams.map((team) => {
                        const cell = team.cells[axis.key];
                        const withheld = cellText(cell, team.cycle?.k ?? null);
                        return (
                          <td
                            key={team.id}
                            className={withheld ? "comparison-table__withheld" : "numeric"}
                            data-team-id={team.id}
                          >
                            {cell?.shown ? (
                              <>
                                <span className="comparison-table__mean">
                                  {formatScore(cell.mean, locale)}
                                </span>
                                <span className="comparison-table__n">
                                  {t("teamComparison.table.members", { count: cell.members })}
                                </span>
                              </>
                            ) : (
                              withheld
                            )}
                          </td>
                        );
                      })}
                      {norm ? (
                        <td className="numeric">
                          {norm.values[axis.key] ? (
                            <>
                              <span className="comparison-table__mean">
                                {formatScore(norm.values[axis.key]!.mean, locale)}
                              </span>
                              <span className="comparison-table__n">
                                {t("teamComparison.table.participants", {
                                  count: norm.values[axis.key]!.participants,
                                })}
                              </span>
                            </>
                          ) : (
                            t("report.notShown")
                          )}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            {axes.some((axis) => axis.organisationWide) ? (
              <p className="hint">{t("teamComparison.table.orgWideNote")}</p>
            ) : null}
          </section>
        </>
      )}
    </>
  );
}
