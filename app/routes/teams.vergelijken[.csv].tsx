import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/audit/audit-log.server";
import { notFound, requireUser } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/messages";
import { formatScore } from "~/reports/format";
import { comparisonCsv, comparisonCsvFileName } from "~/team-profiles/comparison-csv";
import {
  comparedTeamLabel,
  comparisonAxisName,
  withheldReasonText,
} from "~/team-profiles/comparison-labels";
import { loadTeamComparison, readComparisonQuery } from "~/team-profiles/comparison.server";
import { dayInOrganisation } from "~/utils/dates";

// /teams/vergelijken.csv?…the query of the page: the same figures as a spreadsheet. The same
// people may download it as may see the page; fewer than two teams is no comparison (404).

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  // Figures and the logged export in one transaction (see teams.vergelijken.tsx).
  const page = await db.transaction().execute(async (trx) => {
    const loaded = await loadTeamComparison(trx, user, readComparisonQuery(new URL(request.url)));
    if (loaded?.comparison) {
      await recordAudit(trx, {
        organisationId: user.organisationId,
        actorPersonId: user.id,
        action: "team_comparison_exported",
        subjectType: "team",
        subjectId: null,
        details: {
          cycleIds: loaded.comparison.cycleIds,
          teamIds: loaded.comparison.teams.map((team) => team.id),
        },
      });
    }
    return loaded;
  });
  if (!page?.comparison) throw notFound();
  const { comparison } = page;
  const locale = await getLocale(request);
  const t = translator(locale);
  const withRound = comparison.norm === null;
  const csv = comparisonCsv(
    {
      axes: comparison.axes,
      teams: comparison.teams.map((team) => ({
        ...team,
        name: comparedTeamLabel(t, team, withRound),
      })),
      norm: comparison.norm,
    },
    {
      competency: t("teamComparison.csv.competency"),
      column: (team, what) =>
        t(
          what === "mean"
            ? "teamComparison.csv.mean"
            : what === "members"
              ? "teamComparison.csv.members"
              : "teamComparison.csv.reason",
          { team },
        ),
      normColumn: (what) =>
        t(what === "mean" ? "teamComparison.csv.normMean" : "teamComparison.csv.normMembers"),
      axisName: comparisonAxisName,
      mean: (value) => formatScore(value, locale),
      reason: (reason, k) => withheldReasonText(t, reason, k),
    },
  );
  const fileName = comparisonCsvFileName(t("teamComparison.csv.filePrefix"), dayInOrganisation());
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex, nofollow",
    },
  });
}
