import { useTranslation } from "~/i18n/use-translation";
import { formatScore } from "../format";
import type { ReportPageView, SummaryItemView } from "../report-view";

/** Strengths, development points, blind spots and hidden strengths; or why there are none. */
export function ReportSummary({ summary }: { summary: ReportPageView["summary"] }) {
  const { t, locale } = useTranslation();
  const hasOthers = summary.strengths.length > 0;
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{t("report.summary.title")}</h2>
      {hasOthers ? (
        <div className="summary-grid">
          <SummaryList
            title={t("report.summary.strengths")}
            items={summary.strengths}
            withSelf={false}
          />
          <SummaryList
            title={t("report.summary.development")}
            items={summary.developmentPoints}
            withSelf={false}
          />
          <SummaryList
            title={t("report.summary.blindSpots")}
            intro={t("report.summary.blindSpotsIntro", {
              gap: formatScore(summary.gapThreshold, locale),
            })}
            items={summary.blindSpots}
            withSelf
          />
          <SummaryList
            title={t("report.summary.hiddenStrengths")}
            intro={t("report.summary.hiddenStrengthsIntro", {
              gap: formatScore(summary.gapThreshold, locale),
            })}
            items={summary.hiddenStrengths}
            withSelf
          />
        </div>
      ) : (
        <p>{t("report.summary.noOthers")}</p>
      )}
    </section>
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
