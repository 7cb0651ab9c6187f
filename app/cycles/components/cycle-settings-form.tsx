import {
  getCollectionProps,
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { describedBy, FieldError } from "~/components/field-error";
import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import {
  createCycleSettingsSchema,
  CYCLE_NAME_MAX,
  CYCLE_SETTINGS_FIELDS,
  cycleSettingsFormValues,
  GROUP_LIMIT_MAX,
  LEAD_ACCESS_CHOICES,
  MAIL_LANGUAGES,
  THRESHOLD_MAX,
  THRESHOLD_MIN,
  YES_NO,
  type CycleSettings,
  type CycleSettingsField,
  type ProfileChoice,
} from "../cycle-schema";
import { describeSettings, LOCK_REASON_MESSAGE } from "../settings-description";
import { SETTINGS_GROUP_FIELDS, type LockReason, type SettingsGroup } from "../settings-locks";
import { FormErrorSummary } from "./form-error-summary";

// The form of a round's settings: the create page and the settings page. A setting that can
// no longer change is shown as text with the reason, and sent along unchanged (hidden).

export interface CycleSettingsFormProps {
  formId: string;
  profiles: ProfileChoice[];
  /** Today in the organisation (from the loader, so browser and server agree). */
  today: string;
  defaultValue: Record<CycleSettingsField, string>;
  /** The settings page: the saved settings and what is locked. Absent when creating. */
  saved?: {
    settings: CycleSettings;
    profileName: string;
    locks: Record<SettingsGroup, LockReason | null>;
  };
  lastResult?: SubmissionResult<string[]>;
  submitLabel: string;
  cancelTo: string;
}

const LABEL: Record<CycleSettingsField, MessageKey> = {
  name: "cycles.settings.name",
  profileKey: "cycles.settings.profile",
  nominationDeadline: "cycles.settings.nominationDeadline",
  answerDeadline: "cycles.settings.answerDeadline",
  minGroupSize: "cycles.settings.minGroupSize",
  managerIdentifiable: "cycles.settings.managerIdentifiable",
  leadAccess: "cycles.settings.leadAccess",
  colleagueMin: "cycles.settings.colleagueMin",
  colleagueMax: "cycles.settings.colleagueMax",
  customerMin: "cycles.settings.customerMin",
  customerMax: "cycles.settings.customerMax",
  includeReportsGroup: "cycles.settings.includeReportsGroup",
  reportMin: "cycles.settings.reportMin",
  reportMax: "cycles.settings.reportMax",
  reminderDays: "cycles.settings.reminderDays",
  mailLocale: "cycles.settings.mailLocale",
};

type Field = FieldMetadata<string, Record<string, unknown>, string[]>;

export function CycleSettingsForm(props: CycleSettingsFormProps) {
  const { formId, profiles, today, saved, lastResult } = props;
  const { t, locale } = useTranslation();
  const schema = useMemo(
    () =>
      createCycleSettingsSchema({
        t,
        profileIds: [
          ...profiles.map((profile) => profile.id),
          ...(saved?.locks.profile ? [saved.settings.profileKey] : []),
        ],
        today,
        savedDeadlines: saved && {
          nominationDeadline: saved.settings.nominationDeadline,
          answerDeadline: saved.settings.answerDeadline,
        },
      }),
    [t, profiles, today, saved],
  );
  const [form, fields] = useForm({
    id: formId,
    lastResult,
    defaultValue: props.defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (lastResult) setAttempt((count) => count + 1);
  }, [lastResult]);

  const field = (name: CycleSettingsField) => fields[name] as unknown as Field;
  const lockOf = (group: SettingsGroup) => saved?.locks[group] ?? null;
  const lines = saved
    ? describeSettings(saved.settings, { t, locale, profileName: saved.profileName })
    : [];
  const hiddenValues = saved ? cycleSettingsFormValues(saved.settings) : null;

  /** The inputs of a setting group, or its saved value with the reason it is locked. */
  const group = (name: SettingsGroup, inputs: ReactNode) => {
    const reason = lockOf(name);
    if (!reason || !hiddenValues) return inputs;
    const groupFields = SETTINGS_GROUP_FIELDS[name];
    return (
      <div className="locked-setting">
        <dl className="settings-list">
          {lines
            .filter((line) => line.group === name)
            .map((line) => (
              <div key={line.label}>
                <dt>{line.label}</dt>
                <dd>{line.value}</dd>
              </div>
            ))}
        </dl>
        <p className="hint">{t(LOCK_REASON_MESSAGE[reason])}</p>
        {groupFields.map((fieldName) => (
          <FieldError
            key={fieldName}
            id={field(fieldName).errorId}
            errors={field(fieldName).errors}
          />
        ))}
        {groupFields.map((fieldName) => (
          <input key={fieldName} type="hidden" name={fieldName} value={hiddenValues[fieldName]} />
        ))}
      </div>
    );
  };

  const textField = (
    name: CycleSettingsField,
    type: "text" | "date" | "number",
    extra: { hint?: string; min?: number; max?: number; maxLength?: number } = {},
  ) => {
    const meta = field(name);
    const hintId = extra.hint ? `${meta.id}-hint` : null;
    return (
      <div className="text-field">
        <label htmlFor={meta.id}>{t(LABEL[name])}</label>
        {extra.hint ? (
          <p className="hint" id={hintId ?? undefined}>
            {extra.hint}
          </p>
        ) : null}
        <FieldError id={meta.errorId} errors={meta.errors} />
        <input
          {...getInputProps(meta, { type })}
          min={extra.min}
          max={extra.max}
          maxLength={extra.maxLength}
          inputMode={type === "number" ? "numeric" : undefined}
          className={type === "number" ? "number-input" : undefined}
          aria-describedby={describedBy(hintId, meta.errorId, meta.errors)}
        />
      </div>
    );
  };

  const radios = (
    name: CycleSettingsField,
    options: readonly string[],
    optionLabel: (option: string) => string,
    hint?: string,
  ) => {
    const meta = field(name);
    const hintId = hint ? `${meta.id}-hint` : null;
    return (
      <fieldset
        className="choice-group"
        id={meta.id}
        tabIndex={-1}
        aria-describedby={describedBy(hintId, meta.errorId, meta.errors)}
      >
        <legend>{t(LABEL[name])}</legend>
        {hint ? (
          <p className="hint" id={hintId ?? undefined}>
            {hint}
          </p>
        ) : null}
        <FieldError id={meta.errorId} errors={meta.errors} />
        {getCollectionProps(meta, { type: "radio", options: [...options] }).map(
          // The group carries the description and the error; a radio takes no aria-invalid.
          ({ key, "aria-invalid": _invalid, "aria-describedby": _described, ...props }) => (
            <label key={key} className="checkbox">
              <input {...props} />
              {optionLabel(props.value)}
            </label>
          ),
        )}
      </fieldset>
    );
  };

  const limitPair = (legend: MessageKey, min: CycleSettingsField, max: CycleSettingsField) => (
    <fieldset className="limit-pair">
      <legend>{t(legend)}</legend>
      {textField(min, "number", { min: 0, max: GROUP_LIMIT_MAX })}
      {textField(max, "number", { min: 0, max: GROUP_LIMIT_MAX })}
    </fieldset>
  );

  const profileField = () => {
    const meta = field("profileKey");
    return (
      <div className="text-field">
        <label htmlFor={meta.id}>{t(LABEL.profileKey)}</label>
        <p className="hint" id={`${meta.id}-hint`}>
          {t("cycles.settings.profile.hint")}
        </p>
        <FieldError id={meta.errorId} errors={meta.errors} />
        <select
          {...getSelectProps(meta)}
          aria-describedby={describedBy(`${meta.id}-hint`, meta.errorId, meta.errors)}
        >
          <option value="">{t("cycles.settings.profile.choose")}</option>
          {profiles.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.name}
            </option>
          ))}
        </select>
      </div>
    );
  };

  return (
    <Form
      method="post"
      {...getFormProps(form)}
      onSubmit={(event) => {
        form.onSubmit(event);
        if (event.defaultPrevented) setAttempt((count) => count + 1);
      }}
      className="cycle-form"
    >
      <FormErrorSummary
        id={`${formId}-problems`}
        formErrors={form.errors}
        attempt={attempt}
        fields={CYCLE_SETTINGS_FIELDS.map((name) => ({
          id: field(name).id,
          label: t(LABEL[name]),
          errors: field(name).errors,
        }))}
      />

      <section className="form-section" aria-labelledby={`${formId}-round`}>
        <h2 id={`${formId}-round`}>{t("cycles.form.section.round")}</h2>
        {group("name", textField("name", "text", { maxLength: CYCLE_NAME_MAX }))}
        {group("profile", profileField())}
      </section>

      <section className="form-section" aria-labelledby={`${formId}-dates`}>
        <h2 id={`${formId}-dates`}>{t("cycles.form.section.dates")}</h2>
        <p className="hint">{t("cycles.form.section.dates.hint")}</p>
        {group(
          "nominationDeadline",
          textField("nominationDeadline", "date", {
            hint: t("cycles.settings.nominationDeadline.hint"),
          }),
        )}
        {group(
          "answerDeadline",
          textField("answerDeadline", "date", { hint: t("cycles.settings.answerDeadline.hint") }),
        )}
      </section>

      <section className="form-section" aria-labelledby={`${formId}-anonymity`}>
        <h2 id={`${formId}-anonymity`}>{t("cycles.form.section.anonymity")}</h2>
        <p className="hint">{t("cycles.form.section.anonymity.hint")}</p>
        {group(
          "thresholds",
          <>
            {textField("minGroupSize", "number", {
              hint: t("cycles.settings.minGroupSize.hint", {
                min: THRESHOLD_MIN,
                max: THRESHOLD_MAX,
              }),
              min: THRESHOLD_MIN,
              max: THRESHOLD_MAX,
            })}
            {radios("managerIdentifiable", YES_NO, (option) =>
              t(
                option === "yes"
                  ? "cycles.settings.managerIdentifiable.yes"
                  : "cycles.settings.managerIdentifiable.no",
              ),
            )}
            {radios("leadAccess", LEAD_ACCESS_CHOICES, (option) =>
              t(
                option === "never"
                  ? "cycles.settings.leadAccess.never"
                  : "cycles.settings.leadAccess.with_consent",
              ),
            )}
          </>,
        )}
      </section>

      <section className="form-section" aria-labelledby={`${formId}-limits`}>
        <h2 id={`${formId}-limits`}>{t("cycles.form.section.limits")}</h2>
        <p className="hint">{t("cycles.form.section.limits.hint")}</p>
        {group(
          "limits",
          <>
            {limitPair("cycles.settings.colleagues", "colleagueMin", "colleagueMax")}
            {limitPair("cycles.settings.customers", "customerMin", "customerMax")}
            {radios("includeReportsGroup", YES_NO, (option) =>
              t(
                option === "yes"
                  ? "cycles.settings.includeReportsGroup.yes"
                  : "cycles.settings.includeReportsGroup.no",
              ),
            )}
            {limitPair("cycles.settings.reports", "reportMin", "reportMax")}
          </>,
        )}
      </section>

      <section className="form-section" aria-labelledby={`${formId}-mail`}>
        <h2 id={`${formId}-mail`}>{t("cycles.form.section.mail")}</h2>
        {group(
          "reminders",
          textField("reminderDays", "text", { hint: t("cycles.settings.reminderDays.hint") }),
        )}
        {group(
          "mailLocale",
          radios("mailLocale", MAIL_LANGUAGES, (option) =>
            t(`cycles.settings.mailLocale.${option as (typeof MAIL_LANGUAGES)[number]}`),
          ),
        )}
      </section>

      <div className="form-actions">
        <button type="submit" className="button">
          {props.submitLabel}
        </button>
        <Link to={props.cancelTo}>{t("cycles.form.cancel")}</Link>
      </div>
    </Form>
  );
}
