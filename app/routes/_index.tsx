import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/db.server";
import { DemoSection } from "~/demo/components/demo-section";
import { demoPage } from "~/demo/demo-page";
import { getDemoEntrancesIfEnabled } from "~/demo/demo-mode.server";
import { DEMO_PROFILE_ID } from "~/demo/demo-profile";
import { hasAnyOrganisation } from "~/organisation/create-organisation.server";
import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { getProfile, getProfiles } from "~/profiles/load.server";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("home.title"));

export async function loader(_: LoaderFunctionArgs) {
  const db = await getDb();
  const demo = await getDemoEntrancesIfEnabled(db);
  // The demo's profile, not whichever file sorts first; an instance with profiles of its own
  // in SURVEYS_DIR shows its first.
  const shownProfile = getProfile(DEMO_PROFILE_ID) ?? getProfiles()[0];
  return {
    needsSetup: !(await hasAnyOrganisation(db)),
    demo: demo && demoPage(demo),
    shownProfile: shownProfile ? { id: shownProfile.id, name: shownProfile.name } : null,
  };
}

const steps: { title: MessageKey; body: MessageKey }[] = [
  { title: "home.steps.profile.title", body: "home.steps.profile.body" },
  { title: "home.steps.invite.title", body: "home.steps.invite.body" },
  { title: "home.steps.answer.title", body: "home.steps.answer.body" },
  { title: "home.steps.report.title", body: "home.steps.report.body" },
];

export default function HomePage() {
  const { demo, shownProfile, needsSetup } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="container">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t("home.heading")}</h1>
        <p className="lead">{t("home.lead")}</p>
        {shownProfile ? (
          <p>
            <Link className="button" to={`/profielen/${shownProfile.id}`}>
              {t("home.viewProfile", { name: shownProfile.name })}
            </Link>
          </p>
        ) : null}
      </section>

      {needsSetup ? (
        <section aria-labelledby="setup-title" className="panel">
          <h2 id="setup-title">{t("home.setup.title")}</h2>
          <p>{t("home.setup.body")}</p>
          <pre className="setup-command">
            <code>
              npm run org:create -- --name &quot;Gemeente Voorbeeld&quot; --hr-email hr@voorbeeld.nl
              --hr-first-name Hanna --hr-last-name &quot;de Vries&quot;
            </code>
          </pre>
        </section>
      ) : null}

      <section aria-labelledby="how-title">
        <h2 id="how-title">{t("home.steps.title")}</h2>
        <ol className="steps">
          {steps.map((step) => (
            <li key={step.title} className="steps__item">
              <h3>{t(step.title)}</h3>
              <p>{t(step.body)}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="anonymity-title" className="panel">
        <h2 id="anonymity-title">{t("home.anonymity.title")}</h2>
        <ul>
          <li>{t("home.anonymity.threshold")}</li>
          <li>{t("home.anonymity.differencing")}</li>
          <li>{t("home.anonymity.storage")}</li>
          <li>{t("home.anonymity.hr")}</li>
        </ul>
      </section>

      {demo ? <DemoSection demo={demo} /> : null}
    </div>
  );
}
