import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { PrintButton } from "~/reports/components/print-button";
import { MemberResultsTable } from "~/team-profiles/components/member-results-table";
import { SpreadTable } from "~/team-profiles/components/spread-table";
import { OrgWideNote } from "~/team-profiles/components/team-figure";
import { TeamProfileTable } from "~/team-profiles/components/team-profile-table";
import { RADAR_MIN_AXES, TeamRadar } from "~/team-profiles/components/team-radar";
import type { WithheldReason } from "~/team-profiles/engine/team-figures";
import { teamProfilePage, type TeamProfilePage } from "~/team-profiles/team-profile-model";
import { loadTeamProfile, recordTeamProfileViewed } from "~/team-profiles/team-profile.server";
import { formatDay } from "~/utils/dates";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

// /teams/<id>/profiel?ronde=<cycleId>: one team in one released cycle, for its leads (and
// leads above it) and HR. Every figure comes from the anonymity engine; member-level results
// only for their round manager, of members who shared their report.

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleMeta(matches, (t) =>
    data ? t("teamProfile.title", { team: data.profile.team.name }) : t("error.notFound.title"),
  );
export const headers = privatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const ronde = new URL(request.url).searchParams.get("ronde")?.trim() || null;
  // Figures and the logged view in one transaction, as sharing checks and changes in one
  // (app/team-profiles/sharing-guard.server.ts): no share can land in between.
  const profile = await db.transaction().execute(async (trx) => {
    const loaded = await loadTeamProfile(trx, user, params.teamId ?? "", ronde);
    if (loaded) await recordTeamProfileViewed(trx, user, loaded);
    return loaded;
  });
  if (!profile) throw notFound();
  // Only what the page shows leaves the server (team-profile-model.ts). Comparing needs two
  // teams to choose from (a lead of one team has nothing to compare).
  return {
    profile: teamProfilePage(profile),
    canCompare: user.isHrAdmin || user.visibleTeamIds.length >= 2,
  };
}

const withheldAllKey: Record<WithheldReason, MessageKey> = {
  too_few: "teamProfile.withheldAll.tooFew",
  differencing: "teamProfile.withheldAll.differencing",
  known_members: "teamProfile.withheldAll.knownMembers",
};

export default function TeamProfilePage() {
  const { profile, canCompare } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (profile.status === "no_cycle") {
    return (
      <div className="container narrow">
        <h1>{t("teamProfile.heading", { team: profile.team.name })}</h1>
        <h2>{t("teamProfile.noCycle.title")}</h2>
        <p>{t("teamProfile.noCycle.body")}</p>
        <p>
          <Link to={`/teams/${profile.team.id}`}>{t("teamProfile.backToTeam")}</Link>
        </p>
      </div>
    );
  }
  return <Profile profile={profile} canCompare={canCompare} />;
}

