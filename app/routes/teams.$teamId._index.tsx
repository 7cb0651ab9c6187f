import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { mayViewTeam, requireUser } from "~/auth/guards.server";
import { notFound } from "~/utils/http-errors.server";
import { getDb } from "~/db.server";
import { cycleStatusLabel } from "~/i18n/labels";
import { useTranslation } from "~/i18n/use-translation";
import { TableScroll } from "~/components/table-scroll";
import { loadTeamPage } from "~/teams/team-page.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleMeta(matches, (t) =>
    data ? t("team.title", { name: data.team.name }) : t("error.notFound.title"),
  );
export const headers = privatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const loaded = await loadTeamPage(await getDb(), params.teamId ?? "", user.id);
  if (
    !loaded ||
    !mayViewTeam(user, { id: loaded.page.id, organisation_id: loaded.organisationId })
  ) {
    throw notFound();
  }
  return { team: loaded.page };
}

export default function TeamPage() {
  const { team } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="container">
      {team.parent ? (
        <p className="eyebrow">
          <Link to={`/teams/${team.parent.id}`}>
            {t("team.partOf", { name: team.parent.name })}
          </Link>
        </p>
      ) : null}
      <h1>{t("team.title", { name: team.name })}</h1>
      <p>{team.leadName ? t("team.lead", { name: team.leadName }) : t("team.noLead")}</p>
      <p className="muted">{t("team.privacy")}</p>
      <p className="actions">
        <Link to={`/teams/${team.id}/profiel`}>{t("teams.openProfile")}</Link>
      </p>

      {team.subTeams.length > 0 ? (
        <section aria-labelledby="subteams-title">
          <h2 id="subteams-title">{t("team.subTeams", { name: team.name })}</h2>
          <ul>
            {team.subTeams.map((subTeam) => (
              <li key={subTeam.id}>
                <Link to={`/teams/${subTeam.id}`}>{subTeam.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="members-title">
        <h2 id="members-title">{t("team.members.title")}</h2>
        {team.members.length === 0 ? (
          <p>{t("team.members.empty")}</p>
        ) : (
          <TableScroll label={t("team.members.title")}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("team.members.name")}</th>
                  <th scope="col">{t("team.members.jobTitle")}</th>
                  <th scope="col">{t("team.members.round")}</th>
                </tr>
              </thead>
              <tbody>
                {team.members.map((member) => (
                  <tr key={member.id}>
                    <th scope="row">{member.name}</th>
                    <td>{member.jobTitle}</td>
                    <td>
                      {member.latestCycle ? (
                        <>
                          {member.latestCycle.cycleName}:{" "}
                          {t(cycleStatusLabel[member.latestCycle.status])}
                          {/* Whether a member shared their report is only the business
                              of the manager they shared it with (the loader says it to
                              them alone). */}
                          {member.latestCycle.sharedWithYou ? (
                            <>
                              <br />
                              {member.latestCycle.reportParticipantId ? (
                                <Link to={`/rapporten/${member.latestCycle.reportParticipantId}`}>
                                  {t("team.members.openReport")}
                                </Link>
                              ) : (
                                <span className="muted">{t("team.members.shared")}</span>
                              )}
                            </>
                          ) : null}
                        </>
                      ) : (
                        t("team.members.noRound")
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </div>
  );
}
