import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { ActionErrors } from "~/nominations/components/action-errors";
import { AutomaticRaters } from "~/nominations/components/automatic-raters";
import { CustomerForm } from "~/nominations/components/customer-form";
import { DirectorySearch, PeopleList } from "~/nominations/components/directory-search";
import { LimitProblems } from "~/nominations/components/limit-problems";
import { NominationGroups } from "~/nominations/components/nomination-groups";
import { NominationState } from "~/nominations/components/nomination-state";
import { SuccessNotice } from "~/nominations/components/success-notice";
import {
  applyReviewForm,
  refusalResponse,
  type NominationActionData,
} from "~/nominations/form-actions.server";
import { nominationFormMessages } from "~/nominations/messages";
import { createReviewSchema, NOMINATION_FORM_FIELDS } from "~/nominations/nomination-forms";
import { noticeLocation, readNotice, SEARCH_PARAM } from "~/nominations/notices";
import { loadNominationPageView } from "~/nominations/page-data.server";
import { loadNominationContext, mayActAsLead } from "~/nominations/participant-context.server";
import { nominationPath, REVIEW_QUEUE_PATH } from "~/nominations/paths";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

// The lead reviews one participant's nominations: remove, add, approve. HR may do it for anyone.

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("nominations.review.title"));
export const headers = privatePageHeaders;

async function authorise(request: Request, participantId: string | undefined) {
  const user = await requireUser(request);
  const db = await getDb();
  const context = await loadNominationContext(db, participantId ?? "");
  if (!context || !mayActAsLead(user, context)) throw notFound();
  return { user, db, context };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, context } = await authorise(request, params.participantId);
  const url = new URL(request.url);
  const query = (url.searchParams.get(SEARCH_PARAM) ?? "").slice(0, 100);
  return {
    view: await loadNominationPageView(db, context, "lead", query),
    isHrAdmin: user.isHrAdmin,
    notice: readNotice(url),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, context } = await authorise(request, params.participantId);
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, (name) => NOMINATION_FORM_FIELDS.has(name));
  const t = translator(await getLocale(request));
  const submission = parseWithZod(body, {
    schema: createReviewSchema(nominationFormMessages(t)),
  });
  const intent = body.get("intent");
  if (submission.status !== "success") {
    return data<NominationActionData>({ intent, result: submission.reply() }, { status: 400 });
  }
  const applied = await applyReviewForm(db, user, context.participantId, submission.value);
  if (!applied.ok) return refusalResponse(t, applied, intent, submission.reply);
  return redirect(noticeLocation(request.url, applied.notice, { keepSearch: applied.keepSearch }));
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
      <SuccessNotice notice={notice} />
      <ActionErrors result={actionData?.result} />
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
          <DirectorySearch
            title={t("nominations.review.addTitle")}
            search={view.search}
            actions={[
              {
                intent: "add-colleague",
                label: t("nominations.search.addColleague"),
                accessibleName: (name) => t("nominations.search.addColleagueName", { name }),
              },
              {
                intent: "add-internal-customer",
                label: t("nominations.search.addCustomer"),
                accessibleName: (name) => t("nominations.search.addCustomerName", { name }),
                secondary: true,
              },
            ]}
          />
          {view.directReports ? (
            <section aria-labelledby="medewerkers-title">
              <h2 id="medewerkers-title">{t("nominations.reports.title")}</h2>
              <p>{t("nominations.reports.intro")}</p>
              {view.directReports.length === 0 ? (
                <p>{t("nominations.reports.none")}</p>
              ) : (
                <PeopleList
                  people={view.directReports}
                  labelledBy="medewerkers-title"
                  actions={[
                    {
                      intent: "add-report",
                      label: t("nominations.reports.add"),
                      accessibleName: (name) => t("nominations.reports.addName", { name }),
                    },
                  ]}
                />
              )}
            </section>
          ) : null}
          <CustomerForm
            intent="add-customer"
            title={t("nominations.review.addCustomerTitle")}
            intro={t("nominations.customer.intro")}
            submitLabel={t("nominations.review.addCustomerSubmit")}
            lastResult={actionData?.intent === "add-customer" ? actionData.result : undefined}
          />
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
