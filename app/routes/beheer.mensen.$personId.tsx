import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import type { DB } from "#db/database";
import type { Locale } from "#db/schema";
import { formRefusal, RefusalSummary } from "~/components/forms";
import { NoticeBanner } from "~/components/notice";
import { getDb } from "~/db.server";
import { formatMoment } from "~/utils/dates";
import { getLocale } from "~/i18n/locale.server";
import { messageRef, translator } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { parsePersonForm, refusedSave } from "~/people/person-action.server";
import { pendingAddressChange } from "~/people/address-change.server";
import { PEOPLE_NOTICES, SAVED_NOTICE } from "~/people/notices";
import { PersonForm } from "~/people/person-form";
import { loadPerson, setPersonActive, updatePerson } from "~/people/person-store.server";
import { roleOf } from "~/people/person-schema";
import { listTeamOptions } from "~/people/team-store.server";
import { personProfileOptions } from "~/people/person-profile.server";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { badRequest, notFound } from "~/utils/http-errors.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";
import { noticeLocation, readNotice } from "~/utils/notices";
import { fullName } from "~/people/full-name";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleMeta(matches, (t) =>
    data ? t("people.edit.title", { name: data.person.name }) : t("error.notFound.title"),
  );
export const headers = privatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const db = await getDb();
  const person = await loadPerson(db, user.organisationId, params.personId ?? "");
  if (!person) throw notFound();
  return {
    person: { ...person, name: fullName(person) },
    isSelf: person.id === user.id,
    teamOptions: await listTeamOptions(db, user.organisationId),
    profileOptions: await personProfileOptions(db, user.organisationId, person.profileKey),
    notice: readNotice(request, PEOPLE_NOTICES),
    pendingAddress: await pendingAddressView(db, person.id, await getLocale(request)),
  };
}

/** The change waiting for the person's confirmation, as the page shows it. */
async function pendingAddressView(db: DB, personId: string, locale: Locale) {
  const pending = await pendingAddressChange(db, personId);
  if (!pending) return null;
  return { newEmail: pending.newEmail, requestedOn: formatMoment(pending.requestedAt, locale) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const personId = params.personId ?? "";
  const db = await getDb();
  // Another organisation's person (or none) is a 404 before the form is even read.
  if (!(await loadPerson(db, user.organisationId, personId))) throw notFound();
  const body = await readFormBody(request);
  const intent = body.get("intent");
  const path = `/beheer/mensen/${personId}`;

  if (intent === "deactivate" || intent === "reactivate") {
    assertOnlyKnownFields(body, (name) => name === "intent");
    const active = intent === "reactivate";
    const result = await setPersonActive(db, user, personId, active);
    if (result.status === "not_found") throw notFound();
    if (result.status === "own_account") {
      const refused = formRefusal(messageRef("people.edit.ownAccount"));
      return data({ result: undefined, activeResult: refused }, { status: 400 });
    }
    return redirect(
      noticeLocation(path, PEOPLE_NOTICES, active ? "heractiveerd" : "gedeactiveerd"),
    );
  }
  if (intent !== "save") {
    throw badRequest(translator(await getLocale(request)), "http.unknownIntent");
  }

  const submission = parsePersonForm(body);
  if (submission.status !== "success") {
    return data({ result: submission.reply(), activeResult: undefined }, { status: 400 });
  }
  const result = await updatePerson(db, user, personId, submission.value);
  if (result.status === "saved") {
    const notice = SAVED_NOTICE[result.address ?? "unchanged"];
    return redirect(noticeLocation(path, PEOPLE_NOTICES, notice));
  }
  return refusedSave(submission, result);
}

export default function PersonPage() {
  const { person, isSelf, teamOptions, profileOptions, notice, pendingAddress } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const activeResult =
    actionData && "activeResult" in actionData ? actionData.activeResult : undefined;
  return (
    <div className="container narrow">
      <p className="eyebrow">
        <Link to="/beheer/mensen">{t("people.list.heading")}</Link>
      </p>
      <NoticeBanner notice={notice} />
      <h1>{person.name}</h1>
      <p>
        {t(person.isActive ? "people.status.active" : "people.status.inactive")}
        {person.ledTeams.length > 0
          ? ` · ${t("people.edit.leads", { teams: person.ledTeams.map((team) => team.name).join(", ") })}`
          : null}
      </p>

      <section aria-labelledby="details-title">
        <h2 id="details-title">{t("people.edit.details")}</h2>
        {pendingAddress ? (
          <p className="notice">
            {t("people.edit.pendingAddress", {
              email: pendingAddress.newEmail,
              date: pendingAddress.requestedOn,
            })}
          </p>
        ) : null}
        <PersonForm
          id="medewerker"
          intent="save"
          defaultValue={{
            employeeNumber: person.employeeNumber ?? "",
            firstName: person.firstName,
            lastName: person.lastName,
            email: person.email,
            teamId: person.teamId ?? "",
            profileKey: person.profileKey ?? "",
            locale: person.locale,
            role: roleOf(person.isHrAdmin),
          }}
          teamOptions={teamOptions}
          profileOptions={profileOptions}
          lastResult={actionData?.result}
          submitLabel={t("people.edit.submit")}
        />
      </section>

      <section aria-labelledby="account-title">
        <h2 id="account-title">{t("people.edit.account")}</h2>
        <RefusalSummary id="account-errors" result={activeResult} />
        {person.isActive ? (
          isSelf ? (
            <p>{t("people.edit.ownAccount")}</p>
          ) : (
            <Form method="post">
              <p>{t("people.edit.deactivateExplanation")}</p>
              {person.ledTeams.length > 0 ? <p>{t("people.edit.deactivateLeads")}</p> : null}
              <input type="hidden" name="intent" value="deactivate" />
              <button type="submit" className="button button--secondary">
                {t("people.edit.deactivate")}
              </button>
            </Form>
          )
        ) : (
          <Form method="post">
            <p>{t("people.edit.reactivateExplanation")}</p>
            <input type="hidden" name="intent" value="reactivate" />
            <button type="submit" className="button button--secondary">
              {t("people.edit.reactivate")}
            </button>
          </Form>
        )}
      </section>
    </div>
  );
}
