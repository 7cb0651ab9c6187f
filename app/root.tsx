import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { getCurrentUser } from "./auth/guards.server";
import { getLocale } from "./i18n/locale.server";
import { DEFAULT_LOCALE, type Locale } from "./i18n/locales";
import { translator } from "./i18n/messages";
import { useTranslation } from "./i18n/use-translation";
import stylesUrl from "./styles/app.css?url";
import { titleMeta } from "./utils/meta";
import { useNonce } from "./utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
];

export const meta: MetaFunction = ({ error, matches }) =>
  titleMeta(matches, (t) => {
    if (!error) return t("home.title");
    if (isRouteErrorResponse(error) && error.status === 404) return t("error.notFound.title");
    if (isRouteErrorResponse(error) && error.status < 500) return t("error.badRequest.title");
    return t("error.server.title");
  });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  return {
    locale: await getLocale(request),
    user: user && {
      name: user.name,
      isHrAdmin: user.isHrAdmin,
      isTeamLead: user.roles.includes("team_lead"),
    },
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale: Locale = data?.locale ?? DEFAULT_LOCALE;
  const t = translator(locale);
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content={t("meta.description")} />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#inhoud">
          {t("layout.skipToContent")}
        </a>
        <SiteHeader />
        <main id="inhoud" className="page" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>{t("layout.footer.tagline")}</p>
            <p>{t("layout.footer.anonymity")}</p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function SiteHeader() {
  const { locale, t } = useTranslation();
  const location = useLocation();
  const user = useRouteLoaderData<typeof loader>("root")?.user ?? null;
  const otherLocale: Locale = locale === "nl" ? "en" : "nl";
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <a className="brand" href="/">
          <svg
            aria-hidden="true"
            viewBox="0 0 32 32"
            width="28"
            height="28"
            className="brand__mark"
          >
            <circle cx="16" cy="16" r="13" fill="none" stroke="currentColor" strokeWidth="3" />
            <circle cx="16" cy="16" r="4" fill="currentColor" />
          </svg>
          <span>Rondom</span>
        </a>
        <nav aria-label={t("layout.nav.label")} className="site-nav">
          <ul>
            <li>
              <NavLink to="/" end>
                {t("layout.nav.home")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/profielen">{t("layout.nav.profiles")}</NavLink>
            </li>
            {user ? (
              <li>
                <NavLink to="/mijn">{t("layout.nav.mine")}</NavLink>
              </li>
            ) : null}
            {user?.isHrAdmin || user?.isTeamLead ? (
              <li>
                <NavLink to="/teams">{t("teams.nav")}</NavLink>
              </li>
            ) : null}
            {user?.isHrAdmin ? (
              <li>
                <NavLink to="/beheer">{t("layout.nav.admin")}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        {user ? (
          <Form method="post" action="/uitloggen" className="account-switch">
            <span className="account-switch__name">
              {t("layout.signedInAs", { name: user.name })}
            </span>{" "}
            <button type="submit" className="link-button">
              {t("layout.signOut")}
            </button>
          </Form>
        ) : (
          <a className="account-switch" href="/inloggen">
            {t("layout.signIn")}
          </a>
        )}
        <Form method="post" action="/taal" className="language-switch">
          <input type="hidden" name="locale" value={otherLocale} />
          <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
          <button type="submit" className="link-button" lang={otherLocale}>
            {t("layout.language.switch")}
          </button>
        </Form>
      </div>
    </header>
  );
}

export default function App() {
  useFocusMainOnNavigation();
  return <Outlet />;
}

/** After a client-side page change, focus starts at the new page's content, as on a full load. */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const isFirstRender = useRef(true);
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    document.getElementById("inhoud")?.focus();
  }, [pathname]);
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const clientError = isRouteErrorResponse(error) && error.status >= 400 && error.status < 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  const title = notFound
    ? t("error.notFound.title")
    : clientError
      ? t("error.badRequest.title")
      : t("error.server.title");
  const body = notFound
    ? t("error.notFound.body")
    : clientError
      ? t("error.badRequest.body")
      : t("error.server.body");
  // A refusal's own text (app/utils/http-errors.server.ts) says what exactly was refused.
  const detail =
    clientError && !notFound && typeof error.data === "string" && error.data.length <= 300
      ? error.data
      : null;
  return (
    <div className="container narrow error-page">
      <h1>{title}</h1>
      <p>{body}</p>
      {detail ? <p>{detail}</p> : null}
      <p>
        <a href="/">{t("error.backHome")}</a>
      </p>
    </div>
  );
}
