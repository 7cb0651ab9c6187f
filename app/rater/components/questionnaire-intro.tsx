import { useTranslation } from "~/i18n/use-translation";

/** The questionnaire's heading and how to answer, with the deadline if the round has one. */
export function QuestionnaireIntro({
  isSelf,
  participantName,
  participantFirstName,
  deadline,
}: {
  isSelf: boolean;
  participantName: string;
  participantFirstName: string;
  deadline: string | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      <h1>
        {isSelf
          ? t("rater.intro.title.self")
          : t("rater.intro.title.other", { name: participantName })}
      </h1>
      <p>
        {isSelf
          ? t("rater.form.instructions.self")
          : t("rater.form.instructions.other", { name: participantFirstName })}
        {deadline ? ` ${t("rater.form.deadline", { deadline })}` : null}
      </p>
    </>
  );
}