function Profile({ profile, canCompare }: { profile: TeamProfilePage; canCompare: boolean }) {
  const { t, locale } = useTranslation();
  const { team, cycle, rows } = profile;
  const shownRows = rows.filter((row) => row.team.shown);
  const radarRows = shownRows;
  // Quoted, since names such as "Plannen en organiseren" contain the word "en" themselves.
  const list = (names: string[]) =>
    names.map((name) => `‘${name}’`).join(t("teamProfile.reading.and"));
  const compareParams = new URLSearchParams({ ronde: cycle.id });
  for (const id of [team.id, ...profile.subTeams.map((subTeam) => subTeam.id)]) {
    compareParams.append("team", id);
  }
  const hasOrgWide = rows.some((row) => row.organisationWide);

  return (
    <article className="container team-profile">
      <header className="team-profile__header">
        {team.parent ? (
          <p className="eyebrow">
            <Link to={`/teams/${team.parent.id}/profiel?ronde=${encodeURIComponent(cycle.id)}`}>
              {t("team.partOf", { name: team.parent.name })}
            </Link>
          </p>
        ) : null}
        <h1>{t("teamProfile.heading", { team: team.name })}</h1>
        <p className="muted">
          {t("teamProfile.meta", {
            cycle: cycle.name,
            date: formatDay(cycle.day, locale),
          })}
        </p>
        <Form method="get" className="filter-form team-profile__cycle-form">
          <label htmlFor="ronde">{t("teamProfile.cycle.label")}</label>
          <select id="ronde" name="ronde" defaultValue={cycle.id}>
            {profile.cycles.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--secondary">
            {t("teamProfile.cycle.submit")}
          </button>
        </Form>
        <p className="actions team-profile__actions">
          <a href={`/teams/${team.id}/profiel.csv?ronde=${encodeURIComponent(cycle.id)}`} download>
            {t("teamProfile.download")}
          </a>
          <Link to={`/teams/${team.id}`}>{t("teamProfile.backToTeam")}</Link>
        </p>
        <PrintButton label={t("teamProfile.print")} hint={t("teamProfile.printHint")} />
      </header>

      <section aria-labelledby="how-title" className="panel">
        <h2 id="how-title">{t("teamProfile.howToRead.title")}</h2>
        <p>{t("teamProfile.howToRead.body", { k: cycle.k })}</p>
      </section>

      {!profile.anyShown ? (
        <section aria-labelledby="withheld-title" className="notice team-profile__withheld">
          <h2 id="withheld-title">{t("teamProfile.withheldAll.title")}</h2>
          {profile.withheldReasons.map((reason) => (
            <p key={reason}>{t(withheldAllKey[reason], { k: cycle.k })}</p>
          ))}
        </section>
      ) : (
        <>
          <section aria-labelledby="reading-title">
            <h2 id="reading-title">{t("teamProfile.reading.title")}</h2>
            <p>
              {profile.reading
                ? t(
                    profile.reading.basis === "norm"
                      ? "teamProfile.reading.norm"
                      : "teamProfile.reading.team",
                    {
                      strongest: list(profile.reading.strongest),
                      weakest: list(profile.reading.weakest),
                    },
                  )
                : t("teamProfile.reading.none")}
            </p>
          </section>

          <section aria-labelledby="radar-title">
            <h2 id="radar-title">{t("teamProfile.radar.title")}</h2>
            <p>{t("teamProfile.radar.howToRead")}</p>
            {radarRows.length >= RADAR_MIN_AXES ? (
              <>
                {radarRows.length < rows.length ? (
                  <p className="hint">{t("teamProfile.radar.partial")}</p>
                ) : null}
                <TeamRadar
                  competencies={radarRows}
                  scale={profile.scale}
                  series={[
                    {
                      key: "team",
                      label: team.name,
                      values: radarRows.map((row) => (row.team.shown ? row.team.mean : null)),
                    },
                    {
                      key: "norm",
                      label: t("teamProfile.series.norm"),
                      values: radarRows.map((row) => row.norm),
                    },
                  ]}
                  title={t("teamProfile.radar.alt")}
                  tableOnlyNote={t("teamProfile.radar.tableOnly")}
                />
              </>
            ) : (
              <p className="hint">{t("teamProfile.radar.tooFewAxes")}</p>
            )}
            <TeamProfileTable rows={rows} previousCycleName={profile.previousCycleName} />
            {hasOrgWide ? <OrgWideNote /> : null}
            <p className="hint">{t("teamProfile.notShownExplained")}</p>
            <p>
              {profile.previousCycleName === null
                ? t("teamProfile.trend.absent")
                : rows.some((row) => row.trend !== null)
                  ? t("teamProfile.trend.body", { cycle: profile.previousCycleName })
                  : t("teamProfile.trend.noFigures", { cycle: profile.previousCycleName })}
            </p>
          </section>

          <section aria-labelledby="spread-title">
            <h2 id="spread-title">{t("teamProfile.spread.title")}</h2>
            <p>{t("teamProfile.spread.intro")}</p>
            <SpreadTable
              rows={shownRows.flatMap((row) =>
                row.team.shown ? [{ ...row, spread: row.team.spread }] : [],
              )}
            />
          </section>
        </>
      )}

      {profile.subTeams.length > 0 ? (
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
      ) : null}
      {canCompare ? (
        <p className="team-profile__compare">
          <Link to={`/teams/vergelijken?${compareParams.toString()}`}>
            {t("teamProfile.compare")}
          </Link>
          {profile.subTeams.length > 0 ? (
            <span className="hint"> {t("teamProfile.compareHint")}</span>
          ) : null}
        </p>
      ) : null}

      {profile.memberResults ? (
        <section aria-labelledby="members-title" className="team-profile__members">
          <h2 id="members-title">{t("teamProfile.members.title")}</h2>
          <p>{t("teamProfile.members.intro")}</p>
          <MemberResultsTable
            competencies={profile.memberResults.competencies}
            members={profile.memberResults.members}
          />
        </section>
      ) : null}
    </article>
  );
}
