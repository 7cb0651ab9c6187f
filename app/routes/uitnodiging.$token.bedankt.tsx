import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { raterPageHeaders } from "~/rater/headers";
import { InvitationErrorBoundary } from "~/rater/invitation-error-boundary";
import { requireInvitation } from "~/rater/invitation-guard.server";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("rater.thanks.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { invitation } = await requireInvitation(request, params.token);
  if (invitation.state !== "submitted") throw redirect(`/uitnodiging/${params.token}`);
  return {
    participantFirstName: invitation.participant.firstName,
    isSelf: invitation.relationship === "self",
    cycleName: invitation.cycle.name,
  };
}

export default function ThanksPage() {
  const { participantFirstName, isSelf, cycleName } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="container narrow">
      <div className="notice notice--success" role="status">
        <h1>{t("rater.thanks.title")}</h1>
        <p>
          {isSelf
            ? t("rater.thanks.body.self", { cycle: cycleName })
            : t("rater.thanks.body.other", { name: participantFirstName })}
        </p>
      </div>
      <p>{t("rater.thanks.anonymous")}</p>
      <p>{t("rater.thanks.close")}</p>
    </div>
  );
}

export const ErrorBoundary = InvitationErrorBoundary;
export const headers = raterPageHeaders;
