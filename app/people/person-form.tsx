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
import {
  createPersonFormSchema,
  PERSON_ROLES,
  type PersonFormValues,
  type PersonMessage,
} from "./person-schema";

// The form to add or edit a person by hand. It is a plain form that works without JavaScript;
// with JavaScript the same schema checks it before it is sent.

export const PERSON_FORM_FIELDS = [
  "employeeNumber",
  "firstName",
  "lastName",
  "email",
  "teamId",
  "locale",
  "role",
] as const;

export function personMessages(t: Translate): PersonMessage {
  return (issue) => t(problemMessageKey(issue));
}

export interface PersonFormProps {
  id: string;
  defaultValue: Partial<Record<keyof PersonFormValues, string>>;
  teamOptions: { id: string; label: string }[];
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
  /** Sent as `intent` with the form, when the page has more than one form. */
  intent?: string;
}

export function PersonForm({
  id,
  defaultValue,
  teamOptions,
  lastResult,
  submitLabel,
  intent,
}: PersonFormProps) {
  const { t } = useTranslation();
  const messages = useMemo(() => personMessages(t), [t]);
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: createPersonFormSchema(messages) }),
  });
  // HR types someone else's details: autocomplete is off, the browser's own do not fit.
  const textFields = [
    { meta: fields.employeeNumber, label: t("people.field.employeeNumber"), type: "text" },
    { meta: fields.firstName, label: t("people.field.firstName"), type: "text" },
    { meta: fields.lastName, label: t("people.field.lastName"), type: "text" },
    { meta: fields.email, label: t("people.field.email"), type: "email" },
  ] as const;
  const roleHintId = `${id}-role-hint`;

  return (
    <Form method="post" {...getFormProps(form)} className="stack-form person-form">
      {form.errors?.length ? (
        <div className="error-summary" role="alert" id={form.errorId}>
          <p>{form.errors.join(" ")}</p>
        </div>
      ) : null}
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      {textFields.map(({ meta, label, type }) => (
        <div className="text-field" key={meta.name}>
          <label htmlFor={meta.id}>{label}</label>
          <FieldError id={meta.errorId} errors={meta.errors} />
          <input
            {...getInputProps(meta, { type })}
            key={meta.key}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={describedBy(null, meta.errorId, meta.errors)}
          />
        </div>
      ))}
      <div className="text-field">
        <label htmlFor={fields.teamId.id}>{t("people.field.team")}</label>
        <FieldError id={fields.teamId.errorId} errors={fields.teamId.errors} />
        <select
          {...getSelectProps(fields.teamId)}
          key={fields.teamId.key}
          aria-describedby={describedBy(null, fields.teamId.errorId, fields.teamId.errors)}
        >
          <option value="">{t("people.field.noTeam")}</option>
          {teamOptions.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="text-field">
        <label htmlFor={fields.locale.id}>{t("people.field.locale")}</label>
        <FieldError id={fields.locale.errorId} errors={fields.locale.errors} />
        <select
          {...getSelectProps(fields.locale)}
          key={fields.locale.key}
          aria-describedby={describedBy(null, fields.locale.errorId, fields.locale.errors)}
        >
          <option value="nl">{t("people.locale.nl")}</option>
          <option value="en">{t("people.locale.en")}</option>
        </select>
      </div>
      <fieldset
        className="choice-group"
        aria-describedby={describedBy(roleHintId, fields.role.errorId, fields.role.errors)}
      >
        <legend>{t("people.field.role")}</legend>
        <p className="hint" id={roleHintId}>
          {t("people.field.roleHint")}
        </p>
        <FieldError id={fields.role.errorId} errors={fields.role.errors} />
        {PERSON_ROLES.map((role) => (
          <label className="checkbox" key={role}>
            <input
              {...getInputProps(fields.role, { type: "radio", value: role })}
              key={`${fields.role.key}-${role}`}
              aria-describedby={undefined}
            />
            {t(role === "hr_admin" ? "people.role.hr_admin" : "people.role.employee")}
          </label>
        ))}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
