import type { Locale } from "#db/schema";
import type { MessageKey, Translate } from "~/i18n/messages";
import { formatDay } from "~/utils/dates";
import type { CycleSettings } from "./cycle-schema";
import type { LockReason, SettingsGroup } from "./settings-locks";

// Settings in words, for the summary on the cycle page and for locked settings on the
// settings page.

export interface SettingLine {
  group: SettingsGroup;
  label: string;
  value: string;
}

export const LOCK_REASON_MESSAGE: Record<LockReason, MessageKey> = {
  released: "cycles.lock.released",
  thresholds_locked: "cycles.lock.thresholdsLocked",
  launched: "cycles.lock.launched",
  nominating_over: "cycles.lock.nominatingOver",
  closed: "cycles.lock.closed",
};

function day(value: string, locale: Locale, t: Translate) {
  return value ? formatDay(value, locale) : t("cycles.settings.value.noDate");
}

function range(min: number, max: number, t: Translate) {
  return t("cycles.settings.value.range", { min, max });
}

function reminders(days: readonly number[], t: Translate) {
  if (days.length === 0) return t("cycles.settings.value.noReminders");
  // The largest day decides the plural: "7, 1 dagen", "1 dag".
  return t("cycles.settings.value.reminders", {
    days: days.join(", "),
    count: Math.max(...days),
  });
}

export function describeSettings(
  settings: CycleSettings,
  options: { t: Translate; locale: Locale; profileName: string },
): SettingLine[] {
  const { t, locale } = options;
  return [
    { group: "name", label: t("cycles.settings.name"), value: settings.name },
    { group: "profile", label: t("cycles.settings.profile"), value: options.profileName },
    {
      group: "nominationDeadline",
      label: t("cycles.settings.nominationDeadline"),
      value: day(settings.nominationDeadline, locale, t),
    },
    {
      group: "answerDeadline",
      label: t("cycles.settings.answerDeadline"),
      value: day(settings.answerDeadline, locale, t),
    },
    {
      group: "thresholds",
      label: t("cycles.settings.minGroupSize"),
      value: t("cycles.settings.value.minGroupSize", { k: settings.minGroupSize }),
    },
    {
      group: "thresholds",
      label: t("cycles.settings.managerIdentifiable"),
      value: settings.managerIdentifiable
        ? t("cycles.settings.managerIdentifiable.yes")
        : t("cycles.settings.managerIdentifiable.no"),
    },
    {
      group: "thresholds",
      label: t("cycles.settings.leadAccess"),
      value:
        settings.leadAccess === "never"
          ? t("cycles.settings.leadAccess.never")
          : t("cycles.settings.leadAccess.with_consent"),
    },
    {
      group: "limits",
      label: t("cycles.settings.colleagues"),
      value: range(settings.colleagueMin, settings.colleagueMax, t),
    },
    {
      group: "limits",
      label: t("cycles.settings.customers"),
      value: range(settings.customerMin, settings.customerMax, t),
    },
    {
      group: "limits",
      label: t("cycles.settings.reports"),
      value: settings.includeReportsGroup
        ? range(settings.reportMin, settings.reportMax, t)
        : t("cycles.settings.value.reportsNotAsked"),
    },
    {
      group: "reminders",
      label: t("cycles.settings.reminderDays"),
      value: reminders(settings.reminderDays, t),
    },
    {
      group: "mailLocale",
      label: t("cycles.settings.mailLocale"),
      value: t(`cycles.settings.mailLocale.${settings.mailLocale ?? "rater"}`),
    },
  ];
}
