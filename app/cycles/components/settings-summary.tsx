import { useTranslation } from "~/i18n/use-translation";
import type { CycleSettings } from "../cycle-schema";
import { describeSettings } from "../settings-description";

/** A round's settings in words, as a description list. */
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
