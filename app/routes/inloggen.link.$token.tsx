import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { completeSignIn, consumeSignInLink, inspectSignInLink } from "~/auth/sign-in.server";
import { readPendingSignIn } from "~/auth/sign-in-cookies.server";
import { SIGN_IN_VALID_MINUTES } from "~/auth/sign-in-schema";
import { getDb } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";
import { safeRedirectPath } from "~/utils/redirect";

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("signIn.link.title"));
export const headers = privatePageHeaders;

/** What the confirmation's own button sends: `intent=confirm`. */
const CONFIRM_INTENT = "confirm";

// Opening the link only shows a button: mail scanners that follow links (and so would use
// up a one-time link) do not press buttons. The sign-in happens on the POST.
//
// A link opened in another browser than the one that asked for it (the pending sign-in
// cookie tells) is not refused, since reading the mail on a phone after asking on a laptop is
// ordinary, and a person whose address a stranger keeps asking for may have only those
// mails to sign in with. Instead the page says whose account the link opens (name and
// organisation), and only its own button, which sends CONFIRM_INTENT, signs in: someone
// sent an attacker's link to sign in to the attacker's account (login CSRF) sees a name that
// is not theirs. Posts from other sites are refused before they get here (server.js).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb();
  const browser = (await readPendingSignIn(db, request))?.browser ?? null;
  const link = await inspectSignInLink(db, params.token ?? "", browser);
  if (!link) return data({ valid: false as const }, { status: 404 });
  return data({ valid: true as const, ...link });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, (name) => name === "intent");
  const db = await getDb();
  const url = new URL(request.url);
  const redirectTo = safeRedirectPath(url.searchParams.get("redirectTo"), "/mijn");
  const outcome = await consumeSignInLink(db, params.token ?? "", {
    browser: (await readPendingSignIn(db, request))?.browser ?? null,
    confirmed: body.get("intent") === CONFIRM_INTENT,
  });
  if (outcome.status === "invalid") return data({ valid: false as const }, { status: 404 });
  // The page was shown as for the asking browser, which this one is not (any more): show
  // the confirmation instead of signing in.
  if (outcome.status === "needs_confirmation") return redirect(url.pathname + url.search);
  const headers = await completeSignIn(db, request, outcome, "link");
  return redirect(redirectTo, { headers });
}

export default function SignInLinkPage() {
  const link = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (!link.valid) {
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
  if (!link.sameBrowser) {
    const who = { name: link.name, organisation: link.organisationName };
    return (
      <div className="container narrow">
        <h1>{t("signIn.link.heading")}</h1>
        <p>{t("signIn.link.otherBrowser.body", who)}</p>
        <p>{t("signIn.link.otherBrowser.warning", who)}</p>
        <Form method="post">
          <input type="hidden" name="intent" value={CONFIRM_INTENT} />
          <button type="submit" className="button">
            {t("signIn.link.otherBrowser.submit", who)}
          </button>
        </Form>
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
