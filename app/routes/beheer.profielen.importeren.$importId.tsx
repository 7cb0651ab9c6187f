import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import {
  ImportDecision,
  ImportedProfile,
  ImportProblems,
} from "~/profiles/components/import-preview";
import {
  confirmProfileImport,
  discardProfileImport,
  LINK_FIELD_PREFIX,
  loadStagedProfileImport,
  previewProfileImport,
} from "~/profiles/import.server";
import { PROFILE_NOTICES, SAVED_PROFILE_NOTICE } from "~/profiles/notices";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { badRequest, notFound } from "~/utils/http-errors.server";
import { titleMeta } from "~/utils/meta";
import { noticeLocation } from "~/utils/notices";

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("profiles.preview.title"));
export const headers = privatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const preview = await previewProfileImport(
    await getDb(),
    user.organisationId,
    params.importId ?? "",
  );
  // Another organisation's import, an expired or a saved one: as if it never was.
  if (!preview) throw notFound();
  return { preview };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const db = await getDb();
  const importId = params.importId ?? "";
  if (!(await loadStagedProfileImport(db, user.organisationId, importId))) throw notFound();
  const t = translator(await getLocale(request));
  const body = await readFormBody(request);
  assertOnlyKnownFields(
    body,
    (name) =>
      name === "intent" ||
      (name.startsWith(LINK_FIELD_PREFIX) && name.length <= LINK_FIELD_PREFIX.length + 80),
  );
  const intent = body.get("intent");

  if (intent === "discard") {
    await discardProfileImport(db, user.organisationId, importId);
    return redirect(noticeLocation("/beheer/profielen", PROFILE_NOTICES, "geannuleerd"));
  }
  if (intent !== "confirm") throw badRequest(t, "http.unknownIntent");

  const linked = new Set(
    [...body.keys()]
      .filter((name) => name.startsWith(LINK_FIELD_PREFIX))
      .map((name) => name.slice(LINK_FIELD_PREFIX.length)),
  );
  const outcome = await confirmProfileImport(db, user, importId, linked);
  if (outcome.status === "not_found") throw notFound();
  // The page offers no save for a text with problems: only a forged post gets here.
  if (outcome.status === "invalid") throw badRequest(t, "profiles.preview.invalid");
  return redirect(
    noticeLocation(
      `/beheer/profielen/${outcome.profileId}`,
      PROFILE_NOTICES,
      SAVED_PROFILE_NOTICE[outcome.status],
      { count: outcome.version },
    ),
  );
}

export default function ProfileImportPreviewPage() {
  const { preview } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { outcome } = preview;
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to="/beheer/profielen">{t("profiles.library.title")}</Link>
      </p>
      <h1>{t("profiles.preview.title")}</h1>
      <p className="muted">
        {preview.fileName
          ? t("profiles.preview.fromFile", { file: preview.fileName })
          : t("profiles.preview.fromText")}
      </p>
      {outcome.status === "problems" ? (
        <ImportProblems problems={outcome.problems} />
      ) : (
        <ImportedProfile profile={outcome} />
      )}
      <ImportDecision
        canSave={outcome.status === "ready"}
        links={outcome.status === "ready" ? outcome.links : []}
      />
    </div>
  );
}
