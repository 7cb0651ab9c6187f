import { NumericHeadRow } from "~/components/numeric-head-row";
import { TableScroll } from "~/components/table-scroll";
import { GroupCountCells } from "~/cycles/components/group-count-cells";
import { hasWithheldGroups } from "~/cycles/progress";
import { useTranslation } from "~/i18n/use-translation";
import type { OwnGroupView } from "~/mine/my-rondom.server";

/**
 * A participant's own progress per group: invited, answered, declined; never who. A group of
 * one (their manager, a single customer) shows no answers while the round runs.
 */
export function OwnGroupCounts({
  cycleName,
  counts,
}: {
  cycleName: string;
  counts: OwnGroupView[];
}) {
  const { t } = useTranslation();
  if (counts.length === 0) return null;
  const caption = t("nominations.mine.countsCaption", { cycle: cycleName });
  return (
    <>
      <TableScroll label={caption}>
        <table className="data-table data-table--compact">
          <caption>{caption}</caption>
          <thead>
            <NumericHeadRow
              label={t("nominations.mine.countsGroup")}
              numeric={[
                t("nominations.mine.countsInvited"),
                t("nominations.mine.countsAnswered"),
                t("nominations.mine.countsDeclined"),
              ]}
            />
          </thead>
          <tbody>
            {counts.map((group) => (
              <tr key={group.relationship}>
                <GroupCountCells group={group} withheld={t("nominations.mine.countsWithheld")} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="hint">{t("nominations.mine.countsNote")}</p>
      {hasWithheldGroups(counts) ? (
        <p className="hint">{t("nominations.mine.countsWithheldNote")}</p>
      ) : null}
    </>
  );
}
