import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
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
  useFetcher,
  useLoaderData,
  useNavigation,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { getDb } from "~/db.server";
import { translator } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { answerMessages } from "~/rater/answer-messages";
import { ANSWER_INTENTS, createAnswersSchema, type AnswerIntent } from "~/rater/answers-schema";
import { answerFieldNamesFor, answersSchemaFor } from "~/rater/answers-schema.server";
import { RatingFieldset } from "~/rater/components/rating-fieldset";
import { summariseErrors } from "~/rater/error-summary";
import { cleanAnswers, loadDraft, saveDraft, submitResponse } from "~/rater/invitation.server";
import { raterPageHeaders } from "~/rater/headers";
import { InvitationErrorBoundary } from "~/rater/invitation-error-boundary";
import { requireInvitation } from "~/rater/invitation-guard.server";
import { displayScale } from "~/rater/localized-scale";
import {
  COMMENT_MAX_LENGTH,
  countAnswered,
  GENERAL_QUESTIONS,
  indicatorCount,
  type AnswerValues,
} from "~/rater/questionnaire";
import { loadQuestionnaire } from "~/rater/questionnaire.server";
import { formatDay } from "~/utils/dates";
import { QUESTIONNAIRE_BODY_MAX_BYTES } from "~/security/body-limit.js";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { titleMeta } from "~/utils/meta";

// Room for every comment at full length in any script, far below a body that could hurt; the
// server's cap for this route is the same number (app/security/body-limit.js).
const MAX_BODY_BYTES = QUESTIONNAIRE_BODY_MAX_BYTES;
const AUTOSAVE_DELAY_MS = 1200;

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
  const questionnaire = await loadQuestionnaire(db, invitation.cycle.snapshotId);
  const draft = await loadDraft(db, invitation.id);
  const t = translator(locale);
  return {
    questionnaire,
    scale: displayScale(questionnaire, locale, t),
    draft: draft ?? { ratings: {}, comments: {}, general: {} },
    saved: new URL(request.url).searchParams.has("opgeslagen"),
    isSelf: invitation.relationship === "self",
    participantName: invitation.participant.fullName,
    participantFirstName: invitation.participant.firstName,
    deadline: invitation.cycle.answerDeadline
      ? formatDay(invitation.cycle.answerDeadline, locale)
      : null,
  };
}

function refuse(message: string): never {
  throw new Response(message, { status: 400 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { invitation, locale } = await requireInvitation(request, params.token);
  const t = translator(locale);
  const body = await readFormBody(request, MAX_BODY_BYTES);
  const intents = body.getAll("intent");
  const intent = intents[0];
  if (intents.length !== 1 || !ANSWER_INTENTS.includes(intent as AnswerIntent)) {
    refuse(t("rater.form.error.badRequest"));
  }
  if (invitation.state !== "open") {
    if (intent === "autosave") return data({ autosave: "closed" as const }, { status: 409 });
    throw redirect(`/uitnodiging/${params.token}`);
  }

  const db = await getDb();
  const questionnaire = await loadQuestionnaire(db, invitation.cycle.snapshotId);
  const fieldNames = answerFieldNamesFor(questionnaire);
  assertOnlyKnownFields(body, (name) => fieldNames.has(name));
  const schema = answersSchemaFor(questionnaire, locale, intent === "submit" ? "submit" : "draft");
  const submission = parseWithZod(body, { schema });
  if (submission.status !== "success") {
    if (intent === "autosave") return data({ autosave: "invalid" as const }, { status: 400 });
    return data({ result: submission.reply() }, { status: 400 });
  }

  const answers = cleanAnswers(submission.value);
  if (intent === "submit") {
    const outcome = await submitResponse(db, invitation, answers);
    if (outcome === "submitted") throw redirect(`/uitnodiging/${params.token}/bedankt`);
    throw redirect(`/uitnodiging/${params.token}`);
  }
  const saved = await saveDraft(db, invitation.id, answers);
  if (intent === "autosave") {
    return saved
      ? data({ autosave: "saved" as const, at: new Date().toISOString() })
      : data({ autosave: "closed" as const }, { status: 409 });
  }
  throw redirect(
    saved
      ? `/uitnodiging/${params.token}/vragenlijst?opgeslagen=1`
      : `/uitnodiging/${params.token}`,
  );
}

// Autosaving must not reload the page's data (the form is the source of truth meanwhile).
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formData,
  defaultShouldRevalidate,
}) => (formData?.get("intent") === "autosave" ? false : defaultShouldRevalidate);

