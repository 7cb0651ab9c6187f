import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import type { ParticipantNominationStatus } from "#db/schema";
import { FieldError } from "~/components/field-error";
import { TableScroll } from "~/components/table-scroll";
import { requireCycleForHr } from "~/cycles/cycle-access.server";
import {
  addPerson,
  addTeams,
  listParticipants,
  listTeamOptions,
  removeParticipant,
  searchPeople,
  type AddParticipantsOutcome,
} from "~/cycles/participants.server";
import {
  createAddTeamsSchema,
  createParticipantsActionSchema,
  isParticipantsFormField,
  TEAM_FIELD_PREFIX,
} from "~/cycles/participants-schema";
import { mayChangeParticipants } from "~/cycles/settings-locks";
import { getLocale } from "~/i18n/locale.server";
import { translator, type MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleMeta(matches, (t) =>
    data ? t("cycles.participants.title", { name: data.cycle.name }) : t("error.notFound.title"),
  );
export const headers = privatePageHeaders;

const SEARCH_MAX = 100;

function count(params: URLSearchParams, name: string): number {
  const value = Number(params.get(name) ?? "0");
  return Number.isInteger(value) && value > 0 ? value : 0;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, cycle } = await requireCycleForHr(request, params.cycleId);
  const url = new URL(request.url);
  const query = (url.searchParams.get("zoek") ?? "").trim().slice(0, SEARCH_MAX);
  const editable = mayChangeParticipants(cycle.status);
  return {
    cycle: { id: cycle.id, name: cycle.name, status: cycle.status },
    editable,
    participants: await listParticipants(db, cycle.id),
    teams: editable ? await listTeamOptions(db, user.organisationId) : [],
    query,
    search:
      editable && query
        ? await searchPeople(db, {
            organisationId: user.organisationId,
            cycleId: cycle.id,
            query,
          })
        : null,
    notice: url.searchParams.has("toegevoegd")
      ? {
          kind: "added" as const,
          added: count(url.searchParams, "toegevoegd"),
          alreadyIn: count(url.searchParams, "al"),
          inactive: count(url.searchParams, "inactief"),
        }
      : url.searchParams.has("verwijderd")
        ? { kind: "removed" as const }
        : null,
  };
}

