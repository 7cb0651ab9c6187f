import { useTranslation } from "~/i18n/use-translation";
import type { AutosaveStatus } from "../autosave";

/**
 * How far the rater is, and what the background save did. The count is not announced on
 * every click (aria-live off); the save status is a status message.
 */
export function QuestionnaireProgress({
  answered,
  total,
  autosave,
}: {
  answered: number;
  total: number;
  autosave: { status: AutosaveStatus; time: string };
}) {
  const { t } = useTranslation();
  return (
    <div className="progress" aria-live="off">
      <label htmlFor="progress-bar" id="progress-text" className="progress__text">
        {t("rater.form.progress", { answered, total })}
      </label>
      <progress id="progress-bar" max={total} value={answered}>
        {answered}/{total}
      </progress>
      <p className="progress__autosave" role="status">
        {autosave.status === "idle"
          ? null
          : t(`rater.form.autosave.${autosave.status}`, { time: autosave.time })}
      </p>
    </div>
  );
}
