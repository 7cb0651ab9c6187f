import { Link } from "@remix-run/react";
import { TableScroll } from "~/components/table-scroll";
import { useTranslation } from "~/i18n/use-translation";
import { formatScore } from "~/reports/format";
import { competencyAxisLabel } from "./team-figure";

/**
 * Members' own results, only ever for the members' round manager and only of members who
 * shared their report: per competency the "all others" score of the manager's view.
 */
export function MemberResultsTable({
  competencies,
  members,
}: {
  competencies: readonly { key: string; name: string; organisationWide: boolean }[];
  members: readonly { participantId: string; name: string; scores: (number | null)[] }[];
}) {
  const { t, locale } = useTranslation();
  const caption = t("teamProfile.members.caption");
  return (
    <TableScroll label={caption}>
      <table className="data-table data-table--compact member-results-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("teamProfile.members.name")}</th>
            {competencies.map((competency) => (
              <th key={competency.key} scope="col" className="numeric">
                {competencyAxisLabel(competency)}
              </th>
            ))}
            <th scope="col">{t("teamProfile.members.report")}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.participantId}>
              <th scope="row">{member.name}</th>
              {member.scores.map((score, index) => (
                <td key={competencies[index]?.key ?? index} className="numeric">
                  {score === null ? t("teamProfile.notShown") : formatScore(score, locale)}
                </td>
              ))}
              <td>
                <Link to={`/rapporten/${member.participantId}`}>
                  {t("teamProfile.members.open", { name: member.name })}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
