import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { notFound, requireRole } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { beforeDeadline, sendRemindersNow } from "~/invitations/reminders.server";
import { formatDay } from "~/utils/dates";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("invitations.remind.title"));
export const headers = privatePageHeaders;

/**
 * The cycle page shows its step notices from ?gelukt=<step>; "herinnerd" stands for
 * "invitations.remind.notice.sent" (the reminders went out; again without a count).
 */
const REMINDERS_SENT_NOTICE = "gelukt=herinnerd";

/** A collecting cycle of the HR admin's organisation, or a 404 for anything else. */
async function requireCollectingCycle(request: Request, cycleId: string | undefined) {
  const user = await requireRole(request, "hr_admin");
  const db = await getDb();
  const cycle = await db
    .selectFrom("cycle")
    .select(["id", "name", "answer_deadline"])
    .where("id", "=", cycleId ?? "")
    .where("organisation_id", "=", user.organisationId)
    .where("status", "=", "collecting")
    .executeTakeFirst();
  if (!cycle) throw notFound();
  return { user, db, cycle };
}

// Deliberately no count of open invitations on this page or in its notice: right after HR
// revokes an invitation, that count would tell whether the rater had answered.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cycle } = await requireCollectingCycle(request, params.cycleId);
  return {
    cycle: { id: cycle.id, name: cycle.name, answerDeadline: cycle.answer_deadline },
    open: beforeDeadline(cycle.answer_deadline, new Date()),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, cycle } = await requireCollectingCycle(request, params.cycleId);
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, (name) => name === "intent");
  if (body.get("intent") !== "send") {
    throw new Response("Onbekende keuze", { status: 400 });
  }
  if (!beforeDeadline(cycle.answer_deadline, new Date())) {
    const t = translator(await getLocale(request));
    throw new Response(t("invitations.remind.error.pastDeadline"), { status: 400 });
  }
  await sendRemindersNow(db, cycle.id, user.id);
  return redirect(`/beheer/rondes/${encodeURIComponent(cycle.id)}?${REMINDERS_SENT_NOTICE}`);
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
