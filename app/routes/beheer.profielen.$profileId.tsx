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
import { OrganisationWideLegend, ProfileStructure } from "~/profiles/components/profile-structure";
import { exportHref, ProfileUse, VersionTable } from "~/profiles/components/profile-versions";
import { findLibraryProfile, reinstateProfile, retireProfile } from "~/profiles/library.server";
import { profilePage } from "~/profiles/library-pages.server";
import { PROFILE_NOTICES } from "~/profiles/notices";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { badRequest, conflict, notFound } from "~/utils/http-errors.server";
import { titleMeta } from "~/utils/meta";
import { noticeLocation, readNotice } from "~/utils/notices";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleMeta(matches, (t) => data?.profile.name ?? t("error.notFound.title"));
export const headers = privatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const page = await profilePage(await getDb(), user.organisationId, params.profileId ?? "");
  // Another organisation's profile (or none) is a 404, never a 403.
  if (!page) throw notFound();
  return { ...page, notice: readNotice(request, PROFILE_NOTICES) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const db = await getDb();
  const profileId = params.profileId ?? "";
  if (!(await findLibraryProfile(db, user.organisationId, profileId))) throw notFound();
  const t = translator(await getLocale(request));
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, (name) => name === "intent");
  const path = `/beheer/profielen/${profileId}`;
  switch (body.get("intent")) {
    case "retire": {
      const outcome = await retireProfile(db, user.organisationId, profileId, user.id);
      if (!outcome) throw notFound();
      // A round started on it since the page was shown: it has to be released first.
      if (outcome.status === "in-use") {
        throw conflict(t, "profiles.detail.inUse", { count: outcome.rounds });
      }
      return redirect(noticeLocation(path, PROFILE_NOTICES, "buiten-gebruik"));
    }
    case "reinstate": {
      if (!(await reinstateProfile(db, user.organisationId, profileId, user.id))) throw notFound();
      return redirect(noticeLocation(path, PROFILE_NOTICES, "weer-in-gebruik"));
    }
    default:
      throw badRequest(t, "http.unknownIntent");
  }
}

export default function LibraryProfilePage() {
  const { profile, current, notice } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to="/beheer/profielen">{t("profiles.library.title")}</Link>
      </p>
      <NoticeBanner notice={notice} />
      <h1 lang={current.structure.language}>{profile.name}</h1>
      <dl className="settings-list">
        <div>
          <dt>{t("profiles.detail.key")}</dt>
          <dd>
            <code>{profile.key}</code>
          </dd>
        </div>
        <div>
          <dt>{t("profiles.detail.status")}</dt>
          <dd>{t(profile.retired ? "profiles.status.retired" : "profiles.status.current")}</dd>
        </div>
      </dl>
      <p className="actions">
        {profile.retired ? null : (
          <Link to={`/beheer/profielen/${profile.id}/bewerken`} className="button">
            {t("profiles.detail.edit")}
          </Link>
        )}
        <a href={exportHref(profile.id)} download className="button button--secondary">
          {t("profiles.detail.export")}
        </a>
        <Link to="/beheer/profielen/importeren">{t("profiles.detail.importVersion")}</Link>
      </p>

      <ProfileUse retired={profile.retired} unfinishedRounds={profile.unfinishedRounds} />

      <section aria-labelledby="versions-title">
        <h2 id="versions-title">{t("profiles.detail.versions.title")}</h2>
        <VersionTable profileId={profile.id} versions={profile.versions} />
      </section>

      <section aria-labelledby="current-title">
        <h2 id="current-title">
          {t("profiles.detail.current.title", { version: current.version })}
        </h2>
        <p>{t("profile.counts", current.counts)}</p>
        <OrganisationWideLegend />
        <ProfileStructure profile={current.structure} headingLevel={3} />
      </section>
    </div>
  );
}
