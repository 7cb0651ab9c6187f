import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { notFound } from "~/utils/http-errors.server";
import { NoticeBanner } from "~/components/notice";
import { getDb } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import { parseTeamForm, refusedTeamSave } from "~/people/team-action.server";
import { TeamForm } from "~/people/team-form";
import { listLeadOptions, listTeamOptions, loadTeam, saveTeam } from "~/people/team-store.server";
import { readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";
import { noticeLocation, readNotice } from "~/utils/notices";
import { TEAM_NOTICES } from "~/teams/notices";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleMeta(matches, (t) =>
    data ? t("people.teams.edit.title", { name: data.team.name }) : t("error.notFound.title"),
  );
export const headers = privatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const db = await getDb();
  const team = await loadTeam(db, user.organisationId, params.teamId ?? "");
  if (!team) throw notFound();
  return {
    team,
    // The team cannot fall under itself or under one of its own sub-teams.
    parentOptions: await listTeamOptions(db, user.organisationId, team.id),
    leadOptions: await listLeadOptions(db, user.organisationId),
    notice: readNotice(request, TEAM_NOTICES),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const teamId = params.teamId ?? "";
  const db = await getDb();
  // Another organisation's team (or none) is a 404 before the form is even read.
  if (!(await loadTeam(db, user.organisationId, teamId))) throw notFound();
  const submission = parseTeamForm(await readFormBody(request));
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const result = await saveTeam(db, user, teamId, submission.value);
  if (result.status === "saved") {
    return redirect(noticeLocation(`/beheer/teams/${teamId}`, TEAM_NOTICES, "opgeslagen"));
  }
  return refusedTeamSave(submission, result);
}

export default function EditTeamPage() {
  const { team, parentOptions, leadOptions, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="container narrow">
      <p className="eyebrow">
        <Link to="/beheer/teams">{t("people.teams.list.heading")}</Link>
      </p>
      <NoticeBanner notice={notice} />
      <h1>{t("people.teams.edit.heading", { name: team.name })}</h1>
      <p>
        <Link to={`/teams/${team.id}`}>{t("people.teams.edit.teamPage")}</Link>
      </p>
      <TeamForm
        id="team"
        defaultValue={{
          name: team.name,
          parentTeamId: team.parentTeamId ?? "",
          leadPersonId: team.leadPersonId ?? "",
        }}
        parentOptions={parentOptions}
        leadOptions={leadOptions}
        lastResult={actionData?.result}
        submitLabel={t("people.teams.edit.submit")}
      />
    </div>
  );
}
