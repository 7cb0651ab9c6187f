import { Link } from "@remix-run/react";
import type { CycleStatus, Relationship } from "#db/schema";
import { useTranslation } from "~/i18n/use-translation";
import type { CycleDashboard } from "../dashboard.server";
import { hasInvitations } from "../transitions";
import { ProgressTable } from "./progress-table";

// The cycle page's "participants and progress": counts, the links to act on them, who is at
// risk of staying under the threshold, and the progress per participant. Counts only.

export function CycleProgress({
  cycle,
  dashboard,
  groups,
  minGroupSize,
  participantsEditable,
}: {
  cycle: { id: string; status: CycleStatus };
  dashboard: Pick<CycleDashboard, "facts" | "participants" | "atRisk" | "responses">;
  groups: readonly Relationship[];
  minGroupSize: number;
  participantsEditable: boolean;
}) {
  const { t } = useTranslation();
  const withInvitations = hasInvitations(cycle.status);
  const base = `/beheer/rondes/${cycle.id}`;
  const { facts, responses } = dashboard;
  return (
    <section aria-labelledby="participants-title">
      <h2 id="participants-title">{t("cycles.page.participants.title")}</h2>
      <dl className="stat-list">
        <div>
          <dt>{t("cycles.page.participants.count")}</dt>
          <dd>{facts.participants}</dd>
        </div>
        {withInvitations ? (
          <>
            <div>
              <dt>{t("cycles.page.responses")}</dt>
              <dd>
                {t("cycles.page.responses.value", {
                  answered: responses.answered,
                  invited: responses.invited,
                })}
              </dd>
            </div>
            <div>
              <dt>{t("cycles.page.responseRate")}</dt>
              <dd>
                {responses.invited === 0
                  ? "—"
                  : `${Math.round((100 * responses.answered) / responses.invited)}%`}
              </dd>
            </div>
          </>
        ) : null}
      </dl>
      <ul className="link-list">
        {participantsEditable ? (
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

      <AtRisk cycleId={cycle.id} atRisk={dashboard.atRisk} minGroupSize={minGroupSize} />

      {dashboard.participants.length === 0 ? (
        <p>{t("cycles.page.participants.empty")}</p>
      ) : withInvitations ? (
        <>
          <h3>{t("cycles.progress.title")}</h3>
          <p className="hint">{t("cycles.progress.privacy")}</p>
          <ProgressTable cycleId={cycle.id} participants={dashboard.participants} groups={groups} />
        </>
      ) : (
        <p>
          {cycle.status === "nominating"
            ? t("cycles.page.participants.nominationSummary", {
                approved: facts.participants - facts.unapprovedParticipants,
                participants: facts.participants,
              })
            : t("cycles.page.participants.draftSummary")}
        </p>
      )}
    </section>
  );
}

/** Participants who stay under the threshold even if everyone still invited answers. */
function AtRisk({
  cycleId,
  atRisk,
  minGroupSize,
}: {
  cycleId: string;
  atRisk: CycleDashboard["atRisk"];
  minGroupSize: number;
}) {
  const { t } = useTranslation();
  if (atRisk.length === 0) return null;
  return (
    <section className="at-risk" aria-labelledby="at-risk-title">
      <h3 id="at-risk-title">{t("cycles.page.atRisk.title", { count: atRisk.length })}</h3>
      <p>{t("cycles.page.atRisk.intro", { k: minGroupSize })}</p>
      <ul className="item-list">
        {atRisk.map((participant) => (
          <li key={participant.id} className="item-list__item">
            <p className="item-list__title">
              <Link to={`/beheer/rondes/${cycleId}/deelnemers/${participant.id}`}>
                {participant.name}
              </Link>
            </p>
            <p>
              {t("cycles.page.atRisk.counts", {
                answered: participant.othersAnswered,
                possible: participant.othersPossible,
                k: minGroupSize,
              })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
