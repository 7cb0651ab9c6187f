import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { CycleStatus } from "#db/schema";
import { NextStep, REFUSAL_MESSAGE } from "~/cycles/components/next-step";
import { ProgressTable } from "~/cycles/components/progress-table";
import { SettingsSummary } from "~/cycles/components/settings-summary";
import { StatusSteps } from "~/cycles/components/status-steps";
import { profileName, requireCycleForHr } from "~/cycles/cycle-access.server";
import { settingsFromCycle } from "~/cycles/cycles.server";
import { loadCycleDashboard } from "~/cycles/dashboard.server";
import { runTransition } from "~/cycles/lifecycle.server";
import { RELATIONSHIP_ORDER } from "~/cycles/progress";
import { allSettingsLocked, mayChangeParticipants } from "~/cycles/settings-locks";
import { createTransitionSchema, TRANSITION_FORM_FIELDS } from "~/cycles/transition-schema";
import { hasInvitations, type CycleTransition } from "~/cycles/transitions";
import { cycleStatusLabel } from "~/i18n/labels";
import { getLocale } from "~/i18n/locale.server";
import { translator, type MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleMeta(matches, (t) => (data ? data.cycle.name : t("error.notFound.title")));
export const headers = privatePageHeaders;

/** What ?gelukt= says after a step, and its message. */
const DONE_NOTICE = {
  aangemaakt: "cycles.notice.created",
  opgeslagen: "cycles.notice.saved",
  ongewijzigd: "cycles.notice.unchanged",
  voordragen: "cycles.notice.start_nominating",
  verzamelen: "cycles.notice.start_collecting",
  gesloten: "cycles.notice.close",
  vrijgegeven: "cycles.notice.release",
  herinnerd: "invitations.remind.notice.sent",
} as const satisfies Record<string, MessageKey>;

const DONE_PARAMETER: Record<CycleTransition, keyof typeof DONE_NOTICE> = {
  start_nominating: "voordragen",
  start_collecting: "verzamelen",
  close: "gesloten",
  release: "vrijgegeven",
};

function doneNotice(value: string | null): MessageKey | null {
  return value && value in DONE_NOTICE ? DONE_NOTICE[value as keyof typeof DONE_NOTICE] : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, cycle } = await requireCycleForHr(request, params.cycleId);
  const dashboard = await loadCycleDashboard(db, cycle, user.id);
  const reportsAsked =
    cycle.include_reports_group === 1 ||
    dashboard.participants.some((participant) =>
      participant.groups.some((group) => group.relationship === "report"),
    );
  return {
    cycle: {
      id: cycle.id,
      name: cycle.name,
      status: cycle.status,
      thresholdsLocked: cycle.thresholds_locked_at !== null,
    },
    settings: settingsFromCycle(cycle),
    profileName: profileName(cycle.profile_key),
    settingsEditable: !allSettingsLocked({
      status: cycle.status,
      thresholdsLockedAt: cycle.thresholds_locked_at,
    }),
    participantsEditable: mayChangeParticipants(cycle.status),
    groups: RELATIONSHIP_ORDER.filter((group) => group !== "report" || reportsAsked),
    dashboard,
    notice: doneNotice(new URL(request.url).searchParams.get("gelukt")),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, cycle } = await requireCycleForHr(request, params.cycleId);
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, (name) =>
    (TRANSITION_FORM_FIELDS as readonly string[]).includes(name),
  );
  const t = translator(await getLocale(request));
  const submission = parseWithZod(body, { schema: createTransitionSchema({ t }) });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const transition = submission.value.intent;
  const outcome = await runTransition(db, transition, {
    organisationId: user.organisationId,
    cycleId: cycle.id,
    actorPersonId: user.id,
    confirmation: submission.value.confirm ?? null,
  });
  switch (outcome.status) {
    case "done":
      return redirect(`/beheer/rondes/${cycle.id}?gelukt=${DONE_PARAMETER[transition]}`);
    case "needs_confirmation":
      return data(
        {
          result: submission.reply({
            fieldErrors: { confirm: [t(`cycles.step.confirm.${outcome.confirmation}.missing`)] },
          }),
        },
        { status: 400 },
      );
    case "refused":
      return data(
        {
          result: submission.reply({
            formErrors: outcome.reasons.map((reason) => t(REFUSAL_MESSAGE[reason])),
          }),
        },
        { status: 409 },
      );
    case "not_found":
      throw new Response("Niet gevonden", { status: 404 });
  }
}

const STATUS_INTRO: Record<CycleStatus, MessageKey> = {
  draft: "cycles.page.intro.draft",
  nominating: "cycles.page.intro.nominating",
  collecting: "cycles.page.intro.collecting",
  closed: "cycles.page.intro.closed",
  released: "cycles.page.intro.released",
};

