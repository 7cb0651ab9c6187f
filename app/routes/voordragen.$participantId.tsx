import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RefusalSummary } from "~/components/forms";
import { NoticeBanner } from "~/components/notice";
import { useTranslation } from "~/i18n/use-translation";
import { AddRaters, refusedFormListId } from "~/nominations/components/add-raters";
import { AutomaticRaters } from "~/nominations/components/automatic-raters";
import { InvitedRatersSection } from "~/nominations/components/invited-raters";
import { LimitProblems } from "~/nominations/components/limit-problems";
import { NominationGroups } from "~/nominations/components/nomination-groups";
import { NominationState } from "~/nominations/components/nomination-state";
import { applyProposalForm, handleNominationPost } from "~/nominations/form-actions.server";
import { proposalSchema } from "~/nominations/nomination-forms";
import { NOMINATION_NOTICES } from "~/nominations/notices";
import { authoriseNominationPage } from "~/nominations/page-access.server";
import { loadNominationPageView } from "~/nominations/page-data.server";
import { mayActAsParticipant } from "~/nominations/participant-context.server";
import { reviewPath, searchQuery } from "~/nominations/paths";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";
import { readNotice } from "~/utils/notices";

// The participant proposes raters and submits them to their lead; HR may do it for anyone.

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("nominations.propose.title"));
export const headers = privatePageHeaders;

const authorise = (request: Request, participantId: string | undefined) =>
  authoriseNominationPage(request, participantId, mayActAsParticipant);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, context } = await authorise(request, params.participantId);
  const url = new URL(request.url);
  return {
    view: await loadNominationPageView(db, context, "participant", searchQuery(url)),
    onBehalf: user.id !== context.person.id,
    notice: readNotice(url, NOMINATION_NOTICES),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, context } = await authorise(request, params.participantId);
  return handleNominationPost(request, proposalSchema, (form) =>
    applyProposalForm(db, user, context.participantId, form),
  );
}

export default function ProposeRatersPage() {
  const { view, onBehalf, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const editable = view.nominationOpen && view.nominationStatus === "open";
  return (
    <div className="container nomination-page">
      <p className="eyebrow">{view.cycleName}</p>
      <h1>
        {onBehalf
          ? t("nominations.propose.headingFor", { name: view.participantName })
          : t("nominations.propose.heading")}
      </h1>
      <NoticeBanner notice={notice} />
      <RefusalSummary
        id="fouten"
        title={t("nominations.page.errorsTitle")}
        result={actionData?.result}
        listId={refusedFormListId("participant", actionData)}
      />
      {onBehalf ? (
        <p className="notice">
          {t("nominations.propose.onBehalf", { name: view.participantName })}
        </p>
      ) : null}
      {editable ? (
        <p className="lead">{t("nominations.propose.intro", { cycle: view.cycleName })}</p>
      ) : null}
      <NominationState view={view} />
      {view.nominationOpen && !editable ? (
        <div className="notice">
          <p>{t("nominations.propose.submittedNote")}</p>
          {onBehalf ? (
            <p>
              <Link to={reviewPath(view.participantId)}>{t("nominations.propose.toReview")}</Link>
            </p>
          ) : null}
        </div>
      ) : null}

      {view.invitedRaters ? <InvitedRatersSection raters={view.invitedRaters} /> : null}

      <AutomaticRaters participantName={view.participantName} managerName={view.managerName} />

      <NominationGroups
        view={view}
        removeAction={
          editable
            ? {
                intent: "withdraw",
                label: t("nominations.list.withdraw"),
                accessibleName: (name) => t("nominations.list.withdrawName", { name }),
                allows: (item) => item.status === "proposed",
              }
            : null
        }
      />

      {editable ? (
        <>
          <AddRaters side="participant" view={view} lastAction={actionData} />
          <section aria-labelledby="indienen-title" className="panel">
            <h2 id="indienen-title">{t("nominations.submit.title")}</h2>
            <p>
              {view.managerName
                ? t("nominations.submit.intro", { manager: view.managerName })
                : t("nominations.submit.introNoManager")}
            </p>
            {view.problems.length > 0 ? (
              <>
                <p id="indienen-problemen-intro">{t("nominations.submit.notReady")}</p>
                <LimitProblems problems={view.problems} id="indienen-problemen" />
              </>
            ) : null}
            <Form method="post" className="form-actions">
              <input type="hidden" name="intent" value="submit" />
              <button
                type="submit"
                className="button"
                aria-describedby={view.problems.length > 0 ? "indienen-problemen" : undefined}
              >
                {t("nominations.submit.button")}
              </button>
            </Form>
          </section>
        </>
      ) : null}
    </div>
  );
}
