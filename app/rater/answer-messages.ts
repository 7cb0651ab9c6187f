import type { Translate } from "~/i18n/messages";
import type { AnswerMessages } from "./answers-schema";
import { COMMENT_MAX_LENGTH } from "./questionnaire";

export function answerMessages(t: Translate): AnswerMessages {
  return {
    required: t("rater.form.error.required"),
    invalidChoice: t("rater.form.error.invalidChoice"),
    commentTooLong: t("rater.form.error.commentTooLong", { max: COMMENT_MAX_LENGTH }),
    unknownField: t("rater.form.error.unknownField"),
  };
}
