import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useMemo } from "react";
import { notFound, requireRole } from "~/auth/guards.server";
import { describedBy, FieldError } from "~/components/field-error";
import { TableScroll } from "~/components/table-scroll";
import { hasWithheldGroups } from "~/cycles/progress";
import { getDb } from "~/db.server";
import { getLocale } from "~/i18n/locale.server";
import { relationshipLabel } from "~/i18n/labels";
import { translator, type Translate } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { addLateRater, type AddLateRaterOutcome } from "~/invitations/late-rater.server";
import type { LateRaterGroup } from "~/invitations/late-rater-rules";
import {
  createAddExternalSchema,
  createAddPersonSchema,
  createRevokeSchema,
  FIELDS_OF_INTENT,
  isIntent,
  type LateRaterMessages,
} from "~/invitations/late-rater-schema";
import { resolveInvitationHandle } from "~/invitations/invitation-handle.server";
import { findParticipant, loadParticipantInvitations } from "~/invitations/participant-page.server";
import { searchLateRaters, type LateRaterSearch } from "~/invitations/rater-search.server";
import { revokeInvitation } from "~/invitations/revoke.server";
import { RELATIONSHIP_GROUP } from "~/rater/relationship";
import { dayInOrganisation, formatDay } from "~/utils/dates";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  titleMeta(matches, (t) =>
    t("invitations.participant.title", { name: data?.participant.name ?? "" }),
  );
export const headers = privatePageHeaders;

const SEARCH_PARAM = "zoek";
const NOTICES = { ingetrokken: "revoked", toegevoegd: "added" } as const;

