import { cycleStatusLabel } from "~/i18n/labels";
import { useTranslation } from "~/i18n/use-translation";
import { formatDay } from "~/utils/dates";
import { NOMINATION_STATUS_LABELS } from "../messages";
import type { NominationPageView } from "../page-data.server";

/** Where the nominations stand: status, dates, deadline, and whether the round moved on. */
export function NominationState({ view }: { view: NominationPageView }) {
  const { t, locale } = useTranslation();
  return (
    <div className="nomination-state">
      <p>
        <strong>
          {t("nominations.page.status", {
            status: t(NOMINATION_STATUS_LABELS[view.nominationStatus]),
          })}
        </strong>
      </p>
      {view.submittedOn ? (
        <p>{t("nominations.page.submittedOn", { date: formatDay(view.submittedOn, locale) })}</p>
      ) : null}
      {view.approvedOn ? (
        <p>
          {t("nominations.page.approvedOn", {
            date: formatDay(view.approvedOn, locale),
            name: view.approvedByName ?? "",
          })}
        </p>
      ) : null}
      {view.nominationOpen && view.nominationDeadline ? (
        <p>
          {t("nominations.page.deadline", { date: formatDay(view.nominationDeadline, locale) })}
        </p>
      ) : null}
      {!view.nominationOpen ? (
        <p className="notice">
          {t("nominations.page.closed", { status: t(cycleStatusLabel[view.cycleStatus]) })}
        </p>
      ) : null}
    </div>
  );
}
