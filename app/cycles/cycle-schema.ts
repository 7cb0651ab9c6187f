import { z } from "~/utils/zod";
import type { LeadAccess, Locale } from "#db/schema";
import { messageRef } from "~/i18n/messages";
import { plainTextField } from "~/utils/plain-text";

// The settings of a feedback cycle: one schema for the create and the settings form, used by
// the browser (validation while typing) and by the server (the only check that counts). It
// says what is wrong with message references; the page translates them.

export const THRESHOLD_MIN = 2;
export const THRESHOLD_MAX = 10;
export const GROUP_LIMIT_MAX = 20;
export const REMINDER_DAY_MIN = 1;
export const REMINDER_DAY_MAX = 60;
export const CYCLE_NAME_MAX = 120;

export const MAIL_LANGUAGES = ["rater", "nl", "en"] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];
export const LEAD_ACCESS_CHOICES = ["with_consent", "never"] as const satisfies LeadAccess[];
export const YES_NO = ["no", "yes"] as const;

/** A profile from surveys/ as the form offers it. */
export interface ProfileChoice {
  id: string;
  name: string;
}

/** A cycle's settings as the application uses them (the parsed form). */
export interface CycleSettings {
  name: string;
  profileKey: string;
  nominationDeadline: string;
  answerDeadline: string;
  /** The threshold k: a group's figures are shown only with at least this many raters. */
  minGroupSize: number;
  managerIdentifiable: boolean;
  leadAccess: LeadAccess;
  colleagueMin: number;
  colleagueMax: number;
  customerMin: number;
  customerMax: number;
  includeReportsGroup: boolean;
  reportMin: number;
  reportMax: number;
  /** Days before the answer deadline on which reminders go out, largest first. */
  reminderDays: number[];
  /** null: every rater gets mail in their own language. */
  mailLocale: Locale | null;
}

export type CycleSettingsField = keyof CycleSettings;

/** The names of the form's fields: the same as the settings' keys. */
export const CYCLE_SETTINGS_FIELDS = [
  "name",
  "profileKey",
  "nominationDeadline",
  "answerDeadline",
  "minGroupSize",
  "managerIdentifiable",
  "leadAccess",
  "colleagueMin",
  "colleagueMax",
  "customerMin",
  "customerMax",
  "includeReportsGroup",
  "reportMin",
  "reportMax",
  "reminderDays",
  "mailLocale",
] as const satisfies readonly CycleSettingsField[];

export function isCycleSettingsField(name: string): name is CycleSettingsField {
  return (CYCLE_SETTINGS_FIELDS as readonly string[]).includes(name);
}

/** The settings a new cycle starts with, apart from its name, profile and dates. */
export const DEFAULT_CYCLE_SETTINGS = {
  minGroupSize: 3,
  managerIdentifiable: false,
  leadAccess: "with_consent",
  colleagueMin: 3,
  colleagueMax: 8,
  customerMin: 0,
  customerMax: 5,
  includeReportsGroup: false,
  reportMin: 0,
  reportMax: 8,
  reminderDays: [7, 2],
  mailLocale: null,
} as const satisfies Omit<
  CycleSettings,
  "name" | "profileKey" | "nominationDeadline" | "answerDeadline"
>;

/** The defaults as a cycle's own copy (its reminder days are a list of its own). */
export function defaultCycleSettings(): Omit<
  CycleSettings,
  "name" | "profileKey" | "nominationDeadline" | "answerDeadline"
> {
  return { ...DEFAULT_CYCLE_SETTINGS, reminderDays: [...DEFAULT_CYCLE_SETTINGS.reminderDays] };
}

/** Suggested dates for a new cycle: two weeks to nominate, three more to answer. */
export const SUGGESTED_NOMINATION_DAYS = 14;
export const SUGGESTED_ANSWER_DAYS = 35;

/** True for an existing calendar day written YYYY-MM-DD. */
export function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** The YYYY-MM-DD day `days` after `day` (a calendar day, no time zone involved). */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split("-").map(Number);
  const moved = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (date ?? 1) + days));
  return moved.toISOString().slice(0, 10);
}

export type ReminderDaysResult =
  { ok: true; days: number[] } | { ok: false; problem: "format" | "range" | "duplicate" };

/**
 * "7, 2" → [7, 2]. Separated by commas, semicolons or spaces; empty means no automatic
 * reminders. Every day is a whole number from 1 to 60 and appears once; largest first.
 */
export function parseReminderDays(text: string): ReminderDaysResult {
  const parts = text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.some((part) => !/^\d{1,3}$/.test(part))) return { ok: false, problem: "format" };
  const days = parts.map(Number);
  if (days.some((day) => day < REMINDER_DAY_MIN || day > REMINDER_DAY_MAX)) {
    return { ok: false, problem: "range" };
  }
  if (new Set(days).size !== days.length) return { ok: false, problem: "duplicate" };
  return { ok: true, days: days.sort((a, b) => b - a) };
}

/** How the reminder days are stored and shown in the form: "7,2". */
export function formatReminderDays(days: readonly number[]): string {
  return days.join(",");
}

export interface CycleSettingsSchemaOptions {
  /** Ids of the profiles in surveys/ (getProfiles()). */
  profileIds: readonly string[];
  /** Today in the organisation (YYYY-MM-DD): no deadline may lie before it... */
  today: string;
  /**
   * ...except one that is already saved and left as it is (a running cycle whose nomination
   * deadline has passed can still get a later answer deadline).
   */
  savedDeadlines?: { nominationDeadline: string | null; answerDeadline: string | null };
}

type SchemaIssuePayload = { issues: readonly { path?: readonly PropertyKey[] }[] };

