import type { CycleStatus } from "#db/schema";
import { cycleStatusLabel } from "~/i18n/labels";
import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { CYCLE_STATUSES } from "../transitions";

const STATUS_INTRO: Record<CycleStatus, MessageKey> = {
  draft: "cycles.page.intro.draft",
  nominating: "cycles.page.intro.nominating",
  collecting: "cycles.page.intro.collecting",
  closed: "cycles.page.intro.closed",
  released: "cycles.page.intro.released",
};

/** "Stand: …" and what that stage means. */
export function StatusIntro({ status }: { status: CycleStatus }) {
  const { t } = useTranslation();
  return (
    <p>
      {t("cycles.page.status", { status: t(cycleStatusLabel[status]) })} {t(STATUS_INTRO[status])}
    </p>
  );
}

/** The five stages of a cycle, the current one marked (in words too, not only by style). */
export function StatusSteps({ status }: { status: CycleStatus }) {
  const { t } = useTranslation();
  const current = CYCLE_STATUSES.indexOf(status);
  return (
    <ol className="status-steps" aria-label={t("cycles.page.stages")}>
      {CYCLE_STATUSES.map((stage, index) => {
        const state = index < current ? "done" : index === current ? "current" : "todo";
        return (
          <li
            key={stage}
            className={`status-steps__item status-steps__item--${state}`}
            aria-current={state === "current" ? "step" : undefined}
          >
            {t(cycleStatusLabel[stage])}
            {state === "current" ? (
              <span className="visually-hidden"> {t("cycles.page.stage.current")}</span>
            ) : state === "done" ? (
              <span className="visually-hidden"> {t("cycles.page.stage.done")}</span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
