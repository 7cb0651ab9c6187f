import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import {
  FormErrorSummary,
  RadioGroup,
  SelectField,
  TextField,
  useKitForm,
  type FormResult,
} from "~/components/forms";
import { useTranslation } from "~/i18n/use-translation";
import { PERSON_ROLES, personFormSchema, type PersonFormValues } from "./person-schema";

// The form to add or edit a person by hand. It is a plain form that works without JavaScript;
// with JavaScript the same schema checks it before it is sent.

export const PERSON_FORM_FIELDS = [
  "employeeNumber",
  "firstName",
  "lastName",
  "email",
  "teamId",
  "profileKey",
  "locale",
  "role",
] as const;

export interface PersonFormProps {
  id: string;
  defaultValue: Partial<Record<keyof PersonFormValues, string>>;
  teamOptions: { id: string; label: string }[];
  /** The organisation's current profiles (and the person's own, if retired since). */
  profileOptions: { id: string; name: string }[];
  lastResult: FormResult | null | undefined;
  submitLabel: string;
  /** Sent as `intent` with the form, when the page has more than one form. */
  intent?: string;
}

/** HR types someone else's details: the browser's own suggestions do not fit. */
const TYPED_BY_HR = { autoComplete: "off", spellCheck: false } as const;

export function PersonForm({
  id,
  defaultValue,
  teamOptions,
  profileOptions,
  lastResult,
  submitLabel,
  intent,
}: PersonFormProps) {
  const { t } = useTranslation();
  const [form, fields] = useKitForm({ id, schema: personFormSchema, lastResult, defaultValue });
  const labels = {
    employeeNumber: t("people.field.employeeNumber"),
    firstName: t("people.field.firstName"),
    lastName: t("people.field.lastName"),
    email: t("people.field.email"),
    teamId: t("people.field.team"),
    profileKey: t("people.field.profile"),
    locale: t("people.field.locale"),
    role: t("people.field.role"),
  } satisfies Record<(typeof PERSON_FORM_FIELDS)[number], string>;

  return (
    <Form method="post" {...getFormProps(form)} className="stack-form person-form">
      <FormErrorSummary form={form} fields={fields} labels={labels} lastResult={lastResult} />
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <TextField
        field={fields.employeeNumber}
        label={labels.employeeNumber}
        inputProps={TYPED_BY_HR}
      />
      <TextField field={fields.firstName} label={labels.firstName} inputProps={TYPED_BY_HR} />
      <TextField field={fields.lastName} label={labels.lastName} inputProps={TYPED_BY_HR} />
      <TextField field={fields.email} label={labels.email} type="email" inputProps={TYPED_BY_HR} />
      <SelectField
        field={fields.teamId}
        label={labels.teamId}
        emptyOption={t("people.field.noTeam")}
        options={teamOptions.map((option) => ({ value: option.id, label: option.label }))}
      />
      <SelectField
        field={fields.profileKey}
        label={labels.profileKey}
        hint={t("people.field.profileHint")}
        emptyOption={t("people.field.noProfile")}
        options={profileOptions.map((option) => ({ value: option.id, label: option.name }))}
      />
      <SelectField
        field={fields.locale}
        label={labels.locale}
        options={[
          { value: "nl", label: t("people.locale.nl") },
          { value: "en", label: t("people.locale.en") },
        ]}
      />
      <RadioGroup
        field={fields.role}
        legend={labels.role}
        hint={t("people.field.roleHint")}
        choices={PERSON_ROLES.map((role) => ({
          value: role,
          label: t(role === "hr_admin" ? "people.role.hr_admin" : "people.role.employee"),
        }))}
      />
      <div className="form-actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
