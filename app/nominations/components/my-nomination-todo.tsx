import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { MyRound } from "~/mine/my-rondom.server";
import { formatDay } from "~/utils/dates";
import { NOMINATION_STATUS_LABELS } from "../messages";
import { nominationPath, REVIEW_QUEUE_PATH } from "../paths";

/**
 * "Mijn Rondom"'s to-do of the nominating stage: each round to nominate raters for (with the
 * status of the nominations), and for a lead the nominations waiting for approval.
 */
export function MyNominationTodo({
  rounds,
  reviewsWaiting,
}: {
  rounds: MyRound[];
  reviewsWaiting: number;
}) {
  const { t, locale } = useTranslation();
  const nominating = rounds.filter((round) => round.status === "nominating");
  if (nominating.length === 0 && reviewsWaiting === 0) return null;
  return (
    <section aria-labelledby="nominations-todo-title">
      <h2 id="nominations-todo-title">{t("nominations.mine.todoTitle")}</h2>
      <ul className="item-list">
        {nominating.map((round) => (
          <li key={round.participantId} className="item-list__item">
            <p className="item-list__title">
              {t("nominations.mine.nominate", { cycle: round.cycleName })}
            </p>
            <p className="muted">
              {[
                t("nominations.page.status", {
                  status: t(NOMINATION_STATUS_LABELS[round.nominationStatus]),
                }),
                round.nominationStatus === "open" && round.nominationDeadline
                  ? t("nominations.mine.deadline", {
                      date: formatDay(round.nominationDeadline, locale),
                    })
                  : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
            <Link
              className={`button${round.nominationStatus === "open" ? "" : " button--secondary"}`}
              to={nominationPath(round.participantId)}
            >
              {round.nominationStatus === "open"
                ? t("nominations.mine.start")
                : t("nominations.mine.view")}
            </Link>
          </li>
        ))}
        {reviewsWaiting > 0 ? (
          <li className="item-list__item">
            <p className="item-list__title">
              {reviewsWaiting === 1
                ? t("nominations.mine.approvalsOne")
                : t("nominations.mine.approvals", { count: reviewsWaiting })}
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
