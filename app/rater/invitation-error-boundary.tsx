import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

/** One page for every link that does not work, whatever the reason (no oracle for guessing). */
export function InvitationErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <div className="container narrow">
        <h1>{t("rater.notFound.title")}</h1>
        <p>{t("rater.notFound.body")}</p>
        <p>{t("rater.notFound.help")}</p>
      </div>
    );
  }
  if (isRouteErrorResponse(error) && error.status < 500) {
    return (
      <div className="container narrow">
        <h1>{t("rater.badRequest.title")}</h1>
        <p>{t("rater.form.error.badRequest")}</p>
        <p>{t("rater.badRequest.nothingSaved")}</p>
      </div>
    );
  }
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <div className="container narrow">
      <h1>{t("error.server.title")}</h1>
      <p>{t("error.server.body")}</p>
    </div>
  );
}
