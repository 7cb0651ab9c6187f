import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { describedBy, ErrorList, useKitForm, type FormResult } from "~/components/forms";
import { useTranslation } from "~/i18n/use-translation";
import type { PersonOption, TeamOption } from "../participants.server";
import { SEARCH_MAX, SEARCH_PARAM } from "~/nominations/paths";
import { addTeamsSchema, TEAM_FIELD_PREFIX } from "../participants-schema";
import { PersonActionForm } from "./person-action-form";

// The participants page's two ways in: whole teams (with the teams under them), or one
// person found by search. Either posts to the page, told apart by `intent`.

/** The organisation's teams as check boxes, indented by depth. */
export function AddTeamsForm({
  teams,
  lastResult,
}: {
  teams: readonly TeamOption[];
  lastResult?: FormResult | null;
}) {
  const { t } = useTranslation();
  const [form, fields] = useKitForm({ id: "teams-toevoegen", schema: addTeamsSchema, lastResult });
  return (
    <section aria-labelledby="add-teams-title">
      <h2 id="add-teams-title">{t("cycles.participants.teams.title")}</h2>
      {teams.length === 0 ? (
        <p>{t("cycles.participants.teams.empty")}</p>
      ) : (
        // Not the kit's RadioGroup: every team's box has a name of its own ("teams.<id>").
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="add-teams" />
          <fieldset
            className="team-choices"
            aria-describedby={describedBy(null, fields.teams.errorId, fields.teams.errors)}
          >
            <legend>{t("cycles.participants.teams.legend")}</legend>
            <ErrorList id={fields.teams.errorId} errors={fields.teams.errors} />
            {teams.map((team) => (
              <label
                key={team.id}
                className={`checkbox team-choice team-choice--depth-${Math.min(team.depth, 3)}`}
              >
                <input type="checkbox" name={`${TEAM_FIELD_PREFIX}${team.id}`} />
                <span>
                  {team.name}{" "}
                  <span className="muted">
                    {team.parentName
                      ? t("cycles.participants.teams.optionUnder", {
                          count: team.activeMembers,
                          parent: team.parentName,
                        })
                      : t("cycles.participants.teams.option", { count: team.activeMembers })}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <label className="checkbox">
            <input type="checkbox" name="includeSubTeams" />
            {t("cycles.participants.teams.includeSubTeams")}
          </label>
          <p className="hint">{t("cycles.participants.teams.hint")}</p>
          <div className="form-actions">
            <button type="submit" className="button">
              {t("cycles.participants.teams.submit")}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}

/** Search the organisation's active people (a GET form) and add one of the results. */
export function AddPersonSearch({
  query,
  search,
}: {
  query: string;
  search: { people: readonly PersonOption[]; more: boolean } | null;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="add-person-title">
      <h2 id="add-person-title">{t("cycles.participants.person.title")}</h2>
      <Form method="get" className="filter-form" role="search">
        <label htmlFor={SEARCH_PARAM}>{t("cycles.participants.person.search")}</label>
        <input
          id={SEARCH_PARAM}
          type="text"
          name={SEARCH_PARAM}
          defaultValue={query}
          maxLength={SEARCH_MAX}
        />
        <button type="submit" className="button button--secondary">
          {t("cycles.participants.person.submitSearch")}
        </button>
      </Form>
      {search === null ? null : search.people.length === 0 ? (
        <p role="status">{t("cycles.participants.person.none", { query })}</p>
      ) : (
        <>
          {search.more ? (
            <p className="hint">
              {t("cycles.participants.person.more", { count: search.people.length })}
            </p>
          ) : null}
          <ul className="item-list" aria-label={t("cycles.participants.person.results", { query })}>
            {search.people.map((person) => (
              <li key={person.id} className="item-list__item person-result">
                <div>
                  <p className="item-list__title">{person.name}</p>
                  <p className="muted">
                    {[person.jobTitle, person.teamName, person.email].filter(Boolean).join(" · ")}
                  </p>
                </div>
                {person.isParticipant ? (
                  <p>{t("cycles.participants.person.alreadyIn")}</p>
                ) : (
                  <PersonActionForm
                    intent="add-person"
                    idField="personId"
                    person={person}
                    label={t("cycles.participants.person.add")}
                    buttonClassName="button button--secondary"
                  />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
