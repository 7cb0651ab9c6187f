import type { commonNl } from "./common.nl";

export const commonEn: Record<keyof typeof commonNl, string> = {
  "form.errorSummary.title": "Please check the form",
  "form.invalidValue": "This value is not valid.",
  "http.badRequest": "Rondom cannot process this request. Go back and try again.",
  "http.unknownIntent": "Unknown choice in the form.",
  "http.notFound": "Not found.",
  "http.conflict": "This is no longer possible: the data changed in the meantime. Reload the page.",
  "http.tooLarge": "The form is too large.",
  "notice.dismiss": "Close notice",
};
