import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import {
  FormErrorSummary,
  SelectField,
  TextField,
  useKitForm,
  type FormResult,
} from "~/components/forms";
import { useTranslation } from "~/i18n/use-translation";
import { teamFormSchema, type TeamFormValues } from "./team-schema";

// The form to add or edit a team: its name, the team it falls under, its lead.

export const TEAM_FORM_FIELDS = ["name", "parentTeamId", "leadPersonId"] as const;

interface Option {
  id: string;
  label: string;
}

const choicesOf = (options: Option[]) =>
  options.map((option) => ({ value: option.id, label: option.label }));

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
  lastResult: FormResult | null | undefined;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [form, fields] = useKitForm({ id, schema: teamFormSchema, lastResult, defaultValue });
  const labels = {
    name: t("people.teams.field.name"),
    parentTeamId: t("people.teams.field.parent"),
    leadPersonId: t("people.teams.field.lead"),
  } satisfies Record<(typeof TEAM_FORM_FIELDS)[number], string>;

  return (
    <Form method="post" {...getFormProps(form)} className="stack-form team-form">
      <FormErrorSummary form={form} fields={fields} labels={labels} lastResult={lastResult} />
      <TextField
        field={fields.name}
        label={labels.name}
        hint={t("people.teams.field.nameHint")}
        inputProps={{ autoComplete: "off" }}
      />
      <SelectField
        field={fields.parentTeamId}
        label={labels.parentTeamId}
        emptyOption={t("people.teams.field.noParent")}
        options={choicesOf(parentOptions)}
      />
      <SelectField
        field={fields.leadPersonId}
        label={labels.leadPersonId}
        emptyOption={t("people.teams.field.noLead")}
        options={choicesOf(leadOptions)}
      />
      <div className="form-actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
