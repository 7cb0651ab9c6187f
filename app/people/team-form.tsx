import {
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useMemo } from "react";
import { describedBy, FieldError } from "~/components/field-error";
import type { Translate } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { problemMessageKey } from "./import-problems";
import { createTeamFormSchema, type TeamFormValues, type TeamMessage } from "./team-schema";

// The form to add or edit a team: its name, the team it falls under, its lead.

export const TEAM_FORM_FIELDS = ["name", "parentTeamId", "leadPersonId"] as const;

export function teamMessages(t: Translate): TeamMessage {
  return (issue) => t(problemMessageKey(issue));
}

interface Option {
  id: string;
  label: string;
}

export function TeamForm({
  id,
  defaultValue,
  parentOptions,
  leadOptions,
  lastResult,
  submitLabel,
}: {
  id: string;
  defaultValue: Partial<Record<keyof TeamFormValues, string>>;
  parentOptions: Option[];
  leadOptions: Option[];
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const messages = useMemo(() => teamMessages(t), [t]);
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: createTeamFormSchema(messages) }),
  });
  const nameHintId = `${id}-name-hint`;
  const selects = [
    {
      meta: fields.parentTeamId,
      label: t("people.teams.field.parent"),
      empty: t("people.teams.field.noParent"),
      options: parentOptions,
    },
    {
      meta: fields.leadPersonId,
      label: t("people.teams.field.lead"),
      empty: t("people.teams.field.noLead"),
      options: leadOptions,
    },
  ];

  return (
    <Form method="post" {...getFormProps(form)} className="stack-form team-form">
      {form.errors?.length ? (
        <div className="error-summary" role="alert" id={form.errorId}>
          <p>{form.errors.join(" ")}</p>
        </div>
      ) : null}
      <div className="text-field">
        <label htmlFor={fields.name.id}>{t("people.teams.field.name")}</label>
        <p className="hint" id={nameHintId}>
          {t("people.teams.field.nameHint")}
        </p>
        <FieldError id={fields.name.errorId} errors={fields.name.errors} />
        <input
          {...getInputProps(fields.name, { type: "text" })}
          key={fields.name.key}
          autoComplete="off"
          aria-describedby={describedBy(nameHintId, fields.name.errorId, fields.name.errors)}
        />
      </div>
      {selects.map(({ meta, label, empty, options }) => (
        <div className="text-field" key={meta.name}>
          <label htmlFor={meta.id}>{label}</label>
          <FieldError id={meta.errorId} errors={meta.errors} />
          <select
            {...getSelectProps(meta)}
            key={meta.key}
            aria-describedby={describedBy(null, meta.errorId, meta.errors)}
          >
            <option value="">{empty}</option>
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="form-actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