export default function CyclePage() {
  const loaderData = useLoaderData<typeof loader>();
  const { cycle, dashboard, groups, notice } = loaderData;
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const withInvitations = hasInvitations(cycle.status);
  const base = `/beheer/rondes/${cycle.id}`;
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to="/beheer/rondes">{t("cycles.list.title")}</Link>
      </p>
      <h1>{cycle.name}</h1>
      {notice ? (
        <p className="notice notice--success" role="status">
          {t(notice)}
        </p>
      ) : null}
      <p>
        {t("cycles.page.status", { status: t(cycleStatusLabel[cycle.status]) })}{" "}
        {t(STATUS_INTRO[cycle.status])}
      </p>
      <StatusSteps status={cycle.status} />

      {dashboard.next ? (
        <NextStep
          transition={dashboard.next.transition}
          check={dashboard.next.check}
          facts={dashboard.facts}
          lastResult={actionData?.result}
        />
      ) : (
        <section className="panel next-step" aria-labelledby="next-step-title">
          <h2 id="next-step-title">{t("cycles.step.none.title")}</h2>
          <p>{t("cycles.step.none.explanation")}</p>
          {dashboard.reports ? (
            <p>
              {t("cycles.page.reports", {
                computed: dashboard.reports.computed,
                participants: dashboard.reports.participants,
              })}
            </p>
          ) : null}
        </section>
      )}

      <section aria-labelledby="participants-title">
        <h2 id="participants-title">{t("cycles.page.participants.title")}</h2>
        <dl className="stat-list">
          <div>
            <dt>{t("cycles.page.participants.count")}</dt>
            <dd>{dashboard.facts.participants}</dd>
          </div>
          {withInvitations ? (
            <>
              <div>
                <dt>{t("cycles.page.responses")}</dt>
                <dd>
                  {t("cycles.page.responses.value", {
                    answered: dashboard.responses.answered,
                    invited: dashboard.responses.invited,
                  })}
                </dd>
              </div>
              <div>
                <dt>{t("cycles.page.responseRate")}</dt>
                <dd>
                  {dashboard.responses.invited === 0
                    ? "—"
                    : `${Math.round((100 * dashboard.responses.answered) / dashboard.responses.invited)}%`}
                </dd>
              </div>
            </>
          ) : null}
        </dl>
        <ul className="link-list">
          {loaderData.participantsEditable ? (
            <li>
              <Link to={`${base}/deelnemers`}>{t("cycles.page.manageParticipants")}</Link>
            </li>
          ) : null}
          {cycle.status === "collecting" ? (
            <li>
              <Link to={`${base}/herinneren`}>{t("cycles.page.remind")}</Link>
            </li>
          ) : null}
          {withInvitations ? (
            <li>
              <a href={`${base}/voortgang.csv`} download>
                {t("cycles.page.exportCsv")}
              </a>
            </li>
          ) : null}
        </ul>

        {dashboard.atRisk.length > 0 ? (
          <section className="at-risk" aria-labelledby="at-risk-title">
            <h3 id="at-risk-title">
              {t("cycles.page.atRisk.title", { count: dashboard.atRisk.length })}
            </h3>
            <p>{t("cycles.page.atRisk.intro", { k: loaderData.settings.minGroupSize })}</p>
            <ul className="item-list">
              {dashboard.atRisk.map((participant) => (
                <li key={participant.id} className="item-list__item">
                  <p className="item-list__title">
                    <Link to={`${base}/deelnemers/${participant.id}`}>{participant.name}</Link>
                  </p>
                  <p>
                    {t("cycles.page.atRisk.counts", {
                      answered: participant.othersAnswered,
                      possible: participant.othersPossible,
                      k: loaderData.settings.minGroupSize,
                    })}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {dashboard.participants.length === 0 ? (
          <p>{t("cycles.page.participants.empty")}</p>
        ) : withInvitations ? (
          <>
            <h3>{t("cycles.progress.title")}</h3>
            <p className="hint">{t("cycles.progress.privacy")}</p>
            <ProgressTable
              cycleId={cycle.id}
              participants={dashboard.participants}
              groups={groups}
            />
          </>
        ) : (
          <p>
            {cycle.status === "nominating"
              ? t("cycles.page.participants.nominationSummary", {
                  approved: dashboard.facts.participants - dashboard.facts.unapprovedParticipants,
                  participants: dashboard.facts.participants,
                })
              : t("cycles.page.participants.draftSummary")}
          </p>
        )}
      </section>

      <section aria-labelledby="settings-title">
        <h2 id="settings-title">{t("cycles.page.settings.title")}</h2>
        {cycle.thresholdsLocked ? (
          <p className="hint">{t("cycles.lock.thresholdsLocked")}</p>
        ) : null}
        <SettingsSummary settings={loaderData.settings} profileName={loaderData.profileName} />
        {loaderData.settingsEditable ? (
          <p>
            <Link to={`${base}/instellingen`}>{t("cycles.page.editSettings")}</Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
