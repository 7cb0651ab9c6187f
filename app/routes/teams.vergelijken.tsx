import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { recordAudit } from "~/audit/audit-log.server";
import { notFound, requireUser } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import { PrintButton } from "~/reports/components/print-button";
import { ComparisonForm } from "~/team-profiles/components/comparison-form";
import { ComparisonResult } from "~/team-profiles/components/comparison-result";
import { comparisonSearch, LATEST_ROUND } from "~/team-profiles/comparison-model";
import { loadTeamComparison, readComparisonQuery } from "~/team-profiles/comparison.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

// /teams/vergelijken?ronde=<cycleId>|laatste&team=<id>&team=<id>…: leads (their own teams and
// the teams below them) and HR (every team) compare two or more teams. A team the user may not
// pick, or a round that does not exist, answers 404 (never says which teams exist).

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("teamComparison.title"));
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  // Figures and the logged view in one transaction, as sharing checks and changes in one
  // (app/team-profiles/sharing-guard.server.ts): no share can land in between.
  const page = await db.transaction().execute(async (trx) => {
    const loaded = await loadTeamComparison(trx, user, readComparisonQuery(new URL(request.url)));
    if (loaded?.comparison) {
      await recordAudit(trx, {
        organisationId: user.organisationId,
        actorPersonId: user.id,
        action: "team_comparison_viewed",
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
  if (!page) throw notFound();
  return data(page, { status: page.problem === "one" ? 400 : 200 });
}

export default function TeamComparisonPage() {
  const { form, problem, comparison } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const round = form.rounds.find((candidate) => candidate.id === form.ronde);
  const csvHref = `/teams/vergelijken.csv?${comparisonSearch(form.ronde, form.chosenTeamIds)}`;
  return (
    <div className="container team-comparison">
      <p className="eyebrow">
        <Link to="/teams">{t("teamComparison.backToTeams")}</Link>
      </p>
      <h1>{t("teamComparison.title")}</h1>
      <p>{t("teamComparison.intro")}</p>

      <section aria-labelledby="vergelijk-keuze" className="comparison-choice">
        <h2 id="vergelijk-keuze">{t("teamComparison.form.title")}</h2>
        {problem === "none" ? <p>{t("teamComparison.form.none")}</p> : null}
        <ComparisonForm form={form} problem={problem} />
      </section>

      {comparison ? (
        <section aria-labelledby="vergelijking" className="comparison">
          <h2 id="vergelijking">{t("teamComparison.result.title")}</h2>
          <p className="muted">
            {form.ronde === LATEST_ROUND || !round
              ? t("teamComparison.result.latest")
              : t("teamComparison.result.round", { name: round.name })}
          </p>
          <div className="comparison__actions">
            <PrintButton label={t("teamComparison.print")} hint={t("teamComparison.printHint")} />
            <p>
              <a href={csvHref} download>
                {t("teamComparison.csv.link")}
              </a>
            </p>
          </div>
          <ComparisonResult comparison={comparison} />
        </section>
      ) : null}
    </div>
  );
}
