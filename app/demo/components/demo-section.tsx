import { Form } from "@remix-run/react";
import type { DemoHighlight } from "#db/seed/demo-entrances";
import { relationshipLabel } from "~/i18n/labels";
import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import type { DemoPage, DemoPerson } from "../demo-page";

const highlightLabel: Record<DemoHighlight, MessageKey> = {
  released_report: "home.demo.highlight.releasedReport",
  blind_spot: "home.demo.highlight.blindSpot",
  hidden_strength: "home.demo.highlight.hiddenStrength",
  few_raters: "home.demo.highlight.fewRaters",
  shared_with_lead: "home.demo.highlight.sharedWithLead",
  in_collecting_cycle: "home.demo.highlight.inCollectingCycle",
};

/** The demo's ways in on the home page: open questionnaires, and people to sign in as. */
export function DemoSection({ demo }: { demo: DemoPage }) {
  const { t } = useTranslation();
  return (
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
  );
}

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
