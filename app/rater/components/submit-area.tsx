import { useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

/** Send, or save and come back later; "send" shows that it is busy and cannot be pressed twice. */
export function QuestionnaireSubmitArea() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busyIntent = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  return (
    <div className="form-actions">
      <button
        type="submit"
        name="intent"
        value="submit"
        className="button"
        disabled={busyIntent === "submit"}
      >
        {busyIntent === "submit" ? t("rater.form.submitting") : t("rater.form.submit")}
      </button>
      <button type="submit" name="intent" value="save" className="button button--secondary">
        {t("rater.form.save")}
      </button>
      <p className="form-actions__hint">{t("rater.form.saveHint")}</p>
    </div>
  );
}