function lateRaterMessages(t: Translate): LateRaterMessages {
  return {
    personRequired: t("invitations.participant.error.personRequired"),
    groupRequired: t("invitations.participant.error.groupRequired"),
    nameRequired: t("invitations.participant.error.nameRequired"),
    nameTooLong: t("invitations.participant.error.nameTooLong"),
    nameNotText: t("invitations.participant.error.nameNotText"),
    emailRequired: t("invitations.participant.error.emailRequired"),
    emailInvalid: t("invitations.participant.error.emailInvalid"),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const db = await getDb();
  const page = await loadParticipantInvitations(
    db,
    user.organisationId,
    params.cycleId ?? "",
    params.participantId ?? "",
  );
  if (!page) throw notFound();
  const url = new URL(request.url);
  const collecting = page.cycle.status === "collecting";
  // An HR admin who takes part in the round does not choose or withdraw their own raters
  // (nobody approves their own nominations): another HR admin does that.
  const ownParticipation = page.participant.personId === user.id;
  const mayChange = collecting && !ownParticipation;
  const query = url.searchParams.get(SEARCH_PARAM)?.slice(0, 100) ?? "";
  const search: LateRaterSearch = mayChange
    ? await searchLateRaters(db, user.organisationId, page.participant.id, query)
    : { status: "empty" };
  const noticeKey = Object.keys(NOTICES).find((key) => url.searchParams.has(key));
  return {
    ...page,
    collecting,
    ownParticipation,
    mayChange,
    query,
    search,
    notice: noticeKey ? NOTICES[noticeKey as keyof typeof NOTICES] : null,
  };
}

function badRequest(): Response {
  return new Response("Onbekend of onvolledig formulier", { status: 400 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const db = await getDb();
  const cycleId = params.cycleId ?? "";
  const participantId = params.participantId ?? "";
  const found = await findParticipant(db, user.organisationId, cycleId, participantId);
  // Not for one's own participation: adding or withdrawing one's own raters is approving them.
  if (!found || found.participant.personId === user.id) throw notFound();

  const body = await readFormBody(request);
  const intent = body.get("intent");
  if (!isIntent(intent)) throw badRequest();
  assertOnlyKnownFields(body, (name) => FIELDS_OF_INTENT[intent].includes(name));
  const t = translator(await getLocale(request));
  const messages = lateRaterMessages(t);
  const pagePath = `/beheer/rondes/${encodeURIComponent(cycleId)}/deelnemers/${encodeURIComponent(participantId)}`;

  if (intent === "revoke") {
    const submission = parseWithZod(body, { schema: createRevokeSchema() });
    if (submission.status !== "success") throw badRequest();
    if (found.cycle.status !== "collecting") throw notCollecting(t);
    const invitationId = await resolveInvitationHandle(db, participantId, submission.value.handle);
    if (!invitationId) throw notFound();
    const revoked = await revokeInvitation(db, {
      organisationId: user.organisationId,
      cycleId,
      participantId,
      invitationId,
      actorPersonId: user.id,
    });
    if (!revoked) throw notFound();
    // The same answer whatever the invitation's state was (answered, declined, open).
    return redirect(`${pagePath}?ingetrokken=1`);
  }

  const submission =
    intent === "add-person"
      ? parseWithZod(body, { schema: createAddPersonSchema(messages) })
      : parseWithZod(body, { schema: createAddExternalSchema(messages) });
  if (submission.status !== "success") {
    return data({ intent, result: submission.reply() }, { status: 400 });
  }
  if (found.cycle.status !== "collecting") {
    return data(
      {
        intent,
        result: submission.reply({
          formErrors: [t("invitations.participant.error.notCollecting")],
        }),
      },
      { status: 400 },
    );
  }
  const value = submission.value;
  const outcome = await addLateRater(db, {
    organisationId: user.organisationId,
    cycleId,
    participantId,
    actorPersonId: user.id,
    rater:
      value.intent === "add-person"
        ? { kind: "person", personId: value.personId, relationship: value.relationship }
        : {
            kind: "external",
            name: value.name,
            email: value.email,
            relationship: value.relationship,
          },
  });
  if (outcome.status === "not_found") throw notFound();
  if (outcome.status === "refused") {
    return data(
      { intent, result: submission.reply(refusalErrors(outcome, t, found.participant.name)) },
      { status: 400 },
    );
  }
  return redirect(`${pagePath}?toegevoegd=1`);
}

function notCollecting(t: Translate): Response {
  return new Response(t("invitations.participant.error.notCollecting"), { status: 400 });
}

/** A refused rater as form errors: on the field it concerns, or for the whole form. */
function refusalErrors(
  outcome: Extract<AddLateRaterOutcome, { status: "refused" }>,
  t: Translate,
  participantName: string,
): { formErrors?: string[]; fieldErrors?: Record<string, string[]> } {
  switch (outcome.reason) {
    case "self":
      return { formErrors: [t("invitations.participant.error.self", { name: participantName })] };
    case "duplicate":
      return {
        formErrors: [t("invitations.participant.error.duplicate", { name: participantName })],
      };
    case "group_closed":
      return {
        fieldErrors: { relationship: [t("invitations.participant.error.groupClosed")] },
      };
    case "unknown_person":
      return { fieldErrors: { personId: [t("invitations.participant.error.unknownPerson")] } };
  }
}

function formatSentDay(iso: string | null, locale: "nl" | "en", t: Translate): string {
  return iso
    ? formatDay(dayInOrganisation(new Date(iso)), locale)
    : t("invitations.participant.list.notSent");
}

export default function ParticipantInvitationsPage() {
  const page = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const location = useLocation();
  const { cycle, participant } = page;
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to={`/beheer/rondes/${cycle.id}`}>
          {t("invitations.participant.backToCycle", { cycle: cycle.name })}
        </Link>
      </p>
      <h1>{t("invitations.participant.heading", { name: participant.name })}</h1>
      {page.notice ? (
        <p className="notice notice--success" role="status">
          {t(
            page.notice === "revoked"
              ? "invitations.participant.notice.revoked"
              : "invitations.participant.notice.added",
          )}
        </p>
      ) : null}
      <p className="muted">{t("invitations.participant.privacy")}</p>
      {page.collecting ? null : (
        <p className="notice">{t("invitations.participant.notCollecting")}</p>
      )}
      {page.collecting && page.ownParticipation ? (
        <p className="notice">{t("invitations.participant.ownParticipation")}</p>
      ) : null}

      <section aria-labelledby="counts-title">
        <h2 id="counts-title">{t("invitations.participant.counts.title")}</h2>
        {page.counts.length === 0 ? (
          <p>{t("invitations.participant.counts.empty")}</p>
        ) : (
          <TableScroll label={t("invitations.participant.counts.title")}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("invitations.participant.counts.group")}</th>
                  <th scope="col" className="numeric">
                    {t("invitations.participant.counts.invited")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("invitations.participant.counts.answered")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("invitations.participant.counts.declined")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("invitations.participant.counts.revoked")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.counts.map((group) => (
                  <tr key={group.relationship}>
                    <th scope="row">{t(RELATIONSHIP_GROUP[group.relationship])}</th>
                    <td className="numeric">{group.invited}</td>
                    {group.shown ? (
                      <>
                        <td className="numeric">{group.answered}</td>
                        <td className="numeric">{group.declined}</td>
                      </>
                    ) : (
                      <td colSpan={2} className="muted">
                        {t("invitations.participant.counts.withheld")}
                      </td>
                    )}
                    <td className="numeric">{group.revoked}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {hasWithheldGroups(page.counts) ? (
          <p className="hint">{t("invitations.participant.counts.withheldNote")}</p>
        ) : null}
      </section>

      <section aria-labelledby="invited-title">
        <h2 id="invited-title">{t("invitations.participant.list.title")}</h2>
        {page.invitations.length === 0 ? (
          <p>{t("invitations.participant.list.empty")}</p>
        ) : (
          <TableScroll label={t("invitations.participant.list.title")}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("invitations.participant.list.rater")}</th>
                  <th scope="col">{t("invitations.participant.list.group")}</th>
                  <th scope="col">{t("invitations.participant.list.sentAt")}</th>
                  {page.mayChange ? (
                    <th scope="col">{t("invitations.participant.list.action")}</th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {page.invitations.map((invitation) => (
                  <tr key={invitation.handle}>
                    <th scope="row">
                      {invitation.raterName}
                      <br />
                      <span className="muted">{invitation.raterEmail}</span>
                    </th>
                    <td>{t(relationshipLabel[invitation.relationship])}</td>
                    <td>{formatSentDay(invitation.sentAt, locale, t)}</td>
                    {page.mayChange ? (
                      <td>
                        <Form method="post" action={location.pathname}>
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="handle" value={invitation.handle} />
                          <button
                            type="submit"
                            className="button button--secondary"
                            aria-label={t("invitations.participant.revokeLabel", {
                              name: invitation.raterName,
                            })}
                          >
                            {t("invitations.participant.revoke")}
                          </button>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      {page.revoked.length > 0 ? (
        <section aria-labelledby="revoked-title">
          <h2 id="revoked-title">{t("invitations.participant.revoked.title")}</h2>
          <TableScroll label={t("invitations.participant.revoked.title")}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("invitations.participant.list.rater")}</th>
                  <th scope="col">{t("invitations.participant.list.group")}</th>
                  <th scope="col">{t("invitations.participant.revoked.at")}</th>
                </tr>
              </thead>
              <tbody>
                {page.revoked.map((invitation) => (
                  <tr key={invitation.handle}>
                    <th scope="row">
                      {invitation.raterName}
                      <br />
                      <span className="muted">{invitation.raterEmail}</span>
                    </th>
                    <td>{t(relationshipLabel[invitation.relationship])}</td>
                    <td>{formatSentDay(invitation.revokedAt, locale, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ) : null}

      {page.mayChange ? (
        <AddRaterSection groups={page.cycle.groups} query={page.query} search={page.search} />
      ) : null}
    </div>
  );
}

function AddRaterSection({
  groups,
  query,
  search,
}: {
  groups: LateRaterGroup[];
  query: string;
  search: LateRaterSearch;
}) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const messages = useMemo(() => lateRaterMessages(t), [t]);
  const [personForm, personFields] = useForm({
    id: "add-person",
    lastResult: actionData?.intent === "add-person" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: createAddPersonSchema(messages) }),
  });
  const [externalForm, externalFields] = useForm({
    id: "add-external",
    lastResult: actionData?.intent === "add-external" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: createAddExternalSchema(messages) }),
    defaultValue: { relationship: "customer" },
  });

  return (
    <section aria-labelledby="add-title">
      <h2 id="add-title">{t("invitations.participant.add.title")}</h2>
      <p>{t("invitations.participant.add.intro")}</p>

      <h3 id="add-person-title">{t("invitations.participant.add.person.title")}</h3>
      <Form method="get" className="filter-form" aria-labelledby="add-person-title">
        <label htmlFor="late-rater-search">{t("invitations.participant.add.search.label")}</label>
        <input
          id="late-rater-search"
          type="search"
          name={SEARCH_PARAM}
          defaultValue={query}
          autoComplete="off"
        />
        <button type="submit" className="button button--secondary">
          {t("invitations.participant.add.search.submit")}
        </button>
      </Form>
      {search.status === "too_short" ? (
        <p role="status">{t("invitations.participant.add.search.tooShort")}</p>
      ) : null}
      {search.status === "done" && search.candidates.length === 0 ? (
        <p role="status">{t("invitations.participant.add.search.none", { query: search.query })}</p>
      ) : null}
      {search.status === "done" && search.candidates.length > 0 ? (
        <Form
          method="post"
          action={`${location.pathname}?${SEARCH_PARAM}=${encodeURIComponent(query)}`}
          {...getFormProps(personForm)}
        >
          <input type="hidden" name="intent" value="add-person" />
          <FormErrors errors={personForm.errors} id={personForm.errorId} />
          <fieldset
            aria-describedby={describedBy(
              null,
              personFields.personId.errorId,
              personFields.personId.errors,
            )}
          >
            <legend>{t("invitations.participant.add.person.legend")}</legend>
            <FieldError id={personFields.personId.errorId} errors={personFields.personId.errors} />
            {search.candidates.map((candidate) => (
              <div key={candidate.id}>
                <label className="checkbox">
                  <input
                    type="radio"
                    name={personFields.personId.name}
                    value={candidate.id}
                    defaultChecked={personFields.personId.initialValue === candidate.id}
                    disabled={candidate.unavailable !== null}
                  />
                  <span>
                    {candidate.name}
                    {candidate.teamName ? ` (${candidate.teamName})` : ""}
                    {candidate.unavailable ? (
                      <span className="muted">
                        {" "}
                        –{" "}
                        {t(
                          candidate.unavailable === "participant"
                            ? "invitations.participant.add.person.isParticipant"
                            : "invitations.participant.add.person.alreadyInvited",
                        )}
                      </span>
                    ) : null}
                  </span>
                </label>
              </div>
            ))}
          </fieldset>
          {search.more ? (
            <p className="hint">{t("invitations.participant.add.search.more")}</p>
          ) : null}
          <GroupChoice field={personFields.relationship} groups={groups} fallback="colleague" />
          <div className="form-actions">
            <button type="submit" className="button">
              {t("invitations.participant.add.submit")}
            </button>
          </div>
        </Form>
      ) : null}

      <h3 id="add-external-title">{t("invitations.participant.add.external.title")}</h3>
      <Form
        method="post"
        action={location.pathname}
        {...getFormProps(externalForm)}
        aria-labelledby="add-external-title"
      >
        <input type="hidden" name="intent" value="add-external" />
        <FormErrors errors={externalForm.errors} id={externalForm.errorId} />
        <div className="text-field">
          <label htmlFor={externalFields.name.id}>
            {t("invitations.participant.add.external.name")}
          </label>
          <FieldError id={externalFields.name.errorId} errors={externalFields.name.errors} />
          <input
            {...getInputProps(externalFields.name, { type: "text" })}
            autoComplete="off"
            aria-describedby={describedBy(
              null,
              externalFields.name.errorId,
              externalFields.name.errors,
            )}
          />
        </div>
        <div className="text-field">
          <label htmlFor={externalFields.email.id}>
            {t("invitations.participant.add.external.email")}
          </label>
          <FieldError id={externalFields.email.errorId} errors={externalFields.email.errors} />
          <input
            {...getInputProps(externalFields.email, { type: "email" })}
            autoComplete="off"
            inputMode="email"
            spellCheck={false}
            aria-describedby={describedBy(
              null,
              externalFields.email.errorId,
              externalFields.email.errors,
            )}
          />
        </div>
        <GroupChoice field={externalFields.relationship} groups={groups} fallback="customer" />
        <div className="form-actions">
          <button type="submit" className="button">
            {t("invitations.participant.add.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

function FormErrors({ errors, id }: { errors?: string[]; id: string }) {
  if (!errors?.length) return null;
  return (
    <div className="error-summary" role="alert" id={id}>
      <p>{errors.join(" ")}</p>
    </div>
  );
}

/** The group a late rater joins, as radio buttons in a fieldset. */
function GroupChoice({
  field,
  groups,
  fallback,
}: {
  field: { name: string; initialValue?: unknown; errorId: string; errors?: string[] };
  groups: LateRaterGroup[];
  fallback: LateRaterGroup;
}) {
  const { t } = useTranslation();
  const chosen = typeof field.initialValue === "string" ? field.initialValue : fallback;
  return (
    <fieldset aria-describedby={describedBy(null, field.errorId, field.errors)}>
      <legend>{t("invitations.participant.add.group.legend")}</legend>
      <FieldError id={field.errorId} errors={field.errors} />
      {groups.map((group) => (
        <div key={group}>
          <label className="checkbox">
            <input type="radio" name={field.name} value={group} defaultChecked={chosen === group} />
            <span>{t(relationshipLabel[group])}</span>
          </label>
        </div>
      ))}
    </fieldset>
  );
}
