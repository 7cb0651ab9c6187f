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
  applyProposalForm,
  refusalResponse,
  type NominationActionData,
} from "~/nominations/form-actions.server";
import { nominationFormMessages } from "~/nominations/messages";
import { createProposalSchema, NOMINATION_FORM_FIELDS } from "~/nominations/nomination-forms";
import { noticeLocation, readNotice, SEARCH_PARAM } from "~/nominations/notices";
import { loadNominationPageView } from "~/nominations/page-data.server";
import { reviewPath } from "~/nominations/paths";
import {
  loadNominationContext,
  mayActAsParticipant,
} from "~/nominations/participant-context.server";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

// The participant proposes raters and submits them to their lead; HR may do it for anyone.

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("nominations.propose.title"));
export const headers = privatePageHeaders;

async function authorise(request: Request, participantId: string | undefined) {
  const user = await requireUser(request);
  const db = await getDb();
  const context = await loadNominationContext(db, participantId ?? "");
  if (!context || !mayActAsParticipant(user, context)) throw notFound();
  return { user, db, context };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, context } = await authorise(request, params.participantId);
  const url = new URL(request.url);
  const query = (url.searchParams.get(SEARCH_PARAM) ?? "").slice(0, 100);
  return {
    view: await loadNominationPageView(db, context, "participant", query),
    onBehalf: user.id !== context.person.id,
    notice: readNotice(url),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, context } = await authorise(request, params.participantId);
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, (name) => NOMINATION_FORM_FIELDS.has(name));
  const t = translator(await getLocale(request));
  const submission = parseWithZod(body, {
    schema: createProposalSchema(nominationFormMessages(t)),
  });
  const intent = body.get("intent");
  if (submission.status !== "success") {
    return data<NominationActionData>({ intent, result: submission.reply() }, { status: 400 });
  }
  const applied = await applyProposalForm(db, user, context.participantId, submission.value);
  if (!applied.ok) return refusalResponse(t, applied, intent, submission.reply);
  return redirect(noticeLocation(request.url, applied.notice, { keepSearch: applied.keepSearch }));
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
      <SuccessNotice notice={notice} />
      <ActionErrors result={actionData?.result} />
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
          <DirectorySearch
            title={t("nominations.search.title")}
            search={view.search}
            actions={[
              {
                intent: "propose-colleague",
                label: t("nominations.search.proposeColleague"),
                accessibleName: (name) => t("nominations.search.proposeColleagueName", { name }),
              },
              {
                intent: "propose-internal-customer",
                label: t("nominations.search.proposeCustomer"),
                accessibleName: (name) => t("nominations.search.proposeCustomerName", { name }),
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
                      intent: "propose-report",
                      label: t("nominations.reports.propose"),
                      accessibleName: (name) => t("nominations.reports.proposeName", { name }),
                    },
                  ]}
                />
              )}
            </section>
          ) : null}
          <CustomerForm
            intent="propose-customer"
            title={t("nominations.customer.title")}
            intro={t("nominations.customer.intro")}
            submitLabel={t("nominations.customer.submit")}
            lastResult={actionData?.intent === "propose-customer" ? actionData.result : undefined}
          />
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
