import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { NoticeBanner } from "~/components/notice";
import { getDb } from "~/db.server";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { BuiltInProfiles, LibraryTable } from "~/profiles/components/library-table";
import { adoptBuiltIn, libraryPage } from "~/profiles/library-pages.server";
import { getProfiles } from "~/profiles/load.server";
import { PROFILE_NOTICES } from "~/profiles/notices";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { badRequest, conflict } from "~/utils/http-errors.server";
import { titleMeta } from "~/utils/meta";
import { noticeLocation, readNotice } from "~/utils/notices";

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("profiles.library.title"));
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  return {
    ...(await libraryPage(await getDb(), user.organisationId, getProfiles())),
    notice: readNotice(request, PROFILE_NOTICES),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const t = translator(await getLocale(request));
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, (name) => name === "intent" || name === "profileKey");
  if (body.get("intent") !== "adopt") throw badRequest(t, "http.unknownIntent");
  const outcome = await adoptBuiltIn(
    await getDb(),
    user,
    body.get("profileKey") ?? "",
    getProfiles(),
  );
  // Someone adopted it meanwhile (another tab): the page moved on.
  if (outcome.status === "already-adopted") throw conflict(t, "profiles.builtIn.alreadyAdopted");
  if (outcome.status === "unknown") throw badRequest(t);
  return redirect(noticeLocation("/beheer/profielen", PROFILE_NOTICES, "overgenomen"));
}

export default function ProfileLibraryPage() {
  const { profiles, builtIn, notice } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to="/beheer">{t("admin.title")}</Link>
      </p>
      <NoticeBanner notice={notice} />
      <h1>{t("profiles.library.title")}</h1>
      <p>{t("profiles.library.intro")}</p>
      <p className="actions">
        <Link to="/beheer/profielen/importeren" className="button">
          {t("profiles.library.import")}
        </Link>
      </p>
      {profiles.length === 0 ? (
        <p>{t("profiles.library.empty")}</p>
      ) : (
        <LibraryTable profiles={profiles} />
      )}
      <BuiltInProfiles profiles={builtIn} />
    </div>
  );
}
