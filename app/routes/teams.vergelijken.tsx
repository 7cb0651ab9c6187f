import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { notFound } from "~/utils/http-errors.server";
import { getDb } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import { PrintButton } from "~/reports/components/print-button";
import { ComparisonForm } from "~/team-profiles/components/comparison-form";
import { ComparisonResult } from "~/team-profiles/components/comparison-result";
import { comparisonSearch, LATEST_CYCLE } from "~/team-profiles/comparison-model";
import { loadAndLogComparison, readComparisonQuery } from "~/team-profiles/comparison.server";
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
  const query = readComparisonQuery(new URL(request.url));
  const page = await loadAndLogComparison(db, user, query, "team_comparison_viewed");
  if (!page) throw notFound();
  return data(page, { status: page.problem === "one" ? 400 : 200 });
}

export default function TeamComparisonPage() {
  const { form, problem, comparison } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const cycle = form.cycles.find((candidate) => candidate.id === form.ronde);
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
            {form.ronde === LATEST_CYCLE || !cycle
              ? t("teamComparison.result.latest")
              : t("teamComparison.result.round", { name: cycle.name })}
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
