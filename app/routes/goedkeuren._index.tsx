import { parseWithZod } from "@conform-to/zod/v4";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { hasRole, notFound, requireUser, type CurrentUser } from "~/auth/guards.server";
import { TableScroll } from "~/components/table-scroll";
import { getDb } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import { SuccessNotice } from "~/nominations/components/success-notice";
import { approveAllSchema } from "~/nominations/nomination-forms";
import { GROUP_LABELS, noticeLocation, readNotice } from "~/nominations/notices";
import { reviewPath } from "~/nominations/paths";
import {
  approveAllSubmitted,
  hasReviewQueue,
  loadReviewQueue,
  type ReviewQueueEntry,
} from "~/nominations/review.server";
import { dayInOrganisation, formatDay } from "~/utils/dates";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

// The lead's nominations to approve (HR: everyone's), and "approve all".

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("nominations.queue.title"));
export const headers = privatePageHeaders;

/** Leads and HR; anyone else has no such page. */
async function authorise(request: Request): Promise<CurrentUser> {
  const user = await requireUser(request);
  const db = await getDb();
  if (!hasRole(user, "team_lead") && !(await hasReviewQueue(db, user))) throw notFound();
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await authorise(request);
  const queue = await loadReviewQueue(await getDb(), user);
  // The columns of the queue, no more: page data is shown data.
  const withDay = (entry: ReviewQueueEntry) => ({
    participantId: entry.participantId,
    name: entry.name,
    cycleName: entry.cycleName,
    activeNominations: entry.activeNominations,
    tooFewIn: entry.problems
      .filter((problem) => problem.kind === "too_few")
      .map((problem) => problem.group),
    submittedOn: entry.submittedAt ? dayInOrganisation(new Date(entry.submittedAt)) : null,
  });
  return {
    isHrAdmin: user.isHrAdmin,
    waiting: queue.filter((entry) => entry.status === "submitted").map(withDay),
    open: queue.filter((entry) => entry.status === "open").map(withDay),
    approved: queue.filter((entry) => entry.status === "approved").map(withDay),
    notice: readNotice(new URL(request.url)),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await authorise(request);
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, (name) => name === "intent");
  const submission = parseWithZod(body, { schema: approveAllSchema });
  if (submission.status !== "success") {
    throw new Response("Onbekende keuze", { status: 400 });
  }
  const approved = await approveAllSubmitted(await getDb(), user);
  return redirect(noticeLocation(request.url, "alles-goedgekeurd", { count: approved }));
}

type QueueRow = ReturnType<typeof useLoaderData<typeof loader>>["waiting"][number];

export default function ReviewQueuePage() {
  const { isHrAdmin, waiting, open, approved, notice } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="container nomination-page">
      <h1>{t("nominations.queue.heading")}</h1>
      <SuccessNotice notice={notice} />
      <p className="lead">
        {isHrAdmin ? t("nominations.queue.introHr") : t("nominations.queue.intro")}
      </p>

      <section aria-labelledby="wachtend-title">
        <h2 id="wachtend-title">{t("nominations.queue.waitingTitle")}</h2>
        {waiting.length === 0 ? (
          <p>{t("nominations.queue.waitingEmpty")}</p>
        ) : (
          <>
            <QueueTable rows={waiting} label={t("nominations.queue.waitingTitle")} withSubmitted />
            <Form method="post" className="form-actions">
              <input type="hidden" name="intent" value="approve-all" />
              <button type="submit" className="button" aria-describedby="alles-hint">
                {t("nominations.queue.approveAll")}
              </button>
              <p className="form-actions__hint" id="alles-hint">
                {t("nominations.queue.approveAllHint", { count: waiting.length })}
              </p>
            </Form>
          </>
        )}
      </section>

      {open.length > 0 ? (
        <section aria-labelledby="open-title">
          <h2 id="open-title">{t("nominations.queue.openTitle")}</h2>
          <QueueTable rows={open} label={t("nominations.queue.openTitle")} withSubmitted={false} />
        </section>
      ) : null}

      {approved.length > 0 ? (
        <section aria-labelledby="goedgekeurd-title">
          <h2 id="goedgekeurd-title">{t("nominations.queue.approvedTitle")}</h2>
          <QueueTable rows={approved} label={t("nominations.queue.approvedTitle")} withSubmitted />
        </section>
      ) : null}
    </div>
  );
}

function QueueTable({
  rows,
  label,
  withSubmitted,
}: {
  rows: QueueRow[];
  label: string;
  withSubmitted: boolean;
}) {
  const { t, locale } = useTranslation();
  return (
    <TableScroll label={label}>
      <table className="data-table">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">{t("nominations.queue.participant")}</th>
            <th scope="col">{t("nominations.queue.cycle")}</th>
            {withSubmitted ? <th scope="col">{t("nominations.queue.submitted")}</th> : null}
            <th scope="col" className="numeric">
              {t("nominations.queue.nominated")}
            </th>
            <th scope="col">{t("nominations.queue.remarks")}</th>
            <th scope="col">{t("nominations.queue.view")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const tooFew = row.tooFewIn;
            return (
              <tr key={row.participantId}>
                <th scope="row">{row.name}</th>
                <td>{row.cycleName}</td>
                {withSubmitted ? (
                  <td>{row.submittedOn ? formatDay(row.submittedOn, locale) : ""}</td>
                ) : null}
                <td className="numeric">{row.activeNominations}</td>
                <td>
                  {tooFew.length === 0
                    ? t("nominations.queue.withinLimits")
                    : t("nominations.queue.tooFew", {
                        groups: tooFew.map((group) => t(GROUP_LABELS[group])).join(", "),
                      })}
                </td>
                <td>
                  <Link
                    to={reviewPath(row.participantId)}
                    aria-label={t("nominations.queue.viewName", { name: row.name })}
                  >
                    {t("nominations.queue.view")}
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
