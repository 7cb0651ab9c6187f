import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import { cycleStatusLabel, relationshipLabel } from "~/i18n/labels";
import { useTranslation } from "~/i18n/use-translation";
import { loadMyRondom } from "~/mine/my-rondom.server";
import { InvitedRatersDetails } from "~/nominations/components/invited-raters";
import { MyNominationTodo } from "~/nominations/components/my-nomination-todo";
import { OwnGroupCounts } from "~/nominations/components/own-group-counts";
import { formatDay } from "~/utils/dates";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("mine.title"));
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const mine = await loadMyRondom(await getDb(), user);
  return { firstName: user.firstName, isHrAdmin: user.isHrAdmin, ...mine };
}

export default function MyRondomPage() {
  const { firstName, isHrAdmin, cycles, todo, teams, sessionCount, reviewsWaiting } =
    useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  return (
    <div className="container">
      <h1>{t("mine.heading", { name: firstName })}</h1>
      <p className="lead">{t("mine.intro")}</p>

      <MyNominationTodo cycles={cycles} reviewsWaiting={reviewsWaiting} />

      <section aria-labelledby="todo-title">
        <h2 id="todo-title">{t("mine.todo.title")}</h2>
        {todo.length === 0 ? (
          <p>{t("mine.todo.empty")}</p>
        ) : (
          <>
            <p>{t("mine.todo.intro")}</p>
            <ul className="item-list">
              {todo.map((item) => (
                <li key={item.href} className="item-list__item">
                  <p className="item-list__title">
                    {item.relationship === "self"
                      ? t("mine.todo.self", { cycle: item.cycleName })
                      : t("mine.todo.other", {
                          participant: item.participantName,
                          relationship: t(relationshipLabel[item.relationship]),
                          cycle: item.cycleName,
                        })}
                  </p>
                  <p className="muted">
                    {[
                      item.answerDeadline
                        ? t("mine.todo.deadline", { date: formatDay(item.answerDeadline, locale) })
                        : null,
                      item.hasDraft ? t("mine.todo.draft") : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                  <a className="button" href={item.href}>
                    {item.hasDraft ? t("mine.todo.continue") : t("mine.todo.open")}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="rounds-title">
        <h2 id="rounds-title">{t("mine.rounds.title")}</h2>
        {cycles.length === 0 ? (
          <p>{t("mine.rounds.empty")}</p>
        ) : (
          <ul className="item-list">
            {cycles.map((cycle) => (
              <li key={cycle.participantId} className="item-list__item">
                <h3 className="item-list__title">{cycle.cycleName}</h3>
                <p>{t("mine.rounds.status", { status: t(cycleStatusLabel[cycle.status]) })}</p>
                {cycle.status === "nominating" && cycle.nominationDeadline ? (
                  <p>
                    {t("mine.rounds.nominationDeadline", {
                      date: formatDay(cycle.nominationDeadline, locale),
                    })}
                  </p>
                ) : null}
                {(cycle.status === "nominating" || cycle.status === "collecting") &&
                cycle.answerDeadline ? (
                  <p>
                    {t("mine.rounds.answerDeadline", {
                      date: formatDay(cycle.answerDeadline, locale),
                    })}
                  </p>
                ) : null}
                {cycle.status === "closed" ? <p>{t("mine.rounds.closed")}</p> : null}
                {cycle.groupCounts ? (
                  <OwnGroupCounts cycleName={cycle.cycleName} counts={cycle.groupCounts} />
                ) : null}
                {cycle.invitedRaters ? <InvitedRatersDetails raters={cycle.invitedRaters} /> : null}
                {cycle.releasedOn ? (
                  <>
                    <p>
                      {t("mine.rounds.released", { date: formatDay(cycle.releasedOn, locale) })}
                    </p>
                    <p>
                      <Link className="button" to={`/rapporten/${cycle.participantId}`}>
                        {t("mine.rounds.openReport")}
                      </Link>
                    </p>
                  </>
                ) : null}
                {cycle.sharedWithLead ? <p className="muted">{t("mine.rounds.shared")}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {teams.length > 0 ? (
        <section aria-labelledby="teams-title">
          <h2 id="teams-title">{t("mine.teams.title")}</h2>
          <ul className="item-list">
            {teams.map((team) => (
              <li key={team.id} className="item-list__item">
                <Link to={`/teams/${team.id}`} className="item-list__title">
                  {team.name}
                </Link>
                <p className="muted">{t("mine.teams.members", { count: team.memberCount })}</p>
                <p>
                  <Link to={`/teams/${team.id}/profiel`}>
                    {t("mine.teams.profile", { name: team.name })}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/teams">{t("mine.teams.all")}</Link>
          </p>
        </section>
      ) : null}

      {isHrAdmin ? (
        <section aria-labelledby="admin-title">
          <h2 id="admin-title">{t("mine.admin.title")}</h2>
          <p>{t("mine.admin.body")}</p>
          <p>
            <Link to="/beheer" className="button button--secondary">
              {t("mine.admin.link")}
            </Link>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t("mine.sessions.title")}</h2>
        <p>{t("mine.sessions.count", { count: sessionCount })}</p>
        <Form method="post" action="/uitloggen">
          <input type="hidden" name="scope" value="everywhere" />
          <p className="hint" id="everywhere-hint">
            {t("mine.sessions.everywhereHint")}
          </p>
          <button
            type="submit"
            className="button button--secondary"
            aria-describedby="everywhere-hint"
          >
            {t("mine.sessions.everywhere")}
          </button>
        </Form>
      </section>
    </div>
  );
}
