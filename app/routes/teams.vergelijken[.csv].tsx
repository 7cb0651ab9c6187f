import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { notFound } from "~/utils/http-errors.server";
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
import { loadAndLogComparison, readComparisonQuery } from "~/team-profiles/comparison.server";
import { dayInOrganisation } from "~/utils/dates";
import { csvResponse } from "~/utils/csv-response.server";

// /teams/vergelijken.csv?…the query of the page: the same figures as a spreadsheet. The same
// people may download it as may see the page; fewer than two teams is no comparison (404).

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const query = readComparisonQuery(new URL(request.url));
  const page = await loadAndLogComparison(db, user, query, "team_comparison_exported");
  if (!page?.comparison) throw notFound();
  const { comparison } = page;
  const locale = await getLocale(request);
  const t = translator(locale);
  const withCycle = comparison.norm === null;
  const csv = comparisonCsv(
    {
      axes: comparison.axes,
      teams: comparison.teams.map((team) => ({
        ...team,
        name: comparedTeamLabel(t, team, withCycle),
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
  return csvResponse(csv, fileName);
}
