import { getFormProps, getInputProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useMemo } from "react";
import {
  describedBy,
  ErrorList,
  FormErrorSummary,
  SelectField,
  useKitForm,
  type FormResult,
} from "~/components/forms";
import { messageRef } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { formatDay } from "~/utils/dates";
import {
  comparisonFormSchema,
  LATEST_CYCLE,
  SUBMIT_FIELD,
  type ComparisonForm as FormModel,
} from "../comparison-model";

/**
 * The server's "one team" answer (a browser without JavaScript sent the form) as the form's
 * result, so it shows like any refused form; with JavaScript the schema stops it first.
 */
function oneTeamResult(model: FormModel): FormResult {
  return {
    status: "error",
    initialValue: { team: model.chosenTeamIds, ronde: model.ronde },
    error: { team: [messageRef("teamComparison.form.one")] },
  };
}

/**
 * The choice of teams and round: a plain GET form (works without JavaScript). The teams are
 * checkboxes grouped by department; the round is a select with "each team's latest round".
 */
export function ComparisonForm({
  form: model,
  problem,
}: {
  form: FormModel;
  problem: "none" | "one" | null;
}) {
  const { t, locale } = useTranslation();
  const lastResult = useMemo(
    () => (problem === "one" ? oneTeamResult(model) : null),
    [problem, model],
  );
  const [form, fields] = useKitForm({
    id: "vergelijk",
    schema: comparisonFormSchema,
    lastResult,
    defaultValue: { team: model.chosenTeamIds, ronde: model.ronde },
  });
  const teamCount = model.groups.reduce((sum, group) => sum + group.teams.length, 0);
  const teamsHintId = `${fields.team.id}-hint`;
  let checkboxIndex = 0;
  return (
    <Form
      method="get"
      action="/teams/vergelijken"
      className="comparison-form"
      {...getFormProps(form)}
    >
      {/* An alert: without JavaScript the refused form comes back as a new page. */}
      <FormErrorSummary
        form={form}
        fields={fields}
        labels={{ team: t("teamComparison.form.teams") }}
        lastResult={lastResult}
        role="alert"
      />
      <fieldset
        className="comparison-form__teams"
        aria-describedby={describedBy(teamsHintId, fields.team.errorId, fields.team.errors)}
      >
        <legend>{t("teamComparison.form.teams")}</legend>
        <p className="hint" id={teamsHintId}>
          {teamCount === 0
            ? t("teamComparison.form.noTeams")
            : teamCount === 1
              ? t("teamComparison.form.onlyOneTeam")
              : t("teamComparison.form.teamsHint")}
        </p>
        <ErrorList id={fields.team.errorId} errors={fields.team.errors} />
        {model.groups.map((group) => (
          <fieldset key={group.name} className="comparison-form__group">
            <legend>{group.name}</legend>
            {group.teams.map((team) => {
              // The first box carries the field's id: the error summary links to it.
              const index = checkboxIndex++;
              return (
                <label key={team.id} className="checkbox">
                  <input
                    {...getInputProps(fields.team, { type: "checkbox", value: team.id })}
                    key={`${fields.team.key}-${team.id}`}
                    id={index === 0 ? fields.team.id : `${fields.team.id}-${index}`}
                    aria-describedby={undefined}
                  />{" "}
                  {team.name}
                </label>
              );
            })}
          </fieldset>
        ))}
      </fieldset>
      <SelectField
        field={fields.ronde}
        label={t("teamComparison.form.round")}
        hint={model.cycles.length === 0 ? t("teamComparison.form.noRounds") : undefined}
        options={[
          ...model.cycles.map((cycle) => ({
            value: cycle.id,
            label: t("teamComparison.form.roundOption", {
              name: cycle.name,
              date: formatDay(cycle.day, locale),
            }),
          })),
          { value: LATEST_CYCLE, label: t("teamComparison.form.latest") },
        ]}
      />
      <div className="form-actions">
        <button type="submit" className="button" name={SUBMIT_FIELD} value="1">
          {t("teamComparison.form.submit")}
        </button>
      </div>
    </Form>
  );
}
