import { TableScroll } from "~/components/table-scroll";
import { hasWithheldGroups } from "~/cycles/progress";
import { useTranslation } from "~/i18n/use-translation";
import type { OwnGroupView } from "~/mine/my-rondom.server";
import { relationshipGroupLabel } from "~/i18n/labels";

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
            <tr>
              <th scope="col">{t("nominations.mine.countsGroup")}</th>
              <th scope="col" className="numeric">
                {t("nominations.mine.countsInvited")}
              </th>
              <th scope="col" className="numeric">
                {t("nominations.mine.countsAnswered")}
              </th>
              <th scope="col" className="numeric">
                {t("nominations.mine.countsDeclined")}
              </th>
            </tr>
          </thead>
          <tbody>
            {counts.map((group) => (
              <tr key={group.relationship}>
                <th scope="row">{t(relationshipGroupLabel[group.relationship])}</th>
                <td className="numeric">{group.invited}</td>
                {group.shown ? (
                  <>
                    <td className="numeric">{group.answered}</td>
                    <td className="numeric">{group.declined}</td>
                  </>
                ) : (
                  <td colSpan={2} className="muted">
                    {t("nominations.mine.countsWithheld")}
                  </td>
                )}
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
