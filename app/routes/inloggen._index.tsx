import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/auth/guards.server";
import { SIGN_IN_NOTICES } from "~/auth/notices";
import { signInSchema } from "~/auth/sign-in-schema";
import { readKnownBrowser, startPendingSignIn } from "~/auth/sign-in-cookies.server";
import { checkSignInRequestLimits, createSignIn } from "~/auth/sign-in.server";
import { FormErrorSummary, TextField, useKitForm } from "~/components/forms";
import { NoticeBanner } from "~/components/notice";
import { getDb } from "~/db.server";
import { isDemoModeEnabled } from "~/demo/demo-mode.server";
import { messageRef } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";
import { readNotice } from "~/utils/notices";
import { safeRedirectPath } from "~/utils/redirect";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("signIn.title"));
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirectPath(url.searchParams.get("redirectTo"), "/mijn");
  if (await getCurrentUser(request)) throw redirect(redirectTo);
  return {
    redirectTo,
    notice: readNotice(url, SIGN_IN_NOTICES),
    demo: await isDemoModeEnabled(await getDb()),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, (name) => name === "email" || name === "redirectTo");
  const submission = parseWithZod(body, { schema: signInSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const { email, redirectTo } = submission.value;
  const db = await getDb();
  const outcome = await checkSignInRequestLimits(db, {
    email,
    clientAddress: context.clientAddress ?? "unknown",
    // A browser the person signed in from before is spared the per-address ceiling.
    knownBrowser: await readKnownBrowser(db, request),
  });
  if (outcome.status === "rate_limited") {
    const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
    return data(
      {
        result: submission.reply({
          formErrors: [messageRef("signIn.rateLimited", { count: minutes })],
        }),
      },
      { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
    );
  }
  const { pending, setCookie } = await startPendingSignIn(db, request, { email, redirectTo });
  // Made after the answer is sent: a known address must not be answered more slowly than an
  // unknown one (the difference would tell which addresses have an account).
  setTimeout(() => {
    createSignIn(db, pending).catch((error: unknown) => {
      console.error(`Inlogmail maken mislukt: ${error instanceof Error ? error.message : error}`);
    });
  }, 0);
  return redirect("/inloggen/code", { headers: { "Set-Cookie": setCookie } });
}

export default function SignInPage() {
  const { redirectTo, notice, demo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useKitForm({
    id: "inloggen",
    schema: signInSchema,
    lastResult: actionData?.result,
  });
  return (
    <div className="container narrow">
      <NoticeBanner notice={notice} />
      <h1>{t("signIn.heading")}</h1>
      <p>{t("signIn.intro")}</p>
      <FormErrorSummary
        form={form}
        fields={fields}
        labels={{ email: t("signIn.email") }}
        lastResult={actionData?.result}
      />
      <Form method="post" {...getFormProps(form)} className="stack-form">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          field={fields.email}
          label={t("signIn.email")}
          hint={t("signIn.emailHint")}
          type="email"
          inputProps={{ autoComplete: "email", inputMode: "email", spellCheck: false }}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {t("signIn.submit")}
          </button>
        </div>
      </Form>
      <p className="hint">{t("signIn.privacy")}</p>
      {demo ? (
        <p className="panel panel--demo">
          <a href="/#demo-title">{t("signIn.demoHint")}</a>
        </p>
      ) : null}
    </div>
  );
}
