import { getFormProps } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import {
  describedBy,
  ErrorList,
  FormErrorSummary,
  useKitForm,
  type FormResult,
} from "~/components/forms";
import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { formatDay } from "~/utils/dates";
import { createTransitionSchema, REFUSAL_MESSAGE } from "../transition-schema";
import type {
  Confirmation,
  CycleTransition,
  TransitionCheck,
  TransitionFacts,
} from "../transitions";

const TITLE: Record<CycleTransition, MessageKey> = {
  "start-nominating": "cycles.step.start_nominating.title",
  "start-collecting": "cycles.step.start_collecting.title",
  close: "cycles.step.close.title",
  release: "cycles.step.release.title",
};
const EXPLANATION: Record<CycleTransition, MessageKey> = {
  "start-nominating": "cycles.step.start_nominating.explanation",
  "start-collecting": "cycles.step.start_collecting.explanation",
  close: "cycles.step.close.explanation",
  release: "cycles.step.release.explanation",
};
const BUTTON: Record<CycleTransition, MessageKey> = {
  "start-nominating": "cycles.step.start_nominating.button",
  "start-collecting": "cycles.step.start_collecting.button",
  close: "cycles.step.close.button",
  release: "cycles.step.release.button",
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
 * The next step of a cycle: what it does, why it cannot be taken yet, or the button (with a
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
  lastResult?: FormResult | null;
}) {
  const { t, locale } = useTranslation();
  // A second click while the step runs would only be refused (the server guards it); the
  // button says it is busy instead.
  const busy = useNavigation().state === "submitting";
  const confirmation = check.allowed ? check.confirmation : null;
  const schema = useMemo(() => createTransitionSchema({ required: confirmation }), [confirmation]);
  const [form, fields] = useKitForm({ id: "volgende-stap", schema, lastResult });
  const params = {
    count: facts.unapprovedParticipants,
    participants: facts.participants,
    deadline: facts.answerDeadline ? formatDay(facts.answerDeadline, locale) : "—",
  };
  return (
    <section className="panel next-step" aria-labelledby="next-step-title">
      <h2 id="next-step-title">{t(TITLE[transition])}</h2>
      <p>{t(EXPLANATION[transition], params)}</p>
      <FormErrorSummary form={form} lastResult={lastResult} role="alert" />
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
              <ErrorList id={fields.confirm.errorId} errors={fields.confirm.errors} />
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

/** In place of the next step once a cycle is released: it is done, and its reports. */
export function CycleFinished({
  reports,
}: {
  reports: { computed: number; participants: number } | null;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel next-step" aria-labelledby="next-step-title">
      <h2 id="next-step-title">{t("cycles.step.none.title")}</h2>
      <p>{t("cycles.step.none.explanation")}</p>
      {reports ? (
        <p>
          {t("cycles.page.reports", {
            computed: reports.computed,
            participants: reports.participants,
          })}
        </p>
      ) : null}
    </section>
  );
}
