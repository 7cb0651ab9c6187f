import { Link } from "@remix-run/react";
import type { Relationship } from "#db/schema";
import { TableScroll } from "~/components/table-scroll";
import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import type { ParticipantProgress } from "../dashboard.server";
import { hasWithheldGroups, type GroupProgress, type ThresholdOutlook } from "../progress";
import { relationshipGroupHeading } from "~/i18n/labels";

export const OUTLOOK_LABEL: Record<ThresholdOutlook, MessageKey> = {
  enough: "cycles.outlook.enough",
  waiting: "cycles.outlook.waiting",
  at_risk: "cycles.outlook.at_risk",
};

function GroupCell({ counts }: { counts: GroupProgress | undefined }) {
  const { t } = useTranslation();
  if (!counts || counts.invited === 0) return <td className="numeric muted">—</td>;
  if (!counts.shown) {
    return (
      <td className="numeric">
        {t("cycles.progress.withheldCell", { invited: counts.invited })}
        <span className="progress-cell__extra">{t("cycles.progress.withheld")}</span>
        {counts.revoked > 0 ? (
          <span className="progress-cell__extra">
            {t("cycles.progress.revoked", { count: counts.revoked })}
          </span>
        ) : null}
      </td>
    );
  }
  return (
    <td className="numeric">
      {t("cycles.progress.cell", { answered: counts.answered, invited: counts.invited })}
      {counts.declined > 0 ? (
        <span className="progress-cell__extra">
          {t("cycles.progress.declined", { count: counts.declined })}
        </span>
      ) : null}
      {counts.revoked > 0 ? (
        <span className="progress-cell__extra">
          {t("cycles.progress.revoked", { count: counts.revoked })}
        </span>
      ) : null}
    </td>
  );
}

/**
 * Per participant and group: answered of invited, and how many declined or were withdrawn.
 * Counts only; which rater answered is nowhere on the page. A group of one shows no answers
 * while the round runs, and the note under the table says why.
 */
export function ProgressTable({
  cycleId,
  participants,
  groups,
}: {
  cycleId: string;
  participants: ParticipantProgress[];
  groups: readonly Relationship[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <TableScroll label={t("cycles.progress.title")}>
        <table className="data-table data-table--compact progress-table">
          <thead>
            <tr>
              <th scope="col">{t("cycles.progress.participant")}</th>
              <th scope="col">{t("cycles.progress.team")}</th>
              {groups.map((group) => (
                <th scope="col" className="numeric" key={group}>
                  {relationshipGroupHeading(t, group)}
                </th>
              ))}
              <th scope="col">{t("cycles.progress.outlook")}</th>
            </tr>
          </thead>
          <tbody>
            {participants.map((participant) => {
              const byGroup = new Map(
                participant.groups.map((counts) => [counts.relationship, counts]),
              );
              return (
                <tr key={participant.id}>
                  <th scope="row">
                    <Link to={`/beheer/rondes/${cycleId}/deelnemers/${participant.id}`}>
                      {participant.name}
                    </Link>
                  </th>
                  <td>{participant.teamName ?? "—"}</td>
                  {groups.map((group) => (
                    <GroupCell key={group} counts={byGroup.get(group)} />
                  ))}
                  <td className={`outlook outlook--${participant.outlook}`}>
                    {t(OUTLOOK_LABEL[participant.outlook])}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <WithheldGroupsNote groups={participants.flatMap((participant) => participant.groups)} />
    </>
  );
}

/** Why a group of one shows no answers while the round runs; only when there is one. */
export function WithheldGroupsNote({ groups }: { groups: readonly GroupProgress[] }) {
  const { t } = useTranslation();
  if (!hasWithheldGroups(groups)) return null;
  return <p className="hint">{t("cycles.progress.withheldNote")}</p>;
}
