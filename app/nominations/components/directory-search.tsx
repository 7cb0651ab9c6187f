import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { MAX_SEARCH_RESULTS, MIN_SEARCH_LENGTH } from "../directory-search";
import type { PersonView, SearchView } from "../page-data.server";
import { SEARCH_PARAM } from "../paths";

// The directory search of the pages that pick raters from the organisation: the nomination
// pages (a button per person and group) and HR's page of a participant's invitations (one
// form to choose a person and a group). The search is a GET form, so it works without
// JavaScript; what to do with the people found is the page's.

/** A button next to a search result: a small form that posts the person with an intent. */
export interface PersonAction {
  intent: string;
  label: string;
  /** The button's accessible name, starting with its label: "Voordragen: Jan Jansen als collega". */
  accessibleName: (name: string) => string;
  secondary?: boolean;
}

export function DirectorySearch<Person>({
  id,
  title,
  headingLevel = 2,
  label,
  hint,
  search,
  results,
}: {
  /** The section's id; its heading's, field's and results' ids start with it. */
  id: string;
  title: string;
  headingLevel?: 2 | 3;
  label: string;
  hint?: string;
  search: SearchView<Person>;
  /** The people found, under a heading with the id `labelledBy`. */
  results: (people: Person[], labelledBy: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const inputId = `${id}-query`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  return (
    <section aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{title}</Heading>
      <Form method="get" className="filter-form" role="search" preventScrollReset>
        <label htmlFor={inputId}>{label}</label>
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
        {hint ? (
          <p className="hint" id={hintId}>
            {hint}
          </p>
        ) : null}
      </Form>
      <SearchOutcome
        search={search}
        resultsId={`${id}-results-title`}
        headingLevel={headingLevel}
        results={results}
      />
    </section>
  );
}

function SearchOutcome<Person>({
  search,
  resultsId,
  headingLevel,
  results,
}: {
  search: SearchView<Person>;
  resultsId: string;
  headingLevel: 2 | 3;
  results: (people: Person[], labelledBy: string) => ReactNode;
}) {
  const { t } = useTranslation();
  if (search.status === "empty") return null;
  if (search.status === "too_short") return <p role="status">{t("nominations.search.tooShort")}</p>;
  if (search.results.length === 0) {
    return <p role="status">{t("nominations.search.none", { query: search.query })}</p>;
  }
  const Caption = headingLevel === 2 ? "h3" : "h4";
  return (
    <>
      <Caption id={resultsId}>{t("nominations.search.caption", { query: search.query })}</Caption>
      {results(search.results, resultsId)}
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
