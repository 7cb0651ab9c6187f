import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { CycleSettings } from "../cycle-schema";
import { describeSettings } from "../settings-description";

/** A cycle's settings in words, as a description list. */
export function SettingsSummary({
  settings,
  profileName,
}: {
  settings: CycleSettings;
  profileName: string;
}) {
  const { t, locale } = useTranslation();
  return (
    <dl className="settings-list">
      {describeSettings(settings, { t, locale, profileName }).map((line) => (
        <div key={line.label}>
          <dt>{line.label}</dt>
          <dd>{line.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The cycle page's settings: the summary, and the link to change them while one can. */
export function CycleSettingsSection({
  cycleId,
  settings,
  profileName,
  thresholdsLocked,
  editable,
}: {
  cycleId: string;
  settings: CycleSettings;
  profileName: string;
  thresholdsLocked: boolean;
  editable: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{t("cycles.page.settings.title")}</h2>
      {thresholdsLocked ? <p className="hint">{t("cycles.lock.thresholdsLocked")}</p> : null}
      <SettingsSummary settings={settings} profileName={profileName} />
      {editable ? (
        <p>
          <Link to={`/beheer/rondes/${cycleId}/instellingen`}>{t("cycles.page.editSettings")}</Link>
        </p>
      ) : null}
    </section>
  );
}
