import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireCollectingCycleForHr } from "~/cycles/cycle-access.server";
import { CYCLE_NOTICES } from "~/cycles/notices";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { beforeDeadline, sendRemindersNow } from "~/invitations/reminders.server";
import { formatDay } from "~/utils/dates";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { badRequest } from "~/utils/http-errors.server";
import { titleMeta } from "~/utils/meta";
import { noticeLocation } from "~/utils/notices";

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("invitations.remind.title"));
export const headers = privatePageHeaders;

// Deliberately no count of open invitations on this page or in its notice: right after HR
// revokes an invitation, that count would tell whether the rater had answered.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cycle } = await requireCollectingCycleForHr(request, params.cycleId);
  return {
    cycle: { id: cycle.id, name: cycle.name, answerDeadline: cycle.answer_deadline },
    open: beforeDeadline(cycle.answer_deadline, new Date()),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, cycle } = await requireCollectingCycleForHr(request, params.cycleId);
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, (name) => name === "intent");
  const t = translator(await getLocale(request));
  if (body.get("intent") !== "send") throw badRequest(t, "http.unknownIntent");
  if (!beforeDeadline(cycle.answer_deadline, new Date())) {
    throw badRequest(t, "invitations.remind.error.pastDeadline");
  }
  await sendRemindersNow(db, cycle.id, user.id);
  const cyclePath = `/beheer/rondes/${encodeURIComponent(cycle.id)}`;
  return redirect(noticeLocation(cyclePath, CYCLE_NOTICES, "herinnerd"));
}

export default function SendRemindersPage() {
  const { cycle, open } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const cyclePath = `/beheer/rondes/${cycle.id}`;
  return (
    <div className="container narrow">
      <p className="eyebrow">
        <Link to={cyclePath}>{cycle.name}</Link>
      </p>
      <h1>{t("invitations.remind.heading", { cycle: cycle.name })}</h1>
      {open ? (
        <>
          <p>{t("invitations.remind.who")}</p>
          <p>{t("invitations.remind.notWho")}</p>
          <p className="muted">{t("invitations.remind.schedule")}</p>
          <Form method="post">
            <div className="form-actions">
              <button type="submit" name="intent" value="send" className="button">
                {t("invitations.remind.submit")}
              </button>
              <Link to={cyclePath}>{t("invitations.remind.cancel")}</Link>
            </div>
          </Form>
        </>
      ) : (
        <>
          <p className="notice">
            {t("invitations.remind.pastDeadline", {
              deadline: cycle.answerDeadline ? formatDay(cycle.answerDeadline, locale) : "",
            })}
          </p>
          <p>
            <Link to={cyclePath}>{t("invitations.remind.cancel")}</Link>
          </p>
        </>
      )}
    </div>
  );
}
