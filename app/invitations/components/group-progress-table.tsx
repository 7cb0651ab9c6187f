import { TableScroll } from "~/components/table-scroll";
import { hasWithheldGroups, type GroupProgress } from "~/cycles/progress";
import { useTranslation } from "~/i18n/use-translation";
import { relationshipGroupLabel } from "~/i18n/labels";

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
              <tr>
                <th scope="col">{t("invitations.participant.counts.group")}</th>
                <th scope="col" className="numeric">
                  {t("invitations.participant.counts.invited")}
                </th>
                <th scope="col" className="numeric">
                  {t("invitations.participant.counts.answered")}
                </th>
                <th scope="col" className="numeric">
                  {t("invitations.participant.counts.declined")}
                </th>
                <th scope="col" className="numeric">
                  {t("invitations.participant.counts.revoked")}
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
                      {t("invitations.participant.counts.withheld")}
                    </td>
                  )}
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
