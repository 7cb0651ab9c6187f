import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import { PEOPLE_NOTICES } from "~/people/notices";
import { parsePersonForm, refusedSave } from "~/people/person-action.server";
import { PersonForm } from "~/people/person-form";
import { createPerson } from "~/people/person-store.server";
import { listTeamOptions } from "~/people/team-store.server";
import { personProfileOptions } from "~/people/person-profile.server";
import { readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";
import { noticeLocation } from "~/utils/notices";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("people.new.title"));
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const db = await getDb();
  const organisation = await db
    .selectFrom("organisation")
    .select("default_locale")
    .where("id", "=", user.organisationId)
    .executeTakeFirstOrThrow();
  return {
    teamOptions: await listTeamOptions(db, user.organisationId),
    profileOptions: await personProfileOptions(db, user.organisationId, null),
    defaultLocale: organisation.default_locale,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const submission = parsePersonForm(await readFormBody(request));
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const result = await createPerson(await getDb(), user, submission.value);
  if (result.status === "saved") {
    return redirect(
      noticeLocation(`/beheer/mensen/${result.personId}`, PEOPLE_NOTICES, "opgeslagen"),
    );
  }
  return refusedSave(submission, result);
}

export default function NewPersonPage() {
  const { teamOptions, profileOptions, defaultLocale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="container narrow">
      <p className="eyebrow">
        <Link to="/beheer/mensen">{t("people.list.heading")}</Link>
      </p>
      <h1>{t("people.new.heading")}</h1>
      <p>{t("people.new.intro")}</p>
      <PersonForm
        id="nieuwe-medewerker"
        defaultValue={{ locale: defaultLocale, role: "employee" }}
        teamOptions={teamOptions}
        profileOptions={profileOptions}
        lastResult={actionData?.result}
        submitLabel={t("people.new.submit")}
      />
    </div>
  );
}
