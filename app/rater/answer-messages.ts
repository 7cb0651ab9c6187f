import type { Translate } from "~/i18n/messages";
import type { AnswerMessages } from "./answers-schema";

export function answerMessages(t: Translate): AnswerMessages {
  return {
    required: t("rater.form.error.required"),
    invalidChoice: t("rater.form.error.invalidChoice"),
    commentTooLong: t("rater.form.error.commentTooLong", { max: 2000 }),
    unknownField: t("rater.form.error.unknownField"),
  };
}
