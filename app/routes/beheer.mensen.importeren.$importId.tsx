import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { notFound, requireRole } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { applyImport, loadStagedImport, previewImport } from "~/people/import.server";
import { hasBlockingProblems } from "~/people/import-plan";
import {
  DeactivationChoices,
  PlanSummary,
  problemText,
  RowOutcomeTable,
  TeamChanges,
} from "~/people/import-preview";
import { importedListPath } from "~/people/list-params";
import { IMPORT_APPLY_BODY_MAX_BYTES } from "~/security/body-limit.js";
import { readFormBody } from "~/utils/form-body.server";
import { formatMoment } from "~/utils/dates";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("people.preview.title"));
export const headers = privatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const preview = await previewImport(await getDb(), user, params.importId ?? "");
  if (!preview) throw notFound();
  const stale = new URL(request.url).searchParams.has("verouderd");
  return { ...preview, blocked: hasBlockingProblems(preview.plan), stale };
}

/**
 * Ticked people travel as repeated `deactivate` fields; ids are short, so 1 MB is plenty. The
 * server gives this route the same cap, for signed-in clients (app/security/body-limit.js).
 */
const APPLY_FORM_MAX_BYTES = IMPORT_APPLY_BODY_MAX_BYTES;
const applySchema = z.object({
  planHash: z.string().min(1).max(100),
  deactivate: z.array(z.string().min(1).max(64)).max(100_000),
});

/** Refusals that only a tampered or raced form meets (the page never offers them). */
const REFUSAL: Record<"has_errors" | "invalid_selection", MessageKey> = {
  has_errors: "people.preview.hasErrors",
  invalid_selection: "people.preview.invalidSelection",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const db = await getDb();
  // Another organisation's import (or none, or an expired one) is a 404 before the form is read.
  if (!(await loadStagedImport(db, user.organisationId, params.importId ?? ""))) throw notFound();
  const body = await readFormBody(request, APPLY_FORM_MAX_BYTES);
  const names = [...body.keys()];
  const parsed = applySchema.safeParse({
    planHash: body.get("planHash"),
    deactivate: body.getAll("deactivate"),
  });
  const onlyKnownFields = names.every((name) => name === "planHash" || name === "deactivate");
  if (!parsed.success || !onlyKnownFields || body.getAll("planHash").length !== 1) {
    throw new Response("Ongeldig formulier", { status: 400 });
  }
  const result = await applyImport(db, user, {
    importId: params.importId ?? "",
    planHash: parsed.data.planHash,
    deactivatePersonIds: parsed.data.deactivate,
  });
  if (result.status === "applied") return redirect(importedListPath(result.counts));
  if (result.status === "not_found") throw notFound();
  // The data changed since the preview: show the new preview (post/redirect/get), with a notice.
  if (result.status === "stale") {
    return redirect(`/beheer/mensen/importeren/${params.importId}?verouderd=1`);
  }
  return data({ refusal: REFUSAL[result.status] }, { status: 400 });
}

export default function ImportPreviewPage() {
  const { staged, plan, planHash, blocked, stale } = useLoaderData<typeof loader>();
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
      {actionData?.refusal || stale ? (
        <div className="error-summary" role="alert">
          <p>{t(actionData?.refusal ?? "people.preview.stale")}</p>
        </div>
      ) : null}

      {plan.problems.length > 0 ? (
        <div className="error-summary">
          <h2>{t("people.preview.fileProblems")}</h2>
          <ul>
            {plan.problems.map((problem, index) => (
              <li key={index}>{problemText(problem, t)}</li>
            ))}
          </ul>
          <p>
            <Link to="/beheer/mensen/importeren">{t("people.preview.again")}</Link>
          </p>
        </div>
      ) : (
        <>
          <PlanSummary plan={plan} />
          {plan.counts.errors > 0 ? (
            <div className="error-summary">
              <p>{t("people.preview.rowErrors", { count: plan.counts.errors })}</p>
              <p>
                <Link to="/beheer/mensen/importeren">{t("people.preview.again")}</Link>
              </p>
            </div>
          ) : null}
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
              <Form method="post" className="stack-form">
                <input type="hidden" name="planHash" value={planHash} />
                <DeactivationChoices candidates={plan.deactivationCandidates} />
                <div className="form-actions">
                  <button type="submit" className="button">
                    {t("people.preview.submit")}
                  </button>
                  <p className="form-actions__hint">{t("people.preview.allOrNothing")}</p>
                </div>
              </Form>
            </section>
          )}
        </>
      )}
    </div>
  );
}
