import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/db.server";
import { getDemoEntrancesIfEnabled } from "~/demo/demo-mode.server";
import { hasAnyOrganisation } from "~/organisation/create-organisation.server";
import { relationshipLabel } from "~/i18n/labels";
import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { getProfiles } from "~/profiles/load.server";
import { titleMeta } from "~/utils/meta";
import { invitationPath } from "~/utils/paths";
import type { DemoHighlight } from "#db/seed/demo-entrances";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("home.title"));

export async function loader(_: LoaderFunctionArgs) {
  const db = await getDb();
  const demo = await getDemoEntrancesIfEnabled(db);
  const firstProfile = getProfiles()[0];
  return {
    needsSetup: !(await hasAnyOrganisation(db)),
    demo: demo && {
      organisationName: demo.organisationName,
      // What the page shows of each person, nothing more (page data is shown data).
      people: {
        hrAdmins: demo.people.hrAdmins.map(shownPerson),
        departmentHeads: demo.people.departmentHeads.map(shownPerson),
        teamLeads: demo.people.teamLeads.map(shownPerson),
        employees: demo.people.employees.map(shownPerson),
        otherEmployees: demo.people.otherEmployees.map(shownPerson),
      },
      invitations: demo.invitations.map((invitation) => ({
        href: invitationPath(invitation.token),
        raterName: invitation.raterName,
        relationship: invitation.relationship,
        participantName: invitation.participantName,
        hasDraft: invitation.hasDraft,
      })),
    },
    firstProfile: firstProfile ? { id: firstProfile.id, name: firstProfile.name } : null,
  };
}

const steps: { title: MessageKey; body: MessageKey }[] = [
  { title: "home.steps.profile.title", body: "home.steps.profile.body" },
  { title: "home.steps.invite.title", body: "home.steps.invite.body" },
  { title: "home.steps.answer.title", body: "home.steps.answer.body" },
  { title: "home.steps.report.title", body: "home.steps.report.body" },
];

export default function HomePage() {
  const { demo, firstProfile, needsSetup } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="container">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t("home.heading")}</h1>
        <p className="lead">{t("home.lead")}</p>
        {firstProfile ? (
          <p>
            <Link className="button" to={`/profielen/${firstProfile.id}`}>
              {t("home.viewProfile", { name: firstProfile.name })}
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

      {demo ? (
        <section aria-labelledby="demo-title" className="panel panel--demo">
          <h2 id="demo-title">{t("home.demo.title", { organisation: demo.organisationName })}</h2>
          <p>{t("home.demo.intro")}</p>

          <h3>{t("home.demo.invitations.title")}</h3>
          <p>{t("home.demo.invitations.intro")}</p>
          <ul className="demo-list">
            {demo.invitations.map((invitation) => (
              <li key={invitation.href}>
                <a href={invitation.href}>
                  {invitation.relationship === "self"
                    ? t("home.demo.invitations.self", { participant: invitation.participantName })
                    : t("home.demo.invitations.item", {
                        rater: invitation.raterName,
                        relationship: t(relationshipLabel[invitation.relationship]),
                        participant: invitation.participantName,
                      })}
                </a>
                {invitation.hasDraft ? <> {t("home.demo.invitations.hasDraft")}</> : null}
              </li>
            ))}
          </ul>

          <h3>{t("home.demo.people.title")}</h3>
          <p>{t("home.demo.people.intro")}</p>
          <p>{t("home.demo.signIn.intro")}</p>
          <DemoPeople title={t("role.hrAdmin")} people={demo.people.hrAdmins} />
          <DemoPeople
            title={t("role.departmentHead")}
            hint={t("home.demo.people.departmentHeadHint")}
            people={demo.people.departmentHeads}
          />
          <DemoPeople
            title={t("role.teamLead")}
            hint={t("home.demo.people.teamLeadHint")}
            people={demo.people.teamLeads}
          />
          <DemoPeople title={t("role.employee")} people={demo.people.employees} />
          {demo.people.otherEmployees.length > 0 ? (
            <details className="demo-more">
              <summary>
                {t("home.demo.people.more", { count: demo.people.otherEmployees.length })}
              </summary>
              <DemoPeople title={t("role.employee")} people={demo.people.otherEmployees} />
            </details>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

type DemoPerson = {
  id: string;
  name: string;
  email: string;
  /** The job title, or the team where there is none. */
  description: string | null;
  highlights?: DemoHighlight[];
};

function shownPerson(person: {
  id: string;
  name: string;
  email: string;
  teamName: string | null;
  jobTitle: string | null;
  highlights?: DemoHighlight[];
}): DemoPerson {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    description: person.jobTitle ?? person.teamName,
    ...(person.highlights ? { highlights: person.highlights } : {}),
  };
}

const highlightLabel: Record<DemoHighlight, MessageKey> = {
  released_report: "home.demo.highlight.releasedReport",
  blind_spot: "home.demo.highlight.blindSpot",
  hidden_strength: "home.demo.highlight.hiddenStrength",
  few_raters: "home.demo.highlight.fewRaters",
  shared_with_lead: "home.demo.highlight.sharedWithLead",
  in_collecting_cycle: "home.demo.highlight.inCollectingCycle",
};

function DemoPeople({
  title,
  hint,
  people,
}: {
  title: string;
  hint?: string;
  people: DemoPerson[];
}) {
  const { t } = useTranslation();
  if (people.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      {hint ? <p className="hint">{hint}</p> : null}
      <ul className="demo-list">
        {people.map((person) => (
          <li key={person.id}>
            <Form method="post" action="/demo/inloggen" className="demo-sign-in">
              <input type="hidden" name="personId" value={person.id} />
              <button type="submit" className="button button--secondary">
                {t("demoSignIn.button", { name: person.name })}
              </button>
            </Form>
            {person.description}
            <br />
            <span className="demo-email">{person.email}</span>
            {person.highlights?.length ? (
              <>
                <br />
                <span className="muted">
                  {person.highlights.map((highlight) => t(highlightLabel[highlight])).join(" · ")}
                </span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
