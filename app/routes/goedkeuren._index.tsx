import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { NoticeBanner } from "~/components/notice";
import { useTranslation } from "~/i18n/use-translation";
import { ReviewQueueTable } from "~/nominations/components/review-queue-table";
import { handleApproveAllPost } from "~/nominations/form-actions.server";
import { NOMINATION_NOTICES } from "~/nominations/notices";
import { authoriseReviewQueue } from "~/nominations/page-access.server";
import { loadReviewQueueView } from "~/nominations/page-data.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";
import { readNotice } from "~/utils/notices";

// The lead's nominations to approve (HR: everyone's), and "approve all".

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("nominations.queue.title"));
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, db } = await authoriseReviewQueue(request);
  return {
    isHrAdmin: user.isHrAdmin,
    ...(await loadReviewQueueView(db, user)),
    notice: readNotice(request, NOMINATION_NOTICES),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, db } = await authoriseReviewQueue(request);
  return handleApproveAllPost(db, user, request);
}

export default function ReviewQueuePage() {
  const { isHrAdmin, waiting, open, approved, notice } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="container nomination-page">
      <h1>{t("nominations.queue.heading")}</h1>
      <NoticeBanner notice={notice} />
      <p className="lead">
        {isHrAdmin ? t("nominations.queue.introHr") : t("nominations.queue.intro")}
      </p>

      <section aria-labelledby="wachtend-title">
        <h2 id="wachtend-title">{t("nominations.queue.waitingTitle")}</h2>
        {waiting.length === 0 ? (
          <p>{t("nominations.queue.waitingEmpty")}</p>
        ) : (
          <>
            <ReviewQueueTable
              rows={waiting}
              label={t("nominations.queue.waitingTitle")}
              withSubmitted
            />
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
          <ReviewQueueTable
            rows={open}
            label={t("nominations.queue.openTitle")}
            withSubmitted={false}
          />
        </section>
      ) : null}

      {approved.length > 0 ? (
        <section aria-labelledby="goedgekeurd-title">
          <h2 id="goedgekeurd-title">{t("nominations.queue.approvedTitle")}</h2>
          <ReviewQueueTable
            rows={approved}
            label={t("nominations.queue.approvedTitle")}
            withSubmitted
          />
        </section>
      ) : null}
    </div>
  );
}
