import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { getCurrentUser } from "~/auth/guards.server";
import { createSignInSchema, type SignInMessages } from "~/auth/sign-in-schema";
import { readKnownBrowser, startPendingSignIn } from "~/auth/sign-in-cookies.server";
import { checkSignInRequestLimits, createSignIn } from "~/auth/sign-in.server";
import { describedBy, FieldError } from "~/components/field-error";
import { getDb } from "~/db.server";
import { isDemoModeEnabled } from "~/demo/demo-mode.server";
import { getLocale } from "~/i18n/locale.server";
import { translator, type Translate } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";
import { safeRedirectPath } from "~/utils/redirect";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("signIn.title"));
export const headers = privatePageHeaders;

function signInMessages(t: Translate): SignInMessages {
  return {
    emailRequired: t("signIn.error.email.required"),
    emailInvalid: t("signIn.error.email.invalid"),
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirectPath(url.searchParams.get("redirectTo"), "/mijn");
  if (await getCurrentUser(request)) throw redirect(redirectTo);
  const signedOut = url.searchParams.get("uitgelogd");
  return {
    redirectTo,
    notice: signedOut === "overal" ? "everywhere" : signedOut !== null ? "here" : null,
    demo: await isDemoModeEnabled(await getDb()),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, (name) => name === "email" || name === "redirectTo");
  const t = translator(await getLocale(request));
  const submission = parseWithZod(body, { schema: createSignInSchema(signInMessages(t)) });
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
      { result: submission.reply({ formErrors: [t("signIn.rateLimited", { minutes })] }) },
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
  const messages = useMemo(() => signInMessages(t), [t]);
  const [form, fields] = useForm({
    id: "inloggen",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createSignInSchema(messages) }),
  });
  const hintId = `${fields.email.id}-hint`;
  return (
    <div className="container narrow">
      {notice ? (
        <p className="notice notice--success" role="status">
          {notice === "everywhere" ? t("signIn.signedOutEverywhere") : t("signIn.signedOut")}
        </p>
      ) : null}
      <h1>{t("signIn.heading")}</h1>
      <p>{t("signIn.intro")}</p>
      {form.errors?.length ? (
        <div className="error-summary" role="alert" id={form.errorId}>
          <p>{form.errors.join(" ")}</p>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack-form">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <div className="text-field">
          <label htmlFor={fields.email.id}>{t("signIn.email")}</label>
          <p className="hint" id={hintId}>
            {t("signIn.emailHint")}
          </p>
          <FieldError id={fields.email.errorId} errors={fields.email.errors} />
          <input
            {...getInputProps(fields.email, { type: "email" })}
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            aria-describedby={describedBy(hintId, fields.email.errorId, fields.email.errors)}
          />
        </div>
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
