import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { MyCycle } from "~/mine/my-rondom.server";
import { formatDay } from "~/utils/dates";
import { NOMINATION_STATUS_LABELS } from "../messages";
import { nominationPath, REVIEW_QUEUE_PATH } from "../paths";

/**
 * "Mijn Rondom"'s to-do of the nominating stage: each cycle to nominate raters for (with the
 * status of the nominations), and for a lead the nominations waiting for approval.
 */
export function MyNominationTodo({
  cycles,
  reviewsWaiting,
}: {
  cycles: MyCycle[];
  reviewsWaiting: number;
}) {
  const { t, locale } = useTranslation();
  const nominating = cycles.filter((cycle) => cycle.status === "nominating");
  if (nominating.length === 0 && reviewsWaiting === 0) return null;
  return (
    <section aria-labelledby="nominations-todo-title">
      <h2 id="nominations-todo-title">{t("nominations.mine.todoTitle")}</h2>
      <ul className="item-list">
        {nominating.map((cycle) => (
          <li key={cycle.participantId} className="item-list__item">
            <p className="item-list__title">
              {t("nominations.mine.nominate", { cycle: cycle.cycleName })}
            </p>
            <p className="muted">
              {[
                t("nominations.page.status", {
                  status: t(NOMINATION_STATUS_LABELS[cycle.nominationStatus]),
                }),
                cycle.nominationStatus === "open" && cycle.nominationDeadline
                  ? t("nominations.mine.deadline", {
                      date: formatDay(cycle.nominationDeadline, locale),
                    })
                  : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
            <Link
              className={`button${cycle.nominationStatus === "open" ? "" : " button--secondary"}`}
              to={nominationPath(cycle.participantId)}
            >
              {cycle.nominationStatus === "open"
                ? t("nominations.mine.start")
                : t("nominations.mine.view")}
            </Link>
          </li>
        ))}
        {reviewsWaiting > 0 ? (
          <li className="item-list__item">
            <p className="item-list__title">
              {t("nominations.mine.approvals", { count: reviewsWaiting })}
            </p>
            <Link className="button" to={REVIEW_QUEUE_PATH}>
              {t("nominations.mine.approvalsLink")}
            </Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
