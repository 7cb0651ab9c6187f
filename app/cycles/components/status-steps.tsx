import type { CycleStatus } from "#db/schema";
import { cycleStatusLabel } from "~/i18n/labels";
import { useTranslation } from "~/i18n/use-translation";
import { CYCLE_STATUSES } from "../transitions";

/** The five stages of a round, the current one marked (in words too, not only by style). */
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
