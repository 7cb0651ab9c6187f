import type { Relationship } from "#db/schema";
import { relationshipGroupLabel } from "~/i18n/labels";
import { useTranslation } from "~/i18n/use-translation";

/** What a row needs of a group's counts: HR's progress and the participant's own view fit. */
type GroupCountsOfRow = { relationship: Relationship; invited: number } & (
  { shown: true; answered: number; declined: number } | { shown: false }
);

/**
 * The first cells of a group's row of counts: the group, how many were invited and, unless the
 * group is too small to show them, how many answered and declined; never who.
 */
export function GroupCountCells({
  group,
  withheld,
}: {
  group: GroupCountsOfRow;
  /** What stands in place of the answered and declined counts of a group kept back. */
  withheld: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <th scope="row">{t(relationshipGroupLabel[group.relationship])}</th>
      <td className="numeric">{group.invited}</td>
      {group.shown ? (
        <>
          <td className="numeric">{group.answered}</td>
          <td className="numeric">{group.declined}</td>
        </>
      ) : (
        <td colSpan={2} className="muted">
          {withheld}
        </td>
      )}
    </>
  );
}
