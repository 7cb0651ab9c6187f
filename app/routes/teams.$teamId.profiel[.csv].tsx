import { inTransaction } from "#db/transaction";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { notFound } from "~/utils/http-errors.server";
import { getDb } from "~/db.server";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/messages";
import { teamProfileCsv, teamProfileCsvFileName } from "~/team-profiles/team-profile-csv";
import { loadTeamProfile, recordTeamProfileExported } from "~/team-profiles/team-profile.server";
import { dayInOrganisation } from "~/utils/dates";
import { csvResponse } from "~/utils/csv-response.server";

// /teams/<id>/profiel.csv?ronde=<cycleId>: the team profile's aggregated figures as a
// spreadsheet, for whoever may see the page. Never member-level data. A team without a
// released cycle has no file (404).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const ronde = new URL(request.url).searchParams.get("ronde")?.trim() || null;
  // Figures and the logged export in one transaction (see teams.$teamId.profiel.tsx).
  const profile = await inTransaction(db, async (trx) => {
    const loaded = await loadTeamProfile(trx, user, params.teamId ?? "", ronde, {
      memberResults: false,
    });
    if (loaded?.status === "ready") await recordTeamProfileExported(trx, user, loaded);
    return loaded;
  });
  if (!profile || profile.status !== "ready") throw notFound();
  // The language the user reads Rondom in, as the progress export.
  const locale = await getLocale(request);
  const t = translator(locale);
  // Without any team figure the page shows only why, not the norm nor a trend: nor does this.
  const rows = profile.anyShown
    ? profile.rows
    : profile.rows.map((row) => ({ ...row, norm: null, trend: null }));
  const csv = teamProfileCsv(
    rows,
    {
      competency: t("teamProfile.csv.competency"),
      cluster: t("teamProfile.csv.cluster"),
      organisationWide: t("teamProfile.csv.organisationWide"),
      teamMean: t("teamProfile.csv.teamMean"),
      members: t("teamProfile.csv.members"),
      norm: t("teamProfile.csv.norm"),
      normParticipants: t("teamProfile.csv.normParticipants"),
      previousMean: t("teamProfile.csv.previousMean"),
      change: t("teamProfile.csv.change"),
      spreadLow: t("teamProfile.csv.spreadLow"),
      spreadMiddle: t("teamProfile.csv.spreadMiddle"),
      spreadHigh: t("teamProfile.csv.spreadHigh"),
      reason: t("teamProfile.csv.reason"),
      yes: t("teamProfile.csv.yes"),
      no: t("teamProfile.csv.no"),
      reasonValue: {
        too_few: t("teamProfile.withheld.too_few"),
        differencing: t("teamProfile.withheld.differencing"),
        known_members: t("teamProfile.withheld.known_members"),
      },
    },
    locale,
  );
  const fileName = teamProfileCsvFileName(
    t("teamProfile.csv.filePrefix"),
    profile.team.name,
    profile.cycle.name,
    dayInOrganisation(),
  );
  return csvResponse(csv, fileName);
}
