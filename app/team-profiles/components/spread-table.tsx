import { NumericHeadRow } from "~/components/numeric-head-row";
import { TableScroll } from "~/components/table-scroll";
import { useTranslation } from "~/i18n/use-translation";
import type { TeamSpread } from "../engine/team-figures";
import { competencyAxisLabel } from "./team-figure";

export interface SpreadRow {
  key: string;
  name: string;
  organisationWide: boolean;
  spread: TeamSpread;
}

/** How many members score under 3, 3 to 4, 4 and above, per competency with a shown figure. */
export function SpreadTable({ rows, caption }: { rows: readonly SpreadRow[]; caption?: string }) {
  const { t } = useTranslation();
  const title = caption ?? t("teamProfile.spread.caption");
  if (rows.length === 0) return <p>{t("teamProfile.spread.none")}</p>;
  return (
    <TableScroll label={title}>
      <table className="data-table data-table--compact spread-table">
        <caption>{title}</caption>
        <thead>
          <NumericHeadRow
            label={t("teamProfile.csv.competency")}
            numeric={[
              t("teamProfile.spread.low"),
              t("teamProfile.spread.middle"),
              t("teamProfile.spread.high"),
            ]}
          />
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{competencyAxisLabel(row)}</th>
              <td className="numeric">{row.spread.low}</td>
              <td className="numeric">{row.spread.middle}</td>
              <td className="numeric">{row.spread.high}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
