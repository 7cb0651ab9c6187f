import type { ReactNode } from "react";
import { TextAreaField, type KitField } from "~/components/forms";
import { useTranslation } from "~/i18n/use-translation";
import { COMMENT_MAX_LENGTH } from "../questionnaire";

/** An optional open answer, with the reminder not to write anything recognisable. */
export function CommentField({ field, label }: { field: KitField; label: ReactNode }) {
  const { t } = useTranslation();
  return (
    <TextAreaField
      field={field}
      label={label}
      hint={t("rater.form.commentHint")}
      className={field.errors?.length ? "comment-field comment-field--invalid" : "comment-field"}
      textareaProps={{ rows: 3, maxLength: COMMENT_MAX_LENGTH }}
    />
  );
}
