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
import { getCurrentUser } from "~/auth/guards.server";
import { codeSchema, SIGN_IN_VALID_MINUTES } from "~/auth/sign-in-schema";
import { readPendingSignIn } from "~/auth/sign-in-cookies.server";
import { completeSignIn, verifySignInCode } from "~/auth/sign-in.server";
import { FormErrorSummary, TextField, useKitForm } from "~/components/forms";
import { getDb } from "~/db.server";
import { isOutboxPageEnabled } from "~/email/outbox-page.server";
import { messageRef } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("signIn.code.title"));
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const pending = await readPendingSignIn(db, request);
  if (!pending) throw redirect("/inloggen");
  if (await getCurrentUser(request)) throw redirect(pending.redirectTo);
  return { email: pending.email, outbox: await isOutboxPageEnabled(db) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const db = await getDb();
  const pending = await readPendingSignIn(db, request);
  if (!pending) throw redirect("/inloggen");
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, (name) => name === "code");
  const submission = parseWithZod(body, { schema: codeSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const outcome = await verifySignInCode(db, {
    email: pending.email,
    code: submission.value.code,
    clientAddress: context.clientAddress ?? "unknown",
    browser: pending.browser,
  });
  if (outcome.status === "rate_limited") {
    const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
    return data(
      {
        result: submission.reply({
          formErrors: [messageRef("signIn.code.rateLimited", { count: minutes })],
        }),
      },
      { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
    );
  }
  if (outcome.status === "invalid") {
    return data(
      {
        result: submission.reply({
          fieldErrors: { code: [messageRef("signIn.code.error.wrong")] },
        }),
      },
      { status: 400 },
    );
  }
  const headers = await completeSignIn(db, request, outcome, "code");
  return redirect(pending.redirectTo, { headers });
}

export default function SignInCodePage() {
  const { email, outbox } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useKitForm({
    id: "inlogcode",
    schema: codeSchema,
    lastResult: actionData?.result,
  });
  return (
    <div className="container narrow">
      <h1>{t("signIn.code.heading")}</h1>
      <p>{t("signIn.code.sent", { email })}</p>
      <FormErrorSummary
        form={form}
        fields={fields}
        labels={{ code: t("signIn.code.label") }}
        lastResult={actionData?.result}
      />
      <Form method="post" {...getFormProps(form)} className="stack-form">
        <TextField
          field={fields.code}
          label={t("signIn.code.label")}
          hint={t("signIn.code.hint", { minutes: SIGN_IN_VALID_MINUTES })}
          inputProps={{
            className: "code-input",
            inputMode: "numeric",
            autoComplete: "one-time-code",
            maxLength: 9,
            spellCheck: false,
          }}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {t("signIn.code.submit")}
          </button>
        </div>
      </Form>
      <p>{t("signIn.code.noMail")}</p>
      <p>
        <Link to="/inloggen">{t("signIn.code.again")}</Link>
      </p>
      {outbox ? (
        <p className="panel panel--demo">
          <a href={`/postvak-uit?aan=${encodeURIComponent(email)}`}>
            {t("signIn.code.demoOutbox")}
          </a>
        </p>
      ) : null}
    </div>
  );
}
