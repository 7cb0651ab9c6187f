import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { notFound, requireUser } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import type { MessageKey, Translate } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import type { Locale } from "~/i18n/locales";
import { CompetencyRadar, type RadarSeries } from "~/reports/components/competency-radar";
import type { OtherGroup } from "~/reports/engine/anonymity";
import { AGREEMENT_LABEL, formatChange, formatScore } from "~/reports/format";
import { PrintButton } from "~/reports/components/print-button";
import {
  loadReportView,
  loadSharingState,
  setSharing,
  type SharingState,
} from "~/reports/report-access.server";
import type { ShownComment } from "~/reports/report-content";
import type {
  CompetencyView,
  ReportPageView,
  SummaryItemView,
  UnitView,
} from "~/reports/report-view";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { TableScroll } from "~/components/table-scroll";
import { formatDay } from "~/utils/dates";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("report.title"));
export const headers = privatePageHeaders;

const OPTIONAL_SERIES = ["manager", "colleague", "customer", "report", "norm", "previous"] as const;
type OptionalSeries = (typeof OPTIONAL_SERIES)[number];

// The page data is a view for this viewer only, at the precision shown: see
// app/reports/report-view.ts. Never the stored report.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const participantId = params.participantId ?? "";
  const requested = new URL(request.url).searchParams.getAll("reeks");
  const chosen = OPTIONAL_SERIES.filter((series) => requested.includes(series));
  const report = await loadReportView(db, user, participantId, {
    normChosen: chosen.includes("norm"),
  });
  if (!report) throw notFound();
  if (report.status === "not_released") return { report, chosen, sharing: null };
  const sharing =
    report.view.as === "participant" ? await loadSharingState(db, participantId) : null;
  return {
    report,
    chosen,
    // Only when the page offers sharing: otherwise it shows nothing of it.
    sharing: sharing?.possible && sharing.managerName ? sharing : null,
  };
}

