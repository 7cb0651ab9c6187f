import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import { loadDraft } from "~/rater/invitation.server";
import { raterPageHeaders } from "~/rater/headers";
import { InvitationErrorBoundary } from "~/rater/invitation-error-boundary";
import { requireInvitation } from "~/rater/invitation-guard.server";
import { estimatedMinutes, indicatorCount } from "~/rater/questionnaire";
import { loadQuestionnaire } from "~/rater/questionnaire.server";
import { formatDay } from "~/utils/dates";
import { titleMeta } from "~/utils/meta";
import { relationshipGroupLabel, relationshipLabel } from "~/i18n/labels";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  titleMeta(matches, (t) =>
    data?.invitation.relationship === "self"
      ? t("rater.intro.title.self")
      : t("rater.intro.title.other", { name: data?.invitation.participant.fullName ?? "" }),
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { invitation, locale } = await requireInvitation(request, params.token);
  const db = await getDb();
  const questionnaire = await loadQuestionnaire(db, invitation.participant.profileSnapshotId);
  const hasDraft = invitation.state === "open" && (await loadDraft(db, invitation.id)) !== null;
  return {
    invitation: {
      state: invitation.state,
      relationship: invitation.relationship,
      raterName: invitation.raterName,
      participant: {
        firstName: invitation.participant.firstName,
        fullName: invitation.participant.fullName,
      },
      cycle: {
        name: invitation.cycle.name,
        organisationName: invitation.cycle.organisationName,
        deadline: invitation.cycle.answerDeadline
          ? formatDay(invitation.cycle.answerDeadline, locale)
          : null,
        minGroupSize: invitation.cycle.minGroupSize,
        managerIdentifiable: invitation.cycle.managerIdentifiable,
        leadAccess: invitation.cycle.leadAccess,
      },
    },
    hasDraft,
    items: indicatorCount(questionnaire),
    competencies: questionnaire.competencies.length,
    minutes: estimatedMinutes(questionnaire),
  };
}

export default function InvitationIntroPage() {
  const { invitation, hasDraft, items, competencies, minutes } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { participant, cycle, relationship } = invitation;
  const isSelf = relationship === "self";

  if (invitation.state !== "open") {
    const key = {
      submitted: { title: "rater.submitted.title", body: "rater.submitted.body" },
      declined: { title: "rater.declined.title", body: "rater.declined.body" },
      closed: { title: "rater.closed.title", body: "rater.closed.body" },
    } as const;
    const texts = key[invitation.state];
    return (
      <div className="container narrow">
        <h1>{t(texts.title)}</h1>
        <p>{t(texts.body, { name: participant.firstName, cycle: cycle.name })}</p>
      </div>
    );
  }

  const k = cycle.minGroupSize;
  const managerRecognisable = relationship === "manager" && cycle.managerIdentifiable;
  return (
    <div className="container narrow">
      <p className="eyebrow">{cycle.organisationName}</p>
      <h1>
        {isSelf
          ? t("rater.intro.title.self")
          : t("rater.intro.title.other", { name: participant.fullName })}
      </h1>
      <p>{t("rater.intro.greeting", { rater: invitation.raterName })}</p>
      <p>
        {isSelf
          ? t("rater.intro.invited.self", { cycle: cycle.name })
          : t("rater.intro.invited.other", {
              name: participant.fullName,
              firstName: participant.firstName,
              cycle: cycle.name,
              relationship: t(relationshipLabel[relationship]),
            })}
      </p>
      <ul className="facts">
        {cycle.deadline ? <li>{t("rater.intro.deadline", { deadline: cycle.deadline })}</li> : null}
        <li>{t("rater.intro.time", { minutes, items, competencies })}</li>
        <li>{t("rater.intro.saving")}</li>
      </ul>

      <section aria-labelledby="privacy-title" className="panel">
        <h2 id="privacy-title">{t("rater.privacy.title")}</h2>
        {isSelf ? (
          <ul>
            <li>{t("rater.privacy.self.report")}</li>
            <li>
              {cycle.leadAccess === "never"
                ? t("rater.privacy.self.leadNever")
                : t("rater.privacy.self.leadWithConsent")}
            </li>
            <li>{t("rater.privacy.hr")}</li>
          </ul>
        ) : managerRecognisable ? (
          <ul>
            <li>
              <strong>
                {t("rater.privacy.manager.recognisable", { name: participant.firstName })}
              </strong>
            </li>
            <li>{t("rater.privacy.hr")}</li>
          </ul>
        ) : (
          <ul>
            {relationship === "manager" ? <li>{t("rater.privacy.manager.anonymous")}</li> : null}
            <li>{t("rater.privacy.unlinked")}</li>
            <li>
              {t("rater.privacy.threshold", {
                name: participant.firstName,
                group: t(relationshipGroupLabel[relationship]),
                k,
              })}
            </li>
            <li>{t("rater.privacy.comments", { name: participant.firstName, k })}</li>
            {cycle.leadAccess === "with_consent" ? (
              <li>{t("rater.privacy.leadWithConsent", { name: participant.firstName })}</li>
            ) : null}
            <li>{t("rater.privacy.hr")}</li>
          </ul>
        )}
      </section>

      <div className="actions">
        <Link className="button" to="vragenlijst">
          {hasDraft ? t("rater.intro.continue") : t("rater.intro.start")}
        </Link>
        <Link to="afzeggen">{t("rater.intro.decline")}</Link>
      </div>
    </div>
  );
}

export const ErrorBoundary = InvitationErrorBoundary;
export const headers = raterPageHeaders;
