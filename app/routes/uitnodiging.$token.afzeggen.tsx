import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { TextAreaField, useKitForm } from "~/components/forms";
import { getDb } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import { DECLINE_REASON_MAX_LENGTH, declineSchema } from "~/rater/decline-schema";
import { declineInvitation } from "~/rater/invitation.server";
import { raterPageHeaders } from "~/rater/headers";
import { InvitationErrorBoundary } from "~/rater/invitation-error-boundary";
import { requireInvitation } from "~/rater/invitation-guard.server";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("rater.decline.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { invitation } = await requireInvitation(request, params.token);
  if (invitation.state !== "open") throw redirect(`/uitnodiging/${params.token}`);
  return {
    participantFirstName: invitation.participant.firstName,
    isSelf: invitation.relationship === "self",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { invitation } = await requireInvitation(request, params.token);
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, (name) => name === "reason");
  if (invitation.state !== "open") throw redirect(`/uitnodiging/${params.token}`);
  const submission = parseWithZod(body, { schema: declineSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const db = await getDb();
  await declineInvitation(db, invitation.id, submission.value.reason || null);
  throw redirect(`/uitnodiging/${params.token}`);
}

export default function DeclinePage() {
  const { participantFirstName, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useKitForm({
    id: "afzeggen",
    schema: declineSchema,
    lastResult: actionData?.result,
  });
  return (
    <div className="container narrow">
      <h1>{t("rater.decline.title")}</h1>
      <p>
        {isSelf
          ? t("rater.decline.intro.self")
          : t("rater.decline.intro.other", { name: participantFirstName })}
      </p>
      <Form method="post" {...getFormProps(form)}>
        <TextAreaField
          field={fields.reason}
          label={t("rater.decline.reason")}
          hint={t("rater.decline.reasonHint")}
          className="comment-field"
          textareaProps={{ rows: 3, maxLength: DECLINE_REASON_MAX_LENGTH }}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {t("rater.decline.confirm")}
          </button>
          <Link to="../vragenlijst" relative="path">
            {t("rater.decline.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}

export const ErrorBoundary = InvitationErrorBoundary;
export const headers = raterPageHeaders;