/** A refinement over several fields runs only once each of those fields is valid by itself. */
function whenValid(fields: readonly CycleSettingsField[]) {
  return (payload: SchemaIssuePayload) =>
    payload.issues.every((issue) => !fields.includes(String(issue.path?.[0]) as never));
}

export function createCycleSettingsSchema({
  profileIds,
  today,
  savedDeadlines,
}: CycleSettingsSchemaOptions) {
  const wholeNumber = (min: number, max: number) => {
    const error = messageRef("cycles.settings.error.wholeNumber", { min, max });
    return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
  };
  const groupLimit = () => wholeNumber(0, GROUP_LIMIT_MAX);
  const deadline = (requiredMessage: string) =>
    z
      .string({ error: requiredMessage })
      .trim()
      .min(1, { error: requiredMessage })
      .refine(isCalendarDay, { error: messageRef("cycles.settings.error.dayInvalid") });
  const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
    z.enum(values, { error: messageRef("cycles.settings.error.choose") });
  const yesNo = () => choice(YES_NO).transform((value) => value === "yes");
  const notBeforeToday = (field: "nominationDeadline" | "answerDeadline") => ({
    path: [field],
    error: messageRef("cycles.settings.error.dayPast"),
    when: whenValid([field]),
  });
  const limitOrder = (group: "colleague" | "customer" | "report") => {
    const min = `${group}Min` as const;
    const max = `${group}Max` as const;
    const check = (value: CycleSettings) => value[max] >= value[min];
    const params = {
      path: [max],
      error: messageRef("cycles.settings.error.maxBelowMin"),
      when: whenValid([min, max]),
    };
    return [check, params] as [typeof check, typeof params];
  };

  return z
    .object({
      name: plainTextField(
        {
          required: messageRef("cycles.settings.error.nameRequired"),
          tooLong: messageRef("cycles.settings.error.nameTooLong", { max: CYCLE_NAME_MAX }),
          notText: messageRef("cycles.settings.error.nameNotText"),
        },
        { max: CYCLE_NAME_MAX },
      ),
      profileKey: z
        .string({ error: messageRef("cycles.settings.error.profileRequired") })
        .refine((id) => profileIds.includes(id), {
          error: messageRef("cycles.settings.error.profileRequired"),
        }),
      nominationDeadline: deadline(messageRef("cycles.settings.error.nominationDeadlineRequired")),
      answerDeadline: deadline(messageRef("cycles.settings.error.answerDeadlineRequired")),
      minGroupSize: wholeNumber(THRESHOLD_MIN, THRESHOLD_MAX),
      managerIdentifiable: yesNo(),
      leadAccess: choice(LEAD_ACCESS_CHOICES),
      colleagueMin: groupLimit(),
      colleagueMax: groupLimit(),
      customerMin: groupLimit(),
      customerMax: groupLimit(),
      includeReportsGroup: yesNo(),
      reportMin: groupLimit(),
      reportMax: groupLimit(),
      reminderDays: z
        .string()
        .optional()
        .transform((text, ctx) => {
          const parsed = parseReminderDays(text ?? "");
          if (parsed.ok) return parsed.days;
          ctx.addIssue({
            code: "custom",
            message: messageRef(`cycles.settings.error.reminders.${parsed.problem}`, {
              min: REMINDER_DAY_MIN,
              max: REMINDER_DAY_MAX,
            }),
          });
          return z.NEVER;
        }),
      mailLocale: choice(MAIL_LANGUAGES).transform((value) => (value === "rater" ? null : value)),
    })
    .refine(
      (value) =>
        value.nominationDeadline >= today ||
        value.nominationDeadline === savedDeadlines?.nominationDeadline,
      notBeforeToday("nominationDeadline"),
    )
    .refine(
      (value) =>
        value.answerDeadline >= today || value.answerDeadline === savedDeadlines?.answerDeadline,
      notBeforeToday("answerDeadline"),
    )
    .refine((value) => value.answerDeadline > value.nominationDeadline, {
      path: ["answerDeadline"],
      error: messageRef("cycles.settings.error.answerBeforeNomination"),
      when: whenValid(["nominationDeadline", "answerDeadline"]),
    })
    .refine(...limitOrder("colleague"))
    .refine(...limitOrder("customer"))
    .refine(...limitOrder("report"));
}

/** The form's values for settings: what the fields show, and what a locked field keeps. */
export function cycleSettingsFormValues(
  settings: CycleSettings,
): Record<CycleSettingsField, string> {
  return {
    name: settings.name,
    profileKey: settings.profileKey,
    nominationDeadline: settings.nominationDeadline,
    answerDeadline: settings.answerDeadline,
    minGroupSize: String(settings.minGroupSize),
    managerIdentifiable: settings.managerIdentifiable ? "yes" : "no",
    leadAccess: settings.leadAccess,
    colleagueMin: String(settings.colleagueMin),
    colleagueMax: String(settings.colleagueMax),
    customerMin: String(settings.customerMin),
    customerMax: String(settings.customerMax),
    includeReportsGroup: settings.includeReportsGroup ? "yes" : "no",
    reportMin: String(settings.reportMin),
    reportMax: String(settings.reportMax),
    reminderDays: formatReminderDays(settings.reminderDays),
    mailLocale: settings.mailLocale ?? "rater",
  };
}

/** The form of a new cycle: defaults, suggested dates, the profile preselected if only one. */
export function newCycleFormValues(
  today: string,
  profileIds: readonly string[],
): Record<CycleSettingsField, string> {
  return cycleSettingsFormValues({
    ...defaultCycleSettings(),
    name: "",
    profileKey: profileIds.length === 1 ? (profileIds[0] ?? "") : "",
    nominationDeadline: addDays(today, SUGGESTED_NOMINATION_DAYS),
    answerDeadline: addDays(today, SUGGESTED_ANSWER_DAYS),
  });
}
