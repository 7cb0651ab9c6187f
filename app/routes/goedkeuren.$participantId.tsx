import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RefusalSummary } from "~/components/forms";
import { NoticeBanner } from "~/components/notice";
import { useTranslation } from "~/i18n/use-translation";
import { AddRaters, refusedFormListId } from "~/nominations/components/add-raters";
import { AutomaticRaters } from "~/nominations/components/automatic-raters";
import { LimitProblems } from "~/nominations/components/limit-problems";
import { NominationGroups } from "~/nominations/components/nomination-groups";
import { NominationState } from "~/nominations/components/nomination-state";
import { applyReviewForm, handleNominationPost } from "~/nominations/form-actions.server";
import { reviewSchema } from "~/nominations/nomination-forms";
import { NOMINATION_NOTICES } from "~/nominations/notices";
import { authoriseNominationPage } from "~/nominations/page-access.server";
import { loadNominationPageView } from "~/nominations/page-data.server";
import { mayActAsLead } from "~/nominations/participant-context.server";
import { nominationPath, REVIEW_QUEUE_PATH, searchQuery } from "~/nominations/paths";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";
import { readNotice } from "~/utils/notices";

// The lead reviews one participant's nominations: remove, add, approve. HR may do it for anyone.

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("nominations.review.title"));
export const headers = privatePageHeaders;

const authorise = (request: Request, participantId: string | undefined) =>
  authoriseNominationPage(request, participantId, mayActAsLead);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, context } = await authorise(request, params.participantId);
  const url = new URL(request.url);
  return {
    view: await loadNominationPageView(db, context, "lead", searchQuery(url)),
    isHrAdmin: user.isHrAdmin,
    notice: readNotice(url, NOMINATION_NOTICES),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, context } = await authorise(request, params.participantId);
  return handleNominationPost(request, reviewSchema, (form) =>
    applyReviewForm(db, user, context.participantId, form),
  );
}

export default function ReviewNominationsPage() {
  const { view, isHrAdmin, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const waitingForParticipant = view.nominationStatus === "open";
  const editable = view.nominationOpen && (!waitingForParticipant || isHrAdmin);
  const tooFew = view.problems.filter((problem) => problem.kind === "too_few");
  return (
    <div className="container nomination-page">
      <p className="eyebrow">
        <Link to={REVIEW_QUEUE_PATH}>{t("nominations.review.back")}</Link>
      </p>
      <h1>{t("nominations.review.heading", { name: view.participantName })}</h1>
      <NoticeBanner notice={notice} />
      <RefusalSummary
        id="fouten"
        title={t("nominations.page.errorsTitle")}
        result={actionData?.result}
        listId={refusedFormListId("lead", actionData)}
      />
      <p>{t("nominations.review.cycle", { cycle: view.cycleName })}</p>
      <NominationState view={view} />
      {view.nominationOpen && waitingForParticipant ? (
        <div className="notice">
          <p>
            {isHrAdmin
              ? t("nominations.review.notSubmittedHr", { name: view.participantName })
              : t("nominations.review.notSubmitted", { name: view.participantName })}
          </p>
          {isHrAdmin ? (
            <p>
              <Link to={nominationPath(view.participantId)}>
                {t("nominations.review.actForParticipant", { name: view.participantName })}
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {view.nominationOpen && tooFew.length > 0 ? (
        <section aria-labelledby="minimum-title" className="notice notice--warning">
          <h2 id="minimum-title">{t("nominations.review.warningTitle")}</h2>
          <LimitProblems problems={tooFew} />
          <p>{t("nominations.review.warningBody")}</p>
        </section>
      ) : null}

      <AutomaticRaters participantName={view.participantName} managerName={view.managerName} />

      <NominationGroups
        view={view}
        removeAction={
          editable
            ? {
                intent: "remove",
                label: t("nominations.list.remove"),
                accessibleName: (name) => t("nominations.list.removeName", { name }),
                allows: () => true,
              }
            : null
        }
      />

      {editable ? (
        <>
          <AddRaters side="lead" view={view} lastAction={actionData} />
          {view.nominationStatus !== "approved" ? (
            <section aria-labelledby="goedkeuren-title" className="panel">
              <h2 id="goedkeuren-title">{t("nominations.review.approveTitle")}</h2>
              <p>{t("nominations.review.approveIntro", { name: view.participantName })}</p>
              <Form method="post" className="form-actions">
                <input type="hidden" name="intent" value="approve" />
                <button type="submit" className="button">
                  {t("nominations.review.approveButton")}
                </button>
              </Form>
            </section>
          ) : (
            <p className="notice">
              {t("nominations.review.approvedNote", { name: view.participantName })}
            </p>
          )}
        </>
      ) : null}
    </div>
  );
}
