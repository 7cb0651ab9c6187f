import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { RefusalSummary } from "~/components/forms";
import { NoticeBanner } from "~/components/notice";
import { getDb } from "~/db.server";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { AddLateRater, refusedFormListId } from "~/invitations/components/add-late-rater";
import { GroupProgressTable } from "~/invitations/components/group-progress-table";
import {
  InvitedRatersTable,
  RevokedInvitationsTable,
} from "~/invitations/components/invitation-tables";
import { handleParticipantPagePost } from "~/invitations/participant-page-actions.server";
import {
  PARTICIPANT_PAGE_NOTICES,
  participantPagePath,
} from "~/invitations/participant-page-notices";
import { loadParticipantPage } from "~/invitations/participant-page.server";
import { searchQuery } from "~/nominations/paths";
import { privatePageHeaders } from "~/utils/headers";
import { notFound } from "~/utils/http-errors.server";
import { titleMeta } from "~/utils/meta";
import { readNotice } from "~/utils/notices";

// HR's page of one participant's invitations: who was asked (never who answered), the
// progress per group, and while the round collects answers: withdraw and add raters.

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  titleMeta(matches, (t) =>
    t("invitations.participant.title", { name: data?.participant.name ?? "" }),
  );
export const headers = privatePageHeaders;

const idsOf = (params: LoaderFunctionArgs["params"]) => ({
  cycleId: params.cycleId ?? "",
  participantId: params.participantId ?? "",
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const url = new URL(request.url);
  const page = await loadParticipantPage(await getDb(), user, idsOf(params), searchQuery(url));
  if (!page) throw notFound(translator(await getLocale(request)));
  return { ...page, notice: readNotice(url, PARTICIPANT_PAGE_NOTICES) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  return handleParticipantPagePost(await getDb(), user, request, idsOf(params));
}

export default function ParticipantInvitationsPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const { cycle, participant } = page;
  const pagePath = participantPagePath(cycle.id, participant.id);
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to={`/beheer/rondes/${cycle.id}`}>
          {t("invitations.participant.backToCycle", { cycle: cycle.name })}
        </Link>
      </p>
      <h1>{t("invitations.participant.heading", { name: participant.name })}</h1>
      <NoticeBanner notice={page.notice} />
      <RefusalSummary
        id="fouten"
        result={actionData?.result}
        listId={refusedFormListId(actionData)}
      />
      <p className="muted">{t("invitations.participant.privacy")}</p>
      {page.collecting ? null : (
        <p className="notice">{t("invitations.participant.notCollecting")}</p>
      )}
      {page.collecting && page.ownParticipation ? (
        <p className="notice">{t("invitations.participant.ownParticipation")}</p>
      ) : null}
      <GroupProgressTable counts={page.counts} />
      <InvitedRatersTable
        invitations={page.invitations}
        mayRevoke={page.mayChange}
        pagePath={pagePath}
      />
      <RevokedInvitationsTable revoked={page.revoked} />
      {page.mayChange ? (
        <AddLateRater
          groups={cycle.groups}
          search={page.search}
          pagePath={pagePath}
          lastAction={actionData}
        />
      ) : null}
    </div>
  );
}
