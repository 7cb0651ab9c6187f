import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms";
import { NoticeBanner } from "~/components/notice";
import { AddPersonSearch, AddTeamsForm } from "~/cycles/components/add-participants";
import { ParticipantList } from "~/cycles/components/participant-list";
import { requireCycleForHr } from "~/cycles/cycle-access.server";
import {
  addPersonAction,
  addTeamsAction,
  loadParticipantsPage,
  removeParticipantAction,
  setProfileAction,
} from "~/cycles/participants-page.server";
import { isParticipantsFormField, participantsActionSchema } from "~/cycles/participants-schema";
import { useTranslation } from "~/i18n/use-translation";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleMeta(matches, (t) =>
    data ? t("cycles.participants.title", { name: data.cycle.name }) : t("error.notFound.title"),
  );
export const headers = privatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireCycleForHr(request, params.cycleId);
  return loadParticipantsPage(context, request);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireCycleForHr(request, params.cycleId);
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, isParticipantsFormField);
  const submission = parseWithZod(body, { schema: participantsActionSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const value = submission.value;
  switch (value.intent) {
    case "add-teams":
      return addTeamsAction(context, submission, {
        teamIds: value.teams,
        includeSubTeams: Boolean(value.includeSubTeams),
      });
    case "add-person":
      return addPersonAction(context, submission, value.personId);
    case "remove":
      return removeParticipantAction(context, submission, value.participantId);
    case "set-profile":
      return setProfileAction(context, submission, value);
  }
}

export default function ParticipantsPage() {
  const { cycle, editable, participants, profiles, teams, query, search, notice } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to={`/beheer/rondes/${cycle.id}`}>{cycle.name}</Link>
      </p>
      <h1>{t("cycles.participants.heading")}</h1>
      <NoticeBanner notice={notice} />
      <ErrorSummary
        id="participants-problems"
        role="alert"
        formErrors={actionData?.result.error?.[""] ?? undefined}
        lastResult={actionData?.result}
      />

      {editable ? (
        <>
          <p>
            {t(
              cycle.status === "nominating"
                ? "cycles.participants.intro.nominating"
                : "cycles.participants.intro.draft",
            )}
          </p>
          <AddTeamsForm teams={teams} lastResult={actionData?.result} />
          <AddPersonSearch query={query} search={search} />
        </>
      ) : (
        <p className="notice">{t("cycles.participants.locked")}</p>
      )}

      <ParticipantList
        status={cycle.status}
        participants={participants}
        editable={editable}
        profiles={profiles}
      />
    </div>
  );
}
