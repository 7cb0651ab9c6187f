import { defineNotices } from "~/utils/notices";

/** The questionnaire's notice after "save and continue later" (post/redirect/get). */
export const QUESTIONNAIRE_NOTICES = defineNotices({
  opgeslagen: "rater.form.saved",
});
