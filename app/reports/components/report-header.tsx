import { useTranslation } from "~/i18n/use-translation";
import { formatDay } from "~/utils/dates";
import type { ReportPageView } from "../report-view";
import { PrintButton } from "./print-button";

/** Whose report, which round and when released; the manager's notice; printing. */
export function ReportHeader({ content }: { content: ReportPageView }) {
  const { t, locale } = useTranslation();
  const { as, releasedOn } = content;
  return (
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
  );
}
