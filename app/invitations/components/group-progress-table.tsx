import { NumericHeadRow } from "~/components/numeric-head-row";
import { TableScroll } from "~/components/table-scroll";
import { GroupCountCells } from "~/cycles/components/group-count-cells";
import { hasWithheldGroups, type GroupProgress } from "~/cycles/progress";
import { useTranslation } from "~/i18n/use-translation";

/**
 * A participant's progress per group, as HR sees it: invited, answered, declined, withdrawn;
 * never who. A group of one shows no answers while the round collects them.
 */
export function GroupProgressTable({ counts }: { counts: readonly GroupProgress[] }) {
  const { t } = useTranslation();
  const title = t("invitations.participant.counts.title");
  return (
    <section aria-labelledby="counts-title">
      <h2 id="counts-title">{title}</h2>
      {counts.length === 0 ? (
        <p>{t("invitations.participant.counts.empty")}</p>
      ) : (
        <TableScroll label={title}>
          <table className="data-table">
            <thead>
              <NumericHeadRow
                label={t("invitations.participant.counts.group")}
                numeric={[
                  t("invitations.participant.counts.invited"),
                  t("invitations.participant.counts.answered"),
                  t("invitations.participant.counts.declined"),
                  t("invitations.participant.counts.revoked"),
                ]}
              />
            </thead>
            <tbody>
              {counts.map((group) => (
                <tr key={group.relationship}>
                  <GroupCountCells
                    group={group}
                    withheld={t("invitations.participant.counts.withheld")}
                  />
                  <td className="numeric">{group.revoked}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {hasWithheldGroups(counts) ? (
        <p className="hint">{t("invitations.participant.counts.withheldNote")}</p>
      ) : null}
    </section>
  );
}
