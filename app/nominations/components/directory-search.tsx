import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { MAX_SEARCH_RESULTS, MIN_SEARCH_LENGTH } from "../directory-search";
import { SEARCH_PARAM } from "../notices";
import type { PersonView, SearchView } from "../page-data.server";

/** A button next to a search result: a small form that posts the person with an intent. */
export interface PersonAction {
  intent: string;
  label: string;
  /** The button's accessible name, starting with its label: "Voordragen: Jan Jansen als collega". */
  accessibleName: (name: string) => string;
  secondary?: boolean;
}

/** The directory search (a GET form, so it works without JavaScript) and its results. */
export function DirectorySearch({
  search,
  actions,
  title,
}: {
  search: SearchView;
  actions: PersonAction[];
  title: string;
}) {
  const { t } = useTranslation();
  const inputId = "zoek-collega";
  const hintId = `${inputId}-hint`;
  return (
    <section aria-labelledby="zoeken-title">
      <h2 id="zoeken-title">{title}</h2>
      <Form method="get" className="filter-form" role="search" preventScrollReset>
        <label htmlFor={inputId}>{t("nominations.search.label")}</label>
        <input
          id={inputId}
          type="search"
          name={SEARCH_PARAM}
          defaultValue={search.query}
          minLength={MIN_SEARCH_LENGTH}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={hintId}
        />
        <button type="submit" className="button button--secondary">
          {t("nominations.search.submit")}
        </button>
        <p className="hint" id={hintId}>
          {t("nominations.search.hint")}
        </p>
      </Form>
      <SearchResults search={search} actions={actions} />
    </section>
  );
}

function SearchResults({ search, actions }: { search: SearchView; actions: PersonAction[] }) {
  const { t } = useTranslation();
  if (search.status === "empty") return null;
  if (search.status === "too_short") return <p role="status">{t("nominations.search.tooShort")}</p>;
  if (search.results.length === 0) {
    return <p role="status">{t("nominations.search.none", { query: search.query })}</p>;
  }
  return (
    <>
      <h3 id="resultaten-title">{t("nominations.search.caption", { query: search.query })}</h3>
      <PeopleList people={search.results} actions={actions} labelledBy="resultaten-title" />
      {search.more ? (
        <p className="hint">{t("nominations.search.more", { max: MAX_SEARCH_RESULTS })}</p>
      ) : null}
    </>
  );
}

/** People with a team and buttons, one small form per button. */
export function PeopleList({
  people,
  actions,
  labelledBy,
}: {
  people: PersonView[];
  actions: PersonAction[];
  labelledBy: string;
}) {
  const { t } = useTranslation();
  return (
    <ul className="nomination-list" aria-labelledby={labelledBy}>
      {people.map((person) => (
        <li key={person.id} className="nomination-list__item">
          <span className="nomination-list__who">
            <span className="nomination-list__name">{person.name}</span>
            <span className="muted"> · {person.teamName ?? t("nominations.search.noTeam")}</span>
          </span>
          <span className="nomination-list__actions">
            {actions.map((action) => (
              <Form key={action.intent} method="post" className="nomination-list__action">
                <input type="hidden" name="intent" value={action.intent} />
                <input type="hidden" name="personId" value={person.id} />
                <button
                  type="submit"
                  className={`button button--small${action.secondary ? " button--secondary" : ""}`}
                  aria-label={action.accessibleName(person.name)}
                >
                  {action.label}
                </button>
              </Form>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}
