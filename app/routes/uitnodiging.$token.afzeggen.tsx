import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { getDb } from "~/db.server";
import { translator, type Translate } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { createDeclineSchema, DECLINE_REASON_MAX_LENGTH } from "~/rater/decline-schema";
import { declineInvitation } from "~/rater/invitation.server";
import { raterPageHeaders } from "~/rater/headers";
import { InvitationErrorBoundary } from "~/rater/invitation-error-boundary";
import { requireInvitation } from "~/rater/invitation-guard.server";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("rater.decline.title"));

function declineMessages(t: Translate) {
  return {
    reasonTooLong: t("rater.decline.reasonTooLong", { max: DECLINE_REASON_MAX_LENGTH }),
    unknownField: t("rater.form.error.unknownField"),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { invitation } = await requireInvitation(request, params.token);
  if (invitation.state !== "open") throw redirect(`/uitnodiging/${params.token}`);
  return {
    participantFirstName: invitation.participant.firstName,
    isSelf: invitation.relationship === "self",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { invitation, locale } = await requireInvitation(request, params.token);
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, (name) => name === "reason");
  if (invitation.state !== "open") throw redirect(`/uitnodiging/${params.token}`);
  const t = translator(locale);
  const submission = parseWithZod(body, { schema: createDeclineSchema(declineMessages(t)) });
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
  const messages = useMemo(() => declineMessages(t), [t]);
  const [form, fields] = useForm({
    id: "afzeggen",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createDeclineSchema(messages) }),
  });
  const reasonErrors = fields.reason.errors;
  return (
    <div className="container narrow">
      <h1>{t("rater.decline.title")}</h1>
      <p>
        {isSelf
          ? t("rater.decline.intro.self")
          : t("rater.decline.intro.other", { name: participantFirstName })}
      </p>
      <Form method="post" {...getFormProps(form)}>
        <div className="comment-field">
          <label htmlFor={fields.reason.id}>{t("rater.decline.reason")}</label>
          <p className="hint" id={`${fields.reason.id}-hint`}>
            {t("rater.decline.reasonHint")}
          </p>
          {reasonErrors?.length ? (
            <p className="field-error" id={fields.reason.errorId}>
              {reasonErrors.join(" ")}
            </p>
          ) : null}
          <textarea
            {...getTextareaProps(fields.reason)}
            rows={3}
            maxLength={DECLINE_REASON_MAX_LENGTH}
            aria-describedby={
              reasonErrors?.length
                ? `${fields.reason.id}-hint ${fields.reason.errorId}`
                : `${fields.reason.id}-hint`
            }
          />
        </div>
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