function addedRedirect(
  cycleId: string,
  outcome: Extract<AddParticipantsOutcome, { status: "added" }>,
) {
  const search = new URLSearchParams({
    toegevoegd: String(outcome.added),
    al: String(outcome.alreadyIn),
    inactief: String(outcome.inactive),
  });
  return redirect(`/beheer/rondes/${cycleId}/deelnemers?${search}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, cycle } = await requireCycleForHr(request, params.cycleId);
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, isParticipantsFormField);
  const t = translator(await getLocale(request));
  const submission = parseWithZod(body, { schema: createParticipantsActionSchema(t) });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const base = { organisationId: user.organisationId, cycleId: cycle.id, actorPersonId: user.id };
  const closed = () =>
    data(
      { result: submission.reply({ formErrors: [t("cycles.participants.error.closed")] }) },
      { status: 409 },
    );
  const value = submission.value;
  if (value.intent === "remove") {
    const outcome = await removeParticipant(db, { ...base, participantId: value.participantId });
    if (outcome === "closed") return closed();
    if (outcome === "not_found") {
      return data(
        { result: submission.reply({ formErrors: [t("cycles.participants.error.gone")] }) },
        { status: 404 },
      );
    }
    return redirect(`/beheer/rondes/${cycle.id}/deelnemers?verwijderd=1`);
  }
  const outcome =
    value.intent === "add-teams"
      ? await addTeams(db, {
          ...base,
          teamIds: value.teams,
          includeSubTeams: Boolean(value.includeSubTeams),
        })
      : await addPerson(db, { ...base, personId: value.personId });
  if (outcome.status === "closed") return closed();
  if (outcome.status === "unknown") {
    return data(
      { result: submission.reply({ formErrors: [t("cycles.participants.error.unknown")] }) },
      { status: 400 },
    );
  }
  return addedRedirect(cycle.id, outcome);
}

const NOMINATION_STATUS: Record<ParticipantNominationStatus, MessageKey> = {
  open: "cycles.participants.nominations.open",
  submitted: "cycles.participants.nominations.submitted",
  approved: "cycles.participants.nominations.approved",
};

export default function ParticipantsPage() {
  const { cycle, editable, participants, teams, query, search, notice } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const addTeamsSchema = useMemo(() => createAddTeamsSchema(t), [t]);
  const [teamsForm, teamsFields] = useForm({
    id: "teams-toevoegen",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addTeamsSchema }),
  });
  const formErrors = actionData?.result.error?.[""] ?? null;
  const showNominations = cycle.status === "nominating";
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to={`/beheer/rondes/${cycle.id}`}>{cycle.name}</Link>
      </p>
      <h1>{t("cycles.participants.heading")}</h1>

      {notice?.kind === "added" ? (
        <p className="notice notice--success" role="status">
          {[
            t("cycles.participants.notice.added", { count: notice.added }),
            notice.alreadyIn > 0
              ? t("cycles.participants.notice.alreadyIn", { count: notice.alreadyIn })
              : null,
            notice.inactive > 0
              ? t("cycles.participants.notice.inactive", { count: notice.inactive })
              : null,
          ]
            .filter(Boolean)
            .join(" ")}
        </p>
      ) : notice?.kind === "removed" ? (
        <p className="notice notice--success" role="status">
          {t("cycles.participants.notice.removed")}
        </p>
      ) : null}
      {formErrors?.length ? (
        <div className="error-summary" role="alert">
          <p>{formErrors.join(" ")}</p>
        </div>
      ) : null}

      {editable ? (
        <>
          <p>
            {t(
              cycle.status === "nominating"
                ? "cycles.participants.intro.nominating"
                : "cycles.participants.intro.draft",
            )}
          </p>
          <section aria-labelledby="add-teams-title">
            <h2 id="add-teams-title">{t("cycles.participants.teams.title")}</h2>
            {teams.length === 0 ? (
              <p>{t("cycles.participants.teams.empty")}</p>
            ) : (
              <Form method="post" {...getFormProps(teamsForm)}>
                <input type="hidden" name="intent" value="add-teams" />
                <fieldset
                  className="team-choices"
                  aria-describedby={
                    teamsFields.teams.errors?.length ? teamsFields.teams.errorId : undefined
                  }
                >
                  <legend>{t("cycles.participants.teams.legend")}</legend>
                  <FieldError id={teamsFields.teams.errorId} errors={teamsFields.teams.errors} />
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

          <section aria-labelledby="add-person-title">
            <h2 id="add-person-title">{t("cycles.participants.person.title")}</h2>
            <Form method="get" className="filter-form" role="search">
              <label htmlFor="zoek">{t("cycles.participants.person.search")}</label>
              <input
                id="zoek"
                type="text"
                name="zoek"
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
                <ul
                  className="item-list"
                  aria-label={t("cycles.participants.person.results", { query })}
                >
                  {search.people.map((person) => (
                    <li key={person.id} className="item-list__item person-result">
                      <div>
                        <p className="item-list__title">{person.name}</p>
                        <p className="muted">
                          {[person.jobTitle, person.teamName, person.email]
                            .filter(Boolean)
                            .join(" · ")}
                        </p>
                      </div>
                      {person.isParticipant ? (
                        <p>{t("cycles.participants.person.alreadyIn")}</p>
                      ) : (
                        <Form method="post">
                          <input type="hidden" name="intent" value="add-person" />
                          <input type="hidden" name="personId" value={person.id} />
                          <button type="submit" className="button button--secondary">
                            {t("cycles.participants.person.add")}
                            <span className="visually-hidden"> {person.name}</span>
                          </button>
                        </Form>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </>
      ) : (
        <p className="notice">{t("cycles.participants.locked")}</p>
      )}

      <section aria-labelledby="participants-title">
        <h2 id="participants-title">
          {t("cycles.participants.list.title", { count: participants.length })}
        </h2>
        {participants.length === 0 ? (
          <p>{t("cycles.participants.list.empty")}</p>
        ) : (
          <>
            {editable && cycle.status === "nominating" ? (
              <p className="hint">{t("cycles.participants.list.removeHint")}</p>
            ) : null}
            <TableScroll label={t("cycles.participants.list.caption")}>
              <table className="data-table data-table--compact">
                <thead>
                  <tr>
                    <th scope="col">{t("cycles.participants.list.name")}</th>
                    <th scope="col">{t("cycles.participants.list.team")}</th>
                    <th scope="col">{t("cycles.participants.list.manager")}</th>
                    {showNominations ? (
                      <th scope="col">{t("cycles.participants.list.nominations")}</th>
                    ) : null}
                    {editable ? (
                      <th scope="col">
                        <span className="visually-hidden">
                          {t("cycles.participants.list.actions")}
                        </span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {participants.map((participant) => (
                    <tr key={participant.id}>
                      <th scope="row">{participant.name}</th>
                      <td>{participant.teamName ?? "—"}</td>
                      <td>{participant.managerName ?? t("cycles.participants.list.noManager")}</td>
                      {showNominations ? (
                        <td>{t(NOMINATION_STATUS[participant.nominationStatus])}</td>
                      ) : null}
                      {editable ? (
                        <td>
                          <Form method="post">
                            <input type="hidden" name="intent" value="remove" />
                            <input type="hidden" name="participantId" value={participant.id} />
                            <button type="submit" className="link-button">
                              {t("cycles.participants.list.remove")}
                              <span className="visually-hidden"> {participant.name}</span>
                            </button>
                          </Form>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        )}
      </section>
    </div>
  );
}
