import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { completeSignIn, consumeSignInLink, isSignInLinkValid } from "~/auth/sign-in.server";
import { SIGN_IN_VALID_MINUTES } from "~/auth/sign-in-schema";
import { getDb } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import { readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";
import { safeRedirectPath } from "~/utils/redirect";

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("signIn.link.title"));
export const headers = privatePageHeaders;

// Opening the link only shows a button: mail scanners that follow links (and so would use
// up a one-time link) do not press buttons. The sign-in happens on the POST.
export async function loader({ params }: LoaderFunctionArgs) {
  const valid = await isSignInLinkValid(await getDb(), params.token ?? "");
  return data({ valid }, { status: valid ? 200 : 404 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await readFormBody(request);
  const db = await getDb();
  const person = await consumeSignInLink(db, params.token ?? "");
  if (!person) return data({ valid: false }, { status: 404 });
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/mijn");
  const headers = await completeSignIn(db, request, person, "link");
  return redirect(redirectTo, { headers });
}

export default function SignInLinkPage() {
  const { valid } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (!valid) {
    return (
      <div className="container narrow">
        <h1>{t("signIn.link.invalid.heading")}</h1>
        <p>{t("signIn.link.invalid.body", { minutes: SIGN_IN_VALID_MINUTES })}</p>
        <p>
          <Link className="button" to="/inloggen">
            {t("signIn.code.again")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="container narrow">
      <h1>{t("signIn.link.heading")}</h1>
      <p>{t("signIn.link.body")}</p>
      <Form method="post">
        <button type="submit" className="button">
          {t("signIn.link.submit")}
        </button>
      </Form>
    </div>
  );
}