/** The participant shares the report with their manager, or stops sharing it. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, (name) => name === "intent");
  const intent = body.get("intent");
  if (intent !== "delen" && intent !== "niet-delen") {
    throw new Response("Onbekende keuze", { status: 400 });
  }
  const participantId = params.participantId ?? "";
  const outcome = await setSharing(await getDb(), user, participantId, intent === "delen");
  if (outcome === "not_allowed") throw notFound();
  if (outcome === "blocked") throw new Response("Delen is nu niet mogelijk", { status: 409 });
  return redirect(`/rapporten/${participantId}#delen`);
}

const groupLabel: Record<OtherGroup, MessageKey> = {
  manager: "relationship.group.manager",
  colleague: "relationship.group.colleague",
  customer: "relationship.group.customer",
  report: "relationship.group.report",
};

const commentBy: Record<string, MessageKey> = {
  self: "report.commentBy.self",
  manager: "report.commentBy.manager",
  colleague: "report.commentBy.colleague",
  customer: "report.commentBy.customer",
  report: "report.commentBy.report",
};

function score(value: number | null | undefined, locale: Locale, t: Translate) {
  return value === null || value === undefined ? t("report.notShown") : formatScore(value, locale);
}

export default function ReportPage() {
  const { report, chosen, sharing } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (report.status === "not_released") {
    return (
      <div className="container narrow">
        <h1>{t("report.notReleased.title")}</h1>
        <p>{t("report.notReleased.body", { cycle: report.cycleName })}</p>
      </div>
    );
  }
  return <Report content={report.view} chosen={chosen} sharing={sharing} />;
}

function Report({
  content,
  chosen,
  sharing,
}: {
  content: ReportPageView;
  chosen: OptionalSeries[];
  sharing: SharingState | null;
}) {
  const { t, locale } = useTranslation();
  const { as, releasedOn } = content;
  const { min, max } = content.scale;
  const groupsShown = content.visibleGroups.filter((group) => chosen.includes(group));
  const normMeans = chosen.includes("norm") ? content.norm?.means : null;
  const showPrevious = content.trend !== null && chosen.includes("previous");
  const trendByKey = new Map(content.trend?.competencies.map((c) => [c.key, c]) ?? []);

  const series: RadarSeries[] = [
    {
      key: "others",
      label: t("report.series.others"),
      values: content.competencies.map((c) => c.figures.others),
    },
    {
      key: "self",
      label: t("report.series.self"),
      values: content.competencies.map((c) => c.figures.self),
    },
    ...groupsShown.map((group) => ({
      key: group,
      label: t(groupLabel[group]),
      values: content.competencies.map((c) => c.figures.groups[group] ?? null),
    })),
    ...(normMeans
      ? [
          {
            key: "norm",
            label: t("report.series.norm"),
            values: content.competencies.map((c) => normMeans[c.key] ?? null),
          },
        ]
      : []),
    ...(showPrevious && content.trend
      ? [
          {
            key: "previous",
            label: t("report.series.previous", { cycle: content.trend.cycleName }),
            values: content.competencies.map((c) => trendByKey.get(c.key)?.before ?? null),
          },
        ]
      : []),
  ];
  const axisName = (c: CompetencyView) => (c.organisationWide ? `${c.name} *` : c.name);
  const hasOthers = content.summary.strengths.length > 0;

  return (
    <article className="container report">
      <header className="report__header">
        <h1>{t("report.heading", { name: content.participantName })}</h1>
        <p className="muted">
          {releasedOn
            ? t("report.meta", { cycle: content.cycleName, date: formatDay(releasedOn, locale) })
            : content.cycleName}
        </p>
        {as === "lead" && content.participantFirstName !== null ? (
          <p className="notice">{t("report.leadView", { name: content.participantFirstName })}</p>
        ) : null}
        <PrintButton label={t("report.print")} hint={t("report.printHint")} />
      </header>

      {sharing?.possible && sharing.managerName ? (
        <section aria-labelledby="delen" className="panel sharing">
          <h2 id="delen">{t("report.sharing.title")}</h2>
          <p>
            {sharing.shared
              ? t("report.sharing.shared", { manager: sharing.managerName })
              : t("report.sharing.notShared", { manager: sharing.managerName })}
          </p>
          {sharing.blocked ? (
            <p className="notice">
              {t("report.sharing.blocked", { manager: sharing.managerName })}
            </p>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value={sharing.shared ? "niet-delen" : "delen"} />
              <button type="submit" className="button button--secondary">
                {sharing.shared
                  ? t("report.sharing.unshare")
                  : t("report.sharing.share", { manager: sharing.managerName })}
              </button>
            </Form>
          )}
        </section>
      ) : null}

      <section aria-labelledby="how-title" className="panel">
        <h2 id="how-title">{t("report.howToRead.title")}</h2>
        <p>{t("report.howToRead.body", { k: content.k })}</p>
      </section>

      <section aria-labelledby="overview-title">
        <h2 id="overview-title">{t("report.overview.title")}</h2>
        <TableScroll label={t("report.overview.title")}>
          <table className="data-table data-table--compact">
            <thead>
              <tr>
                <th scope="col">{t("report.overview.group")}</th>
                <th scope="col" className="numeric">
                  {t("report.overview.invited")}
                </th>
                <th scope="col" className="numeric">
                  {t("report.overview.answered")}
                </th>
              </tr>
            </thead>
            <tbody>
              {content.responseOverview.map((row) => (
                <tr key={row.group}>
                  <th scope="row">
                    {row.group === "self" ? t("relationship.self") : t(groupLabel[row.group])}
                  </th>
                  <td className="numeric">{row.invited}</td>
                  <td className="numeric">{row.answered}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="summary-title">
        <h2 id="summary-title">{t("report.summary.title")}</h2>
        {hasOthers ? (
          <div className="summary-grid">
            <SummaryList
              title={t("report.summary.strengths")}
              items={content.summary.strengths}
              withSelf={false}
            />
            <SummaryList
              title={t("report.summary.development")}
              items={content.summary.developmentPoints}
              withSelf={false}
            />
            <SummaryList
              title={t("report.summary.blindSpots")}
              intro={t("report.summary.blindSpotsIntro", {
                gap: formatScore(content.summary.gapThreshold, locale),
              })}
              items={content.summary.blindSpots}
              withSelf
            />
            <SummaryList
              title={t("report.summary.hiddenStrengths")}
              intro={t("report.summary.hiddenStrengthsIntro", {
                gap: formatScore(content.summary.gapThreshold, locale),
              })}
              items={content.summary.hiddenStrengths}
              withSelf
            />
          </div>
        ) : (
          <p>{t("report.summary.noOthers")}</p>
        )}
      </section>

      <section aria-labelledby="radar-title">
        <h2 id="radar-title">{t("report.radar.title")}</h2>
        <p>{t("report.radar.howToRead")}</p>
        {content.visibleGroups.length > 0 || content.norm || content.trend ? (
          <Form method="get" className="series-form" preventScrollReset>
            <fieldset>
              <legend>{t("report.radar.options")}</legend>
              {content.visibleGroups.map((group) => (
                <label key={group} className="checkbox">
                  <input
                    type="checkbox"
                    name="reeks"
                    value={group}
                    defaultChecked={chosen.includes(group)}
                  />{" "}
                  {t(groupLabel[group])}
                </label>
              ))}
              {content.norm ? (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    name="reeks"
                    value="norm"
                    defaultChecked={chosen.includes("norm")}
                  />{" "}
                  {t("report.series.norm")}
                </label>
              ) : null}
              {content.trend ? (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    name="reeks"
                    value="previous"
                    defaultChecked={chosen.includes("previous")}
                  />{" "}
                  {t("report.series.previous", { cycle: content.trend.cycleName })}
                </label>
              ) : null}
              <button type="submit" className="button button--secondary">
                {t("report.radar.apply")}
              </button>
            </fieldset>
          </Form>
        ) : null}
        <CompetencyRadar
          axes={content.competencies.map(axisName)}
          series={series}
          min={min}
          max={max}
          title={t("report.radar.alt")}
          tableOnlyNote={t("report.radar.tableOnly")}
        />
        <TableScroll label={t("report.table.caption")}>
          <table className="data-table">
            <caption>{t("report.table.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("report.table.competency")}</th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="numeric">
                    {s.label}
                  </th>
                ))}
                <th scope="col" className="numeric">
                  {t("report.table.n")}
                </th>
              </tr>
            </thead>
            <tbody>
              {content.competencies.map((competency, index) => (
                <tr key={competency.key}>
                  <th scope="row">{axisName(competency)}</th>
                  {series.map((s) => (
                    <td key={s.key} className="numeric">
                      {score(s.values[index], locale, t)}
                    </td>
                  ))}
                  <td className="numeric">{competency.figures.n ?? t("report.notShown")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <p className="hint">
          {t("report.radar.orgWideNote")} · {t("report.notShownExplained")}
        </p>
      </section>

      <section aria-labelledby="norm-title">
        <h2 id="norm-title">{t("report.norm.title")}</h2>
        {content.norm ? (
          <p>{t("report.norm.body", { count: content.norm.participants })}</p>
        ) : content.normWithheld ? null : (
          <p>{t("report.norm.absent")}</p>
        )}
        {content.normWithheld ? <p>{t("report.norm.withheld")}</p> : null}
      </section>

      <section aria-labelledby="trend-title">
        <h2 id="trend-title">{t("report.trend.title")}</h2>
        {content.trend ? (
          <>
            <p>{t("report.trend.body", { cycle: content.trend.cycleName })}</p>
            <TableScroll label={t("report.trend.title")}>
              <table className="data-table data-table--compact">
                <thead>
                  <tr>
                    <th scope="col">{t("report.table.competency")}</th>
                    <th scope="col" className="numeric">
                      {content.trend.cycleName}
                    </th>
                    <th scope="col" className="numeric">
                      {content.cycleName}
                    </th>
                    <th scope="col" className="numeric">
                      {t("report.trend.change")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {content.competencies
                    .filter((c) => trendByKey.has(c.key))
                    .map((competency) => {
                      const entry = trendByKey.get(competency.key);
                      return (
                        <tr key={competency.key}>
                          <th scope="row">{axisName(competency)}</th>
                          <td className="numeric">{score(entry?.before, locale, t)}</td>
                          <td className="numeric">{score(competency.figures.others, locale, t)}</td>
                          <td className="numeric">
                            {entry?.change !== null && entry?.change !== undefined
                              ? formatChange(entry.change, locale)
                              : t("report.notShown")}
                          </td>
                        </tr>
                      );
                    })}
                </tbody>
              </table>
            </TableScroll>
          </>
        ) : (
          <p>{t("report.trend.absent")}</p>
        )}
      </section>

      <section aria-labelledby="competencies-title">
        <h2 id="competencies-title">{t("report.competencies.title")}</h2>
        {content.competencies.map((competency) => (
          <CompetencySection
            key={competency.key}
            competency={competency}
            groups={content.visibleGroups}
            k={content.k}
            commentsShown={content.commentsShown}
          />
        ))}
      </section>

      <section aria-labelledby="general-title">
        <h2 id="general-title">{t("report.general.title")}</h2>
        {content.generalComments.map((block) => (
          <Fragment key={block.question}>
            <h3>{t(`report.general.${block.question}` as MessageKey)}</h3>
            <Comments comments={block.comments} k={content.k} shown={content.commentsShown} />
          </Fragment>
        ))}
      </section>
    </article>
  );
}

function SummaryList({
  title,
  intro,
  items,
  withSelf,
}: {
  title: string;
  intro?: string;
  items: SummaryItemView[];
  withSelf: boolean;
}) {
  const { t, locale } = useTranslation();
  return (
    <div className="summary-block">
      <h3>{title}</h3>
      {intro ? <p className="hint">{intro}</p> : null}
      {items.length === 0 ? (
        <p>{t("report.summary.none")}</p>
      ) : (
        <ol>
          {items.map((item) => (
            <li key={item.key}>
              {withSelf && item.self !== undefined
                ? t("report.summary.itemWithSelf", {
                    text: item.text,
                    others: formatScore(item.others, locale),
                    self: formatScore(item.self, locale),
                  })
                : t("report.summary.item", {
                    text: item.text,
                    others: formatScore(item.others, locale),
                  })}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function CompetencySection({
  competency,
  groups,
  k,
  commentsShown,
}: {
  competency: CompetencyView;
  groups: OtherGroup[];
  k: number;
  commentsShown: boolean;
}) {
  const { t, locale } = useTranslation();
  const headingId = `competentie-${competency.key}`;
  const row = (label: string, figures: UnitView, isCompetency: boolean) => (
    <tr className={isCompetency ? "row--total" : undefined}>
      <th scope="row">{label}</th>
      <td className="numeric">{score(figures.self, locale, t)}</td>
      <td className="numeric">{score(figures.others, locale, t)}</td>
      {groups.map((group) => (
        <td key={group} className="numeric">
          {score(figures.groups[group], locale, t)}
        </td>
      ))}
      {/* Counts only where the others' figure is shown (the view holds them only there):
          otherwise they would tell which items a single rater could not judge. */}
      <td className="numeric">{figures.n ?? t("report.notShown")}</td>
      <td className="numeric">
        {isCompetency ? "" : (figures.notApplicable ?? t("report.notShown"))}
      </td>
      <td>
        {figures.agreement !== null ? t(AGREEMENT_LABEL[figures.agreement]) : t("report.notShown")}
      </td>
    </tr>
  );
  return (
    <section aria-labelledby={headingId} className="report-competency">
      <h3 id={headingId}>
        {competency.name}
        {competency.organisationWide ? (
          <span className="badge badge--org">{t("report.radar.orgWide")}</span>
        ) : null}
      </h3>
      <p className="muted">{competency.clusterName}</p>
      {competency.description ? <p>{competency.description}</p> : null}
      {competency.withheld ? <p className="hint">{t("report.competency.withheld")}</p> : null}
      <TableScroll label={competency.name}>
        <table className="data-table data-table--compact">
          <thead>
            <tr>
              <th scope="col">{t("report.table.indicator")}</th>
              <th scope="col" className="numeric">
                {t("report.series.self")}
              </th>
              <th scope="col" className="numeric">
                {t("report.series.others")}
              </th>
              {groups.map((group) => (
                <th key={group} scope="col" className="numeric">
                  {t(groupLabel[group])}
                </th>
              ))}
              <th scope="col" className="numeric">
                {t("report.table.n")}
              </th>
              <th scope="col" className="numeric">
                {t("report.table.notApplicable")}
              </th>
              <th scope="col">{t("report.table.agreement")}</th>
            </tr>
          </thead>
          <tbody>
            {competency.indicators.map((indicator) => (
              <Fragment key={indicator.key}>
                {row(indicator.text, indicator.figures, false)}
              </Fragment>
            ))}
            {row(competency.name, competency.figures, true)}
          </tbody>
        </table>
      </TableScroll>
      <h4>{t("report.comments.title")}</h4>
      <Comments comments={competency.comments} k={k} shown={commentsShown} />
    </section>
  );
}

function Comments({ comments, k, shown }: { comments: ShownComment[]; k: number; shown: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {!shown ? <p className="hint">{t("report.comments.hidden", { k })}</p> : null}
      {comments.length === 0 ? (
        shown ? (
          <p>{t("report.comments.none")}</p>
        ) : null
      ) : (
        <ul className="comment-list">
          {comments.map((comment, index) => (
            <li key={index}>
              <blockquote>{comment.text}</blockquote>
              {comment.group ? (
                <p className="comment-list__by">— {t(commentBy[comment.group]!)}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
