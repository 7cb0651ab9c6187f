import { inTransaction } from "#db/transaction";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { notFound } from "~/utils/http-errors.server";
import { getDb } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import { TeamFigures, TeamFiguresWithheld } from "~/team-profiles/components/team-figures-sections";
import {
  TeamProfileHeader,
  TeamProfileHowToRead,
} from "~/team-profiles/components/team-profile-header";
import {
  CompareLink,
  MemberResultsSection,
  SubTeamsSection,
} from "~/team-profiles/components/team-profile-links";
import { teamProfilePage } from "~/team-profiles/team-profile-model";
import { loadTeamProfile, recordTeamProfileViewed } from "~/team-profiles/team-profile.server";
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
  const profile = await inTransaction(db, async (trx) => {
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
  return (
    <article className="container team-profile">
      <TeamProfileHeader profile={profile} />
      <TeamProfileHowToRead k={profile.cycle.k} />
      {!profile.anyShown ? (
        <TeamFiguresWithheld profile={profile} />
      ) : (
        <TeamFigures profile={profile} />
      )}
      <SubTeamsSection profile={profile} />
      {canCompare ? <CompareLink profile={profile} /> : null}
      {profile.memberResults ? (
        <MemberResultsSection memberResults={profile.memberResults} />
      ) : null}
    </article>
  );
}
