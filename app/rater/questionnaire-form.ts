import { useCallback, useMemo, useState, type RefObject } from "react";
import { useKitForm, type FormResult } from "~/components/forms";
import { answersModeOf, createAnswersSchema } from "./answers-schema";
import { countAnswered, type AnswerValues, type Questionnaire } from "./questionnaire";

/**
 * The questionnaire's form (the kit's, with the server's schemas): "save" checks a draft,
 * "send" checks every item, and a re-check while the rater types carries no button value,
 * so it checks as the refused send did.
 */
export function useQuestionnaireForm(options: {
  questionnaire: Questionnaire;
  draft: AnswerValues;
  lastResult: FormResult | undefined;
}) {
  const { questionnaire, draft, lastResult } = options;
  const schemas = useMemo(
    () => ({
      draft: createAnswersSchema(questionnaire, "draft"),
      submit: createAnswersSchema(questionnaire, "submit"),
    }),
    [questionnaire],
  );
  const [form, fields] = useKitForm({
    id: "vragenlijst",
    schema: (formData) => schemas[answersModeOf(formData.get("intent"))],
    lastResult,
    defaultValue: draft,
  });
  const initialValues = (lastResult?.initialValue ?? draft) as Partial<AnswerValues>;
  return { form, fields, initialValues };
}

/** How many items have an answer: from the values the page starts with, then from the form. */
export function useAnsweredCount(
  formRef: RefObject<HTMLFormElement | null>,
  questionnaire: Questionnaire,
  initialRatings: AnswerValues["ratings"] | undefined,
) {
  const [answered, setAnswered] = useState(() =>
    countAnswered(questionnaire, initialRatings ?? {}),
  );
  const recount = useCallback(() => {
    const element = formRef.current;
    if (element) setAnswered(element.querySelectorAll('input[type="radio"]:checked').length);
  }, [formRef]);
  return { answered, recount };
}
