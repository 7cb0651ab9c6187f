import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { formatDay } from "~/utils/dates";
import { LATEST_ROUND, SUBMIT_FIELD, type ComparisonForm as FormModel } from "../comparison-model";

/**
 * The choice of teams and round: a plain GET form (works without JavaScript). The teams are
 * checkboxes grouped by department; the round is a select with "each team's latest round".
 */
export function ComparisonForm({
  form,
  problem,
}: {
  form: FormModel;
  problem: "none" | "one" | null;
}) {
  const { t, locale } = useTranslation();
  const teamCount = form.groups.reduce((sum, group) => sum + group.teams.length, 0);
  const messageId = "vergelijk-melding";
  return (
    <Form method="get" action="/teams/vergelijken" className="comparison-form">
      {problem === "one" ? (
        <div className="error-summary" role="alert" id={messageId}>
          <p>{t("teamComparison.form.one")}</p>
        </div>
      ) : null}
      <fieldset
        className="comparison-form__teams"
        aria-describedby={problem === "one" ? `${messageId} teams-hint` : "teams-hint"}
      >
        <legend>{t("teamComparison.form.teams")}</legend>
        <p className="hint" id="teams-hint">
          {teamCount === 0
            ? t("teamComparison.form.noTeams")
            : teamCount === 1
              ? t("teamComparison.form.onlyOneTeam")
              : t("teamComparison.form.teamsHint")}
        </p>
        {form.groups.map((group) => (
          <fieldset key={group.name} className="comparison-form__group">
            <legend>{group.name}</legend>
            {group.teams.map((team) => (
              <label key={team.id} className="checkbox">
                <input
                  type="checkbox"
                  name="team"
                  value={team.id}
                  defaultChecked={form.chosenTeamIds.includes(team.id)}
                />{" "}
                {team.name}
              </label>
            ))}
          </fieldset>
        ))}
      </fieldset>
      <div className="text-field">
        <label htmlFor="ronde">{t("teamComparison.form.round")}</label>
        <select id="ronde" name="ronde" defaultValue={form.ronde}>
          {form.rounds.map((round) => (
            <option key={round.id} value={round.id}>
              {t("teamComparison.form.roundOption", {
                name: round.name,
                date: formatDay(round.day, locale),
              })}
            </option>
          ))}
          <option value={LATEST_ROUND}>{t("teamComparison.form.latest")}</option>
        </select>
        {form.rounds.length === 0 ? (
          <p className="hint">{t("teamComparison.form.noRounds")}</p>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="button" name={SUBMIT_FIELD} value="1">
          {t("teamComparison.form.submit")}
        </button>
      </div>
    </Form>
  );
}
