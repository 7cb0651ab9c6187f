import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { describedBy, FieldError } from "~/components/field-error";
import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { formatDay } from "~/utils/dates";
import { createTransitionSchema } from "../transition-schema";
import type {
  Confirmation,
  CycleTransition,
  RefusalReason,
  TransitionCheck,
  TransitionFacts,
} from "../transitions";

const TITLE: Record<CycleTransition, MessageKey> = {
  start_nominating: "cycles.step.start_nominating.title",
  start_collecting: "cycles.step.start_collecting.title",
  close: "cycles.step.close.title",
  release: "cycles.step.release.title",
};
const EXPLANATION: Record<CycleTransition, MessageKey> = {
  start_nominating: "cycles.step.start_nominating.explanation",
  start_collecting: "cycles.step.start_collecting.explanation",
  close: "cycles.step.close.explanation",
  release: "cycles.step.release.explanation",
};
const BUTTON: Record<CycleTransition, MessageKey> = {
  start_nominating: "cycles.step.start_nominating.button",
  start_collecting: "cycles.step.start_collecting.button",
  close: "cycles.step.close.button",
  release: "cycles.step.release.button",
};
export const REFUSAL_MESSAGE: Record<RefusalReason, MessageKey> = {
  wrong_status: "cycles.step.refused.wrong_status",
  no_participants: "cycles.step.refused.no_participants",
  profile_missing: "cycles.step.refused.profile_missing",
  nomination_deadline_missing: "cycles.step.refused.nomination_deadline_missing",
  answer_deadline_missing: "cycles.step.refused.answer_deadline_missing",
  nomination_deadline_past: "cycles.step.refused.nomination_deadline_past",
  answer_deadline_past: "cycles.step.refused.answer_deadline_past",
  own_nominations_unapproved: "cycles.step.refused.own_nominations_unapproved",
};
const CONFIRMATION_TEXT: Record<Confirmation, MessageKey> = {
  approve_open_nominations: "cycles.step.confirm.approve_open_nominations.text",
  close_before_deadline: "cycles.step.confirm.close_before_deadline.text",
  release_final: "cycles.step.confirm.release_final.text",
};
const CONFIRMATION_LABEL: Record<Confirmation, MessageKey> = {
  approve_open_nominations: "cycles.step.confirm.approve_open_nominations.label",
  close_before_deadline: "cycles.step.confirm.close_before_deadline.label",
  release_final: "cycles.step.confirm.release_final.label",
};

/**
 * The next step of a round: what it does, why it cannot be taken yet, or the button (with a
 * confirmation for what cannot be undone or skips someone's approval).
 */
export function NextStep({
  transition,
  check,
  facts,
  lastResult,
}: {
  transition: CycleTransition;
  check: TransitionCheck;
  facts: TransitionFacts;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t, locale } = useTranslation();
  // A second click while the step runs would only be refused (the server guards it); the
  // button says it is busy instead.
  const busy = useNavigation().state === "submitting";
  const confirmation = check.allowed ? check.confirmation : null;
  const schema = useMemo(
    () => createTransitionSchema({ t, required: confirmation }),
    [t, confirmation],
  );
  const [form, fields] = useForm({
    id: "volgende-stap",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const params = {
    count: facts.unapprovedParticipants,
    participants: facts.participants,
    deadline: facts.answerDeadline ? formatDay(facts.answerDeadline, locale) : "—",
  };
  return (
    <section className="panel next-step" aria-labelledby="next-step-title">
      <h2 id="next-step-title">{t(TITLE[transition])}</h2>
      <p>{t(EXPLANATION[transition], params)}</p>
      {form.errors?.length ? (
        <div className="error-summary" role="alert" id={form.errorId}>
          <ul>
            {form.errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {!check.allowed ? (
        <>
          <p>{t("cycles.step.notYet")}</p>
          <ul className="refusal-list">
            {check.reasons.map((reason) => (
              <li key={reason}>{t(REFUSAL_MESSAGE[reason])}</li>
            ))}
          </ul>
        </>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value={transition} />
          {confirmation ? (
            <div className="confirmation">
              <p id="next-step-confirmation">{t(CONFIRMATION_TEXT[confirmation], params)}</p>
              <FieldError id={fields.confirm.errorId} errors={fields.confirm.errors} />
              <label className="checkbox">
                <input
                  type="checkbox"
                  name="confirm"
                  value={confirmation}
                  id={fields.confirm.id}
                  aria-invalid={fields.confirm.errors?.length ? true : undefined}
                  aria-describedby={describedBy(
                    "next-step-confirmation",
                    fields.confirm.errorId,
                    fields.confirm.errors,
                  )}
                />
                {t(CONFIRMATION_LABEL[confirmation], params)}
              </label>
            </div>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {t(busy ? "cycles.step.busy" : BUTTON[transition])}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}
