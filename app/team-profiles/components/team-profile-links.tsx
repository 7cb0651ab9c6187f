import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { TeamProfilePage } from "../team-profile-model";
import { MemberResultsTable } from "./member-results-table";

/** Links to the profiles of the teams under this one, in the same round. */
export function SubTeamsSection({ profile }: { profile: TeamProfilePage }) {
  const { t } = useTranslation();
  const { team, cycle } = profile;
  if (profile.subTeams.length === 0) return null;
  return (
    <section aria-labelledby="subteams-title">
      <h2 id="subteams-title">{t("teamProfile.subTeams.title", { team: team.name })}</h2>
      <p>{t("teamProfile.subTeams.intro")}</p>
      <ul>
        {profile.subTeams.map((subTeam) => (
          <li key={subTeam.id}>
            <Link to={`/teams/${subTeam.id}/profiel?ronde=${encodeURIComponent(cycle.id)}`}>
              {t("teams.profileOf", { name: subTeam.name })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The comparison of this team with its sub-teams, in this round. */
export function CompareLink({ profile }: { profile: TeamProfilePage }) {
  const { t } = useTranslation();
  const compareParams = new URLSearchParams({ ronde: profile.cycle.id });
  for (const id of [profile.team.id, ...profile.subTeams.map((subTeam) => subTeam.id)]) {
    compareParams.append("team", id);
  }
  return (
    <p className="team-profile__compare">
      <Link to={`/teams/vergelijken?${compareParams.toString()}`}>{t("teamProfile.compare")}</Link>
      {profile.subTeams.length > 0 ? (
        <span className="hint"> {t("teamProfile.compareHint")}</span>
      ) : null}
    </p>
  );
}

/** The members' own results, for their round manager, of members who shared their report. */
export function MemberResultsSection({
  memberResults,
}: {
  memberResults: NonNullable<TeamProfilePage["memberResults"]>;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="members-title" className="team-profile__members">
      <h2 id="members-title">{t("teamProfile.members.title")}</h2>
      <p>{t("teamProfile.members.intro")}</p>
      <MemberResultsTable
        competencies={memberResults.competencies}
        members={memberResults.members}
      />
    </section>
  );
}
