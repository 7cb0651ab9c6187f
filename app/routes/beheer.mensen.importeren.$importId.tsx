import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { formRefusal, RefusalSummary } from "~/components/forms";
import { NoticeBanner } from "~/components/notice";
import { getDb } from "~/db.server";
import { getLocale } from "~/i18n/locale.server";
import { messageRef, translator, type MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { applyImport, loadStagedImport, previewImport } from "~/people/import.server";
import { IMPORT_APPLY_FIELDS, importApplySchema } from "~/people/import-apply-schema";
import { hasBlockingProblems } from "~/people/import-plan";
import {
  FileProblems,
  ImportApplyForm,
  PlanSummary,
  RowErrors,
  RowOutcomeTable,
  TeamChanges,
} from "~/people/import-preview";
import { PEOPLE_NOTICES } from "~/people/notices";
import { IMPORT_APPLY_BODY_MAX_BYTES } from "~/security/body-limit.js";
import { readFormBody } from "~/utils/form-body.server";
import { formatMoment } from "~/utils/dates";
import { privatePageHeaders } from "~/utils/headers";
import { badRequest, notFound } from "~/utils/http-errors.server";
import { titleMeta } from "~/utils/meta";
import { noticeLocation, readNotice } from "~/utils/notices";

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("people.preview.title"));
export const headers = privatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const preview = await previewImport(await getDb(), user, params.importId ?? "");
  if (!preview) throw notFound();
  return {
    ...preview,
    blocked: hasBlockingProblems(preview.plan),
    notice: readNotice(request, PEOPLE_NOTICES),
  };
}

/**
 * Ticked people travel as repeated `deactivate` fields; ids are short, so 1 MB is plenty. The
 * server gives this route the same cap, for signed-in clients (app/security/body-limit.js).
 */
const APPLY_FORM_MAX_BYTES = IMPORT_APPLY_BODY_MAX_BYTES;

/** Refusals that only a tampered or raced form meets (the page never offers them). */
const REFUSAL: Record<"has_errors" | "invalid_selection", MessageKey> = {
  has_errors: "people.preview.hasErrors",
  invalid_selection: "people.preview.invalidSelection",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const db = await getDb();
  const importId = params.importId ?? "";
  // Another organisation's import (or none, or an expired one) is a 404 before the form is read.
  if (!(await loadStagedImport(db, user.organisationId, importId))) throw notFound();
  const body = await readFormBody(request, APPLY_FORM_MAX_BYTES);
  const onlyKnownFields = [...body.keys()].every((name) =>
    (IMPORT_APPLY_FIELDS as readonly string[]).includes(name),
  );
  const submission = parseWithZod(body, { schema: importApplySchema });
  if (submission.status !== "success" || !onlyKnownFields || body.getAll("planHash").length !== 1) {
    throw badRequest(translator(await getLocale(request)));
  }
  const result = await applyImport(db, user, {
    importId,
    planHash: submission.value.planHash,
    deactivatePersonIds: submission.value.deactivate,
  });
  if (result.status === "applied") {
    return redirect(
      noticeLocation("/beheer/mensen", PEOPLE_NOTICES, "geimporteerd", {
        counts: { ...result.counts },
      }),
    );
  }
  if (result.status === "not_found") throw notFound();
  // The data changed since the preview: show the new preview (post/redirect/get), with a notice.
  if (result.status === "stale") {
    return redirect(
      noticeLocation(`/beheer/mensen/importeren/${importId}`, PEOPLE_NOTICES, "verouderd"),
    );
  }
  return data({ result: formRefusal(messageRef(REFUSAL[result.status])) }, { status: 400 });
}

export default function ImportPreviewPage() {
  const { staged, plan, planHash, blocked, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to="/beheer/mensen/importeren">{t("people.import.heading")}</Link>
      </p>
      <h1>{t("people.preview.heading")}</h1>
      <p>
        {t("people.preview.source", {
          file: staged.fileName ?? t("people.preview.pasted"),
          moment: formatMoment(staged.createdAt, locale),
        })}
      </p>
      <NoticeBanner notice={notice} />
      <RefusalSummary id="import-toepassen-errors" result={actionData?.result} />

      {plan.problems.length > 0 ? (
        <FileProblems problems={plan.problems} />
      ) : (
        <>
          <PlanSummary plan={plan} />
          <RowErrors rows={plan.rows} />
          {plan.ignoredColumns.length > 0 ? (
            <p className="muted">
              {t("people.preview.ignored", { columns: plan.ignoredColumns.join(", ") })}
            </p>
          ) : null}
          <section aria-labelledby="rows-title">
            <h2 id="rows-title">{t("people.preview.rows")}</h2>
            <RowOutcomeTable rows={plan.rows} />
          </section>
          <TeamChanges plan={plan} />
          {blocked ? null : (
            <section aria-labelledby="apply-title">
              <h2 id="apply-title">{t("people.preview.apply")}</h2>
              <ImportApplyForm
                planHash={planHash}
                candidates={plan.deactivationCandidates}
                lastResult={actionData?.result}
              />
            </section>
          )}
        </>
      )}
    </div>
  );
}
