import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useRef } from "react";
import { NoticeBanner } from "~/components/notice";
import { getDb } from "~/db.server";
import { translator } from "~/i18n/messages";
import { answerIntentOf, autosaveReply, postAnswers } from "~/rater/answers.server";
import { useAutosave } from "~/rater/autosave";
import { CompetencyBlock, GeneralQuestions } from "~/rater/components/competency-block";
import { QuestionnaireErrorSummary } from "~/rater/components/questionnaire-error-summary";
import { QuestionnaireIntro } from "~/rater/components/questionnaire-intro";
import { QuestionnaireProgress } from "~/rater/components/questionnaire-progress";
import { QuestionnaireSubmitArea } from "~/rater/components/submit-area";
import { raterPageHeaders } from "~/rater/headers";
import { loadDraft } from "~/rater/invitation.server";
import { InvitationErrorBoundary } from "~/rater/invitation-error-boundary";
import { requireInvitation } from "~/rater/invitation-guard.server";
import { displayScale } from "~/rater/localized-scale";
import { QUESTIONNAIRE_NOTICES } from "~/rater/notices";
import { indicatorCount } from "~/rater/questionnaire";
import { useAnsweredCount, useQuestionnaireForm } from "~/rater/questionnaire-form";
import { loadQuestionnaire } from "~/rater/questionnaire.server";
import { QUESTIONNAIRE_BODY_MAX_BYTES } from "~/security/body-limit.js";
import { formatDay } from "~/utils/dates";
import { readFormBody } from "~/utils/form-body.server";
import { badRequest } from "~/utils/http-errors.server";
import { titleMeta } from "~/utils/meta";
import { noticeLocation, readNotice } from "~/utils/notices";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  titleMeta(matches, (t) =>
    data?.isSelf
      ? t("rater.intro.title.self")
      : t("rater.intro.title.other", { name: data?.participantName ?? "" }),
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { invitation, locale } = await requireInvitation(request, params.token);
  if (invitation.state !== "open") throw redirect(`/uitnodiging/${params.token}`);
  const db = await getDb();
  const questionnaire = await loadQuestionnaire(db, invitation.participant.profileSnapshotId);
  const draft = await loadDraft(db, invitation.id);
  return {
    questionnaire,
    scale: displayScale(questionnaire, locale, translator(locale)),
    draft: draft ?? { ratings: {}, comments: {}, general: {} },
    notice: readNotice(request, QUESTIONNAIRE_NOTICES),
    isSelf: invitation.relationship === "self",
    participantName: invitation.participant.fullName,
    participantFirstName: invitation.participant.firstName,
    deadline: invitation.cycle.answerDeadline
      ? formatDay(invitation.cycle.answerDeadline, locale)
      : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { invitation, locale } = await requireInvitation(request, params.token);
  // Room for every comment at full length in any script, far below a body that could hurt;
  // the server's cap for this route is the same number (app/security/body-limit.js).
  const body = await readFormBody(request, QUESTIONNAIRE_BODY_MAX_BYTES);
  const intent = answerIntentOf(body);
  if (!intent) throw badRequest(translator(locale), "rater.form.error.badRequest");

  const outcome = await postAnswers(await getDb(), invitation, body, intent);
  if (intent === "autosave") {
    const { reply, status } = autosaveReply(outcome);
    return data(reply, { status });
  }
  const invitationPage = `/uitnodiging/${params.token}`;
  switch (outcome.status) {
    case "invalid":
      return data({ result: outcome.result }, { status: 400 });
    case "submitted":
      throw redirect(`${invitationPage}/bedankt`);
    case "saved":
      throw redirect(
        noticeLocation(`${invitationPage}/vragenlijst`, QUESTIONNAIRE_NOTICES, "opgeslagen"),
      );
    case "closed":
      throw redirect(invitationPage);
  }
}

// Autosaving must not reload the page's data (the form is the source of truth meanwhile).
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formData,
  defaultShouldRevalidate,
}) => (formData?.get("intent") === "autosave" ? false : defaultShouldRevalidate);

export default function QuestionnairePage() {
  const page = useLoaderData<typeof loader>();
  const { questionnaire, scale, draft, isSelf, participantFirstName } = page;
  const actionData = useActionData<typeof action>();
  const lastResult = actionData && "result" in actionData ? actionData.result : undefined;
  const { form, fields, initialValues } = useQuestionnaireForm({
    questionnaire,
    draft,
    lastResult,
  });
  const formRef = useRef<HTMLFormElement>(null);
  const autosave = useAutosave(formRef);
  const { answered, recount } = useAnsweredCount(formRef, questionnaire, initialValues.ratings);

  const ratingFields = fields.ratings.getFieldset();
  const commentFields = fields.comments.getFieldset();

  return (
    <div className="container narrow questionnaire">
      <QuestionnaireIntro
        isSelf={isSelf}
        participantName={page.participantName}
        participantFirstName={participantFirstName}
        deadline={page.deadline}
      />
      <NoticeBanner notice={actionData ? null : page.notice} />
      <QuestionnaireErrorSummary
        formId={form.id}
        allErrors={form.allErrors}
        questionnaire={questionnaire}
        firstScaleValue={scale.points[0]?.value ?? 1}
        lastResult={lastResult}
        attempt={form.attempt}
      />

      <Form
        method="post"
        id={form.id}
        ref={formRef}
        onSubmit={(event) => {
          form.onSubmit(event);
          // The form itself now saves or sends the answers: a background save still waiting
          // would only race it.
          if (!event.defaultPrevented) autosave.cancel();
        }}
        noValidate={form.noValidate}
        onChange={() => {
          recount();
          autosave.schedule();
        }}
        aria-describedby="progress-text"
      >
        <QuestionnaireProgress
          answered={answered}
          total={indicatorCount(questionnaire)}
          autosave={autosave}
        />
        {questionnaire.competencies.map((competency, index) => (
          <CompetencyBlock
            key={competency.id}
            competency={competency}
            position={index + 1}
            questionnaire={questionnaire}
            scale={scale}
            isSelf={isSelf}
            participantFirstName={participantFirstName}
            ratingFields={ratingFields}
            commentField={commentFields[competency.id]!}
            initialRatings={initialValues.ratings}
          />
        ))}
        <GeneralQuestions fields={fields.general.getFieldset()} />
        <QuestionnaireSubmitArea />
      </Form>
    </div>
  );
}

export const ErrorBoundary = InvitationErrorBoundary;
export const headers = raterPageHeaders;
