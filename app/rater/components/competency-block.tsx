import type { ReactNode } from "react";
import type { KitField } from "~/components/forms";
import { useTranslation } from "~/i18n/use-translation";
import type { DisplayScale } from "../localized-scale";
import {
  GENERAL_QUESTIONS,
  type AnswerValues,
  type Questionnaire,
  type QuestionnaireCompetency,
} from "../questionnaire";
import { CommentField } from "./comment-field";
import { RatingFieldset } from "./rating-fieldset";

/** One competency: where it stands in the list, its text, its behaviours and a comment. */
export function CompetencyBlock({
  competency,
  position,
  questionnaire,
  scale,
  isSelf,
  participantFirstName,
  ratingFields,
  commentField,
  initialRatings,
}: {
  competency: QuestionnaireCompetency;
  /** 1-based. */
  position: number;
  questionnaire: Questionnaire;
  scale: DisplayScale;
  isSelf: boolean;
  participantFirstName: string;
  ratingFields: Record<string, KitField>;
  commentField: KitField;
  initialRatings: AnswerValues["ratings"] | undefined;
}) {
  const { t } = useTranslation();
  const headingId = `competency-${competency.id}`;
  const language = questionnaire.language;
  return (
    <section className="questionnaire__competency" aria-labelledby={headingId}>
      <p className="eyebrow">
        {t("rater.form.section", {
          index: position,
          count: questionnaire.competencies.length,
        })}
        {" · "}
        <span lang={language}>{competency.clusterName}</span>
        {competency.organisationWide ? ` · ${t("profile.organisationWide")}` : null}
      </p>
      <h2 id={headingId} lang={language}>
        {competency.name}
      </h2>
      {competency.description ? (
        <p className="questionnaire__description" lang={language}>
          {competency.description}
        </p>
      ) : null}
      <p className="questionnaire__stem">
        {isSelf
          ? t("rater.form.stem.self")
          : t("rater.form.stem.other", { name: participantFirstName })}
      </p>
      {competency.indicators.map((indicator) => {
        // Conform's fieldsets are proxies with metadata for any key.
        const field = ratingFields[indicator.id]!;
        return (
          <RatingFieldset
            key={indicator.id}
            name={field.name}
            idPrefix={field.id}
            legend={indicator.text}
            lang={language}
            scaleLang={scale.lang}
            scale={scale.points}
            notApplicableLabel={scale.notApplicableLabel}
            defaultValue={initialRatings?.[indicator.id]}
            errors={field.errors}
            errorId={field.errorId}
          />
        );
      })}
      <CommentField
        field={commentField}
        label={markLanguage(
          t("rater.form.comment", { competency: competency.name }),
          competency.name,
          language,
        )}
      />
    </section>
  );
}

/** The closing open questions ("what goes well", "what could be better"). */
export function GeneralQuestions({ fields }: { fields: Record<string, KitField> }) {
  const { t } = useTranslation();
  return (
    <section className="questionnaire__competency" aria-labelledby="general-title">
      <h2 id="general-title">{t("rater.form.general.title")}</h2>
      <p>{t("rater.form.general.intro")}</p>
      {GENERAL_QUESTIONS.map((question) => (
        <CommentField
          key={question}
          field={fields[question]!}
          label={t(`rater.form.general.${question}`)}
        />
      ))}
    </section>
  );
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