type ActionData = { result: SubmissionResult<string[]> } | undefined;

export default function QuestionnairePage() {
  const loaderData = useLoaderData<typeof loader>();
  const { questionnaire, scale, draft, isSelf, participantFirstName } = loaderData;
  const actionData = useActionData<typeof action>() as ActionData;
  const { t } = useTranslation();
  const messages = useMemo(() => answerMessages(t), [t]);
  const schemas = useMemo(
    () => ({
      draft: createAnswersSchema(questionnaire, messages, "draft"),
      submit: createAnswersSchema(questionnaire, messages, "submit"),
    }),
    [questionnaire, messages],
  );
  const total = indicatorCount(questionnaire);
  const errorSummaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const [form, fields] = useForm({
    id: "vragenlijst",
    lastResult: actionData?.result,
    defaultValue: draft,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate({ formData }) {
      // Re-checks while typing carry no button value; they check as the refused submit did.
      if (!formData.has("intent")) formData.set("intent", "submit");
      const mode = formData.get("intent") === "submit" ? "submit" : "draft";
      return parseWithZod(formData, { schema: schemas[mode] });
    },
  });

  const initialValues = (actionData?.result?.initialValue ?? draft) as Partial<AnswerValues>;
  const [answered, setAnswered] = useState(() =>
    countAnswered(questionnaire, (initialValues.ratings ?? {}) as AnswerValues["ratings"]),
  );
  const autosave = useAutosave(formRef);

  const summary = summariseErrors(form.allErrors, questionnaire, messages.required);
  const problemCount = Object.values(form.allErrors).filter((list) => list.length > 0).length;
  // The summary takes focus after a refused submit (in the browser or from the server), not
  // while the rater fixes answers one by one.
  const [refusedSubmits, setRefusedSubmits] = useState(0);
  useEffect(() => {
    if (refusedSubmits > 0 || actionData) errorSummaryRef.current?.focus();
  }, [refusedSubmits, actionData]);

  const recount = useCallback(() => {
    const element = formRef.current;
    if (!element) return;
    setAnswered(element.querySelectorAll('input[type="radio"]:checked').length);
  }, []);

  // Conform's fieldsets are proxies with metadata for any key, hence the non-null assertions.
  const ratingFields = fields.ratings.getFieldset();
  const commentFields = fields.comments.getFieldset();
  const generalFields = fields.general.getFieldset();
  const fieldLabel = useMemo(() => fieldLabels(questionnaire, t), [questionnaire, t]);

  return (
    <div className="container narrow questionnaire">
      <h1>
        {isSelf
          ? t("rater.intro.title.self")
          : t("rater.intro.title.other", { name: loaderData.participantName })}
      </h1>
      <p>
        {isSelf
          ? t("rater.form.instructions.self")
          : t("rater.form.instructions.other", { name: participantFirstName })}
        {loaderData.deadline
          ? ` ${t("rater.form.deadline", { deadline: loaderData.deadline })}`
          : null}
      </p>

      {loaderData.saved && !actionData ? (
        <div className="notice notice--success" role="status">
          <p>{t("rater.form.saved")}</p>
        </div>
      ) : null}

      {summary.length > 0 ? (
        <div
          className="error-summary"
          role="region"
          ref={errorSummaryRef}
          tabIndex={-1}
          aria-labelledby="error-summary-title"
        >
          <h2 id="error-summary-title">
            {t("rater.form.errorSummary.title", { count: problemCount })}
          </h2>
          <ul>
            {summary.map((entry) => {
              if (entry.kind === "form") {
                return <li key="form">{entry.messages.join(" ")}</li>;
              }
              const text =
                entry.kind === "missing"
                  ? t(
                      entry.count === 1
                        ? "rater.form.errorSummary.missingOne"
                        : "rater.form.errorSummary.missingMany",
                      { competency: entry.competencyName, count: entry.count },
                    )
                  : `${fieldLabel.get(entry.field) ?? entry.field}: ${entry.messages.join(" ")}`;
              return (
                <li key={entry.field}>
                  <a href={`#${fieldTarget(entry.field, form.id, scale.points[0]?.value ?? 1)}`}>
                    {text}
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}

      <Form
        method="post"
        id={form.id}
        ref={formRef}
        onSubmit={(event) => {
          form.onSubmit(event);
          if (event.defaultPrevented) setRefusedSubmits((count) => count + 1);
          // The form itself now saves or sends the answers: a background save still waiting
          // would only race it.
          else autosave.cancel();
        }}
        noValidate={form.noValidate}
        onChange={() => {
          recount();
          autosave.schedule();
        }}
        aria-describedby="progress-text"
      >
        <div className="progress" aria-live="off">
          <label htmlFor="progress-bar" id="progress-text" className="progress__text">
            {t("rater.form.progress", { answered, total })}
          </label>
          <progress id="progress-bar" max={total} value={answered}>
            {answered}/{total}
          </progress>
          <p className="progress__autosave" role="status">
            {autosave.status === "idle"
              ? null
              : t(`rater.form.autosave.${autosave.status}`, { time: autosave.time })}
          </p>
        </div>

        {questionnaire.competencies.map((competency, index) => {
          const headingId = `competency-${competency.id}`;
          const commentField = commentFields[competency.id]!;
          return (
            <section
              key={competency.id}
              className="questionnaire__competency"
              aria-labelledby={headingId}
            >
              <p className="eyebrow">
                {t("rater.form.section", {
                  index: index + 1,
                  count: questionnaire.competencies.length,
                })}
                {" · "}
                <span lang={questionnaire.language}>{competency.clusterName}</span>
                {competency.organisationWide ? ` · ${t("profile.organisationWide")}` : null}
              </p>
              <h2 id={headingId} lang={questionnaire.language}>
                {competency.name}
              </h2>
              {competency.description ? (
                <p className="questionnaire__description" lang={questionnaire.language}>
                  {competency.description}
                </p>
              ) : null}
              <p className="questionnaire__stem">
                {isSelf
                  ? t("rater.form.stem.self")
                  : t("rater.form.stem.other", { name: participantFirstName })}
              </p>
              {competency.indicators.map((indicator) => {
                const field = ratingFields[indicator.id]!;
                return (
                  <RatingFieldset
                    key={indicator.id}
                    name={field.name}
                    idPrefix={field.id}
                    legend={indicator.text}
                    lang={questionnaire.language}
                    scaleLang={scale.lang}
                    scale={scale.points}
                    notApplicableLabel={scale.notApplicableLabel}
                    defaultValue={initialValues.ratings?.[indicator.id]}
                    errors={field.errors}
                    errorId={field.errorId}
                  />
                );
              })}
              <CommentField
                id={commentField.id}
                name={commentField.name}
                label={markLanguage(
                  t("rater.form.comment", { competency: competency.name }),
                  competency.name,
                  questionnaire.language,
                )}
                hint={t("rater.form.commentHint")}
                defaultValue={initialValues.comments?.[competency.id]}
                errors={commentField.errors}
                errorId={commentField.errorId}
              />
            </section>
          );
        })}

        <section className="questionnaire__competency" aria-labelledby="general-title">
          <h2 id="general-title">{t("rater.form.general.title")}</h2>
          <p>{t("rater.form.general.intro")}</p>
          {GENERAL_QUESTIONS.map((question) => {
            const field = generalFields[question]!;
            return (
              <CommentField
                key={question}
                id={field.id}
                name={field.name}
                label={t(`rater.form.general.${question}`)}
                hint={t("rater.form.commentHint")}
                defaultValue={initialValues.general?.[question]}
                errors={field.errors}
                errorId={field.errorId}
              />
            );
          })}
        </section>

        <div className="form-actions">
          <SubmitButtons />
        </div>
      </Form>
    </div>
  );
}

function SubmitButtons() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busyIntent = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  return (
    <>
      <button
        type="submit"
        name="intent"
        value="submit"
        className="button"
        disabled={busyIntent === "submit"}
      >
        {busyIntent === "submit" ? t("rater.form.submitting") : t("rater.form.submit")}
      </button>
      <button type="submit" name="intent" value="save" className="button button--secondary">
        {t("rater.form.save")}
      </button>
      <p className="form-actions__hint">{t("rater.form.saveHint")}</p>
    </>
  );
}

function CommentField(props: {
  id: string;
  name: string;
  label: ReactNode;
  hint: string;
  defaultValue: string | undefined;
  errors: string[] | undefined;
  errorId: string;
}) {
  const invalid = Boolean(props.errors?.length);
  const hintId = `${props.id}-hint`;
  return (
    <div className={invalid ? "comment-field comment-field--invalid" : "comment-field"}>
      <label htmlFor={props.id}>{props.label}</label>
      <p className="hint" id={hintId}>
        {props.hint}
      </p>
      {invalid ? (
        <p className="field-error" id={props.errorId}>
          {props.errors?.join(" ")}
        </p>
      ) : null}
      <textarea
        id={props.id}
        name={props.name}
        rows={3}
        maxLength={COMMENT_MAX_LENGTH}
        defaultValue={props.defaultValue}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${hintId} ${props.errorId}` : hintId}
      />
    </div>
  );
}

type AutosaveStatus = "idle" | "saving" | "saved" | "failed" | "closed";

/** Saves the draft in the background after a pause in typing or clicking (JavaScript only). */
function useAutosave(formRef: React.RefObject<HTMLFormElement | null>) {
  const fetcher = useFetcher<{ autosave: "saved" | "invalid" | "closed"; at?: string }>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const { locale } = useTranslation();

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (!formRef.current) return;
      const formData = new FormData(formRef.current);
      formData.set("intent", "autosave");
      fetcher.submit(formData, { method: "post" });
    }, AUTOSAVE_DELAY_MS);
  }, [fetcher, formRef]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const cancel = useCallback(() => clearTimeout(timer.current), []);

  let status: AutosaveStatus = "idle";
  let time = "";
  if (fetcher.state !== "idle") status = "saving";
  else if (fetcher.data?.autosave === "saved" && fetcher.data.at) {
    status = "saved";
    time = new Date(fetcher.data.at).toLocaleTimeString(locale === "nl" ? "nl-NL" : "en-GB", {
      hour: "2-digit",
      minute: "2-digit",
    });
  } else if (fetcher.data?.autosave === "closed") status = "closed";
  else if (fetcher.data) status = "failed";
  return { schedule, cancel, status, time };
}

/** Marks a profile text inside a translated sentence with its own language (WCAG 3.1.2). */
function markLanguage(sentence: string, part: string, lang: string): ReactNode {
  const index = sentence.indexOf(part);
  if (index < 0) return sentence;
  return (
    <>
      {sentence.slice(0, index)}
      <span lang={lang}>{part}</span>
      {sentence.slice(index + part.length)}
    </>
  );
}

/** The element an error summary link jumps to: the first radio of a group, or the textarea. */
function fieldTarget(name: string, formId: string, firstScaleValue: number): string {
  return name.startsWith("ratings.") ? `${formId}-${name}-${firstScaleValue}` : `${formId}-${name}`;
}

function fieldLabels(
  questionnaire: ReturnType<typeof useLoaderData<typeof loader>>["questionnaire"],
  t: ReturnType<typeof useTranslation>["t"],
) {
  const labels = new Map<string, string>();
  for (const competency of questionnaire.competencies) {
    labels.set(
      `comments.${competency.id}`,
      t("rater.form.comment", { competency: competency.name }),
    );
    for (const indicator of competency.indicators) {
      labels.set(`ratings.${indicator.id}`, `${competency.name}: ${indicator.text}`);
    }
  }
  for (const question of GENERAL_QUESTIONS) {
    labels.set(`general.${question}`, t(`rater.form.general.${question}`));
  }
  return labels;
}

export const ErrorBoundary = InvitationErrorBoundary;
export const headers = raterPageHeaders;
