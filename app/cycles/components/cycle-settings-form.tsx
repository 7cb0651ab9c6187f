import { getFormProps } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import {
  ErrorList,
  FormErrorSummary,
  RadioGroup,
  SelectField,
  TextField,
  useKitForm,
  type FormResult,
  type KitField,
} from "~/components/forms";
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

// The form of a cycle's settings: the create page and the settings page. A setting that can
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
  lastResult?: FormResult | null;
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

const YES_NO_LABEL = {
  managerIdentifiable: {
    no: "cycles.settings.managerIdentifiable.no",
    yes: "cycles.settings.managerIdentifiable.yes",
  },
  includeReportsGroup: {
    no: "cycles.settings.includeReportsGroup.no",
    yes: "cycles.settings.includeReportsGroup.yes",
  },
} as const satisfies Record<string, Record<(typeof YES_NO)[number], MessageKey>>;

const NUMBER_INPUT = { inputMode: "numeric", className: "number-input" } as const;

export function CycleSettingsForm(props: CycleSettingsFormProps) {
  const { formId, profiles, today, saved, lastResult } = props;
  const { t, locale } = useTranslation();
  const schema = useMemo(
    () =>
      createCycleSettingsSchema({
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
    [profiles, today, saved],
  );
  const [form, fields] = useKitForm({
    id: formId,
    schema,
    lastResult,
    defaultValue: props.defaultValue,
  });

  const field = (name: CycleSettingsField): KitField => fields[name];
  const lines = saved
    ? describeSettings(saved.settings, { t, locale, profileName: saved.profileName })
    : [];
  const hiddenValues = saved ? cycleSettingsFormValues(saved.settings) : null;

  /** The inputs of a setting group, or its saved value with the reason it is locked. */
  const group = (name: SettingsGroup, inputs: ReactNode) => {
    const reason = saved?.locks[name] ?? null;
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
          <ErrorList
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

  const limit = (name: CycleSettingsField) => (
    <TextField
      field={field(name)}
      label={t(LABEL[name])}
      type="number"
      inputProps={{ ...NUMBER_INPUT, min: 0, max: GROUP_LIMIT_MAX }}
    />
  );
  const limitPair = (legend: MessageKey, min: CycleSettingsField, max: CycleSettingsField) => (
    <fieldset className="limit-pair">
      <legend>{t(legend)}</legend>
      {limit(min)}
      {limit(max)}
    </fieldset>
  );
  const yesNo = (name: keyof typeof YES_NO_LABEL) => (
    <RadioGroup
      field={field(name)}
      legend={t(LABEL[name])}
      choices={YES_NO.map((value) => ({ value, label: t(YES_NO_LABEL[name][value]) }))}
    />
  );

  return (
    <Form method="post" {...getFormProps(form)} className="cycle-form">
      <FormErrorSummary
        form={form}
        fields={fields}
        labels={Object.fromEntries(CYCLE_SETTINGS_FIELDS.map((name) => [name, t(LABEL[name])]))}
        lastResult={lastResult}
      />

      <section className="form-section" aria-labelledby={`${formId}-cycle`}>
        <h2 id={`${formId}-cycle`}>{t("cycles.form.section.cycle")}</h2>
        {group(
          "name",
          <TextField
            field={field("name")}
            label={t(LABEL.name)}
            inputProps={{ maxLength: CYCLE_NAME_MAX }}
          />,
        )}
        {group(
          "profile",
          profiles.length > 0 ? (
            <SelectField
              field={field("profileKey")}
              label={t(LABEL.profileKey)}
              hint={t("cycles.settings.profile.hint")}
              emptyOption={t("cycles.settings.profile.choose")}
              options={profiles.map((profile) => ({ value: profile.id, label: profile.name }))}
            />
          ) : (
            // An empty list to choose from helps nobody: say where profiles come from.
            <div className="text-field" id={field("profileKey").id} tabIndex={-1}>
              <ErrorList id={field("profileKey").errorId} errors={field("profileKey").errors} />
              <p>
                {t("profiles.cycleForm.none")}{" "}
                <Link to="/beheer/profielen">{t("profiles.cycleForm.toLibrary")}</Link>
              </p>
            </div>
          ),
        )}
      </section>

      <section className="form-section" aria-labelledby={`${formId}-dates`}>
        <h2 id={`${formId}-dates`}>{t("cycles.form.section.dates")}</h2>
        <p className="hint">{t("cycles.form.section.dates.hint")}</p>
        {group(
          "nominationDeadline",
          <TextField
            field={field("nominationDeadline")}
            label={t(LABEL.nominationDeadline)}
            hint={t("cycles.settings.nominationDeadline.hint")}
            type="date"
          />,
        )}
        {group(
          "answerDeadline",
          <TextField
            field={field("answerDeadline")}
            label={t(LABEL.answerDeadline)}
            hint={t("cycles.settings.answerDeadline.hint")}
            type="date"
          />,
        )}
      </section>

      <section className="form-section" aria-labelledby={`${formId}-anonymity`}>
        <h2 id={`${formId}-anonymity`}>{t("cycles.form.section.anonymity")}</h2>
        <p className="hint">{t("cycles.form.section.anonymity.hint")}</p>
        {group(
          "thresholds",
          <>
            <TextField
              field={field("minGroupSize")}
              label={t(LABEL.minGroupSize)}
              hint={t("cycles.settings.minGroupSize.hint", {
                min: THRESHOLD_MIN,
                max: THRESHOLD_MAX,
              })}
              type="number"
              inputProps={{ ...NUMBER_INPUT, min: THRESHOLD_MIN, max: THRESHOLD_MAX }}
            />
            {yesNo("managerIdentifiable")}
            <RadioGroup
              field={field("leadAccess")}
              legend={t(LABEL.leadAccess)}
              choices={LEAD_ACCESS_CHOICES.map((value) => ({
                value,
                label: t(`cycles.settings.leadAccess.${value}`),
              }))}
            />
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
            {yesNo("includeReportsGroup")}
            {limitPair("cycles.settings.reports", "reportMin", "reportMax")}
          </>,
        )}
      </section>

      <section className="form-section" aria-labelledby={`${formId}-mail`}>
        <h2 id={`${formId}-mail`}>{t("cycles.form.section.mail")}</h2>
        {group(
          "reminders",
          <TextField
            field={field("reminderDays")}
            label={t(LABEL.reminderDays)}
            hint={t("cycles.settings.reminderDays.hint")}
          />,
        )}
        {group(
          "mailLocale",
          <RadioGroup
            field={field("mailLocale")}
            legend={t(LABEL.mailLocale)}
            choices={MAIL_LANGUAGES.map((value) => ({
              value,
              label: t(`cycles.settings.mailLocale.${value}`),
            }))}
          />,
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
