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
import { parseTeamForm, refusedTeamSave } from "~/people/team-action.server";
import { TeamForm } from "~/people/team-form";
import { listLeadOptions, listTeamOptions, saveTeam } from "~/people/team-store.server";
import { readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";
import { noticeLocation } from "~/utils/notices";
import { TEAM_NOTICES } from "~/teams/notices";

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("people.teams.new.title"));
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const db = await getDb();
  return {
    parentOptions: await listTeamOptions(db, user.organisationId),
    leadOptions: await listLeadOptions(db, user.organisationId),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const submission = parseTeamForm(await readFormBody(request));
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const result = await saveTeam(await getDb(), user, null, submission.value);
  if (result.status === "saved") {
    return redirect(noticeLocation(`/beheer/teams/${result.teamId}`, TEAM_NOTICES, "opgeslagen"));
  }
  return refusedTeamSave(submission, result);
}

export default function NewTeamPage() {
  const { parentOptions, leadOptions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="container narrow">
      <p className="eyebrow">
        <Link to="/beheer/teams">{t("people.teams.list.heading")}</Link>
      </p>
      <h1>{t("people.teams.new.heading")}</h1>
      <TeamForm
        id="nieuw-team"
        defaultValue={{}}
        parentOptions={parentOptions}
        leadOptions={leadOptions}
        lastResult={actionData?.result}
        submitLabel={t("people.teams.new.submit")}
      />
    </div>
  );
}
