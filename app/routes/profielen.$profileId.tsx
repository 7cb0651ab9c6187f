import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { OrganisationWideLegend, ProfileStructure } from "~/profiles/components/profile-structure";
import { getProfile } from "~/profiles/load.server";
import { countProfile } from "~/profiles/schema";
import { notFound } from "~/utils/http-errors.server";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  titleMeta(matches, (t) => data?.profile.name ?? t("profiles.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const profile = getProfile(params.profileId ?? "");
  if (!profile) throw notFound(translator(await getLocale(request)));
  return { profile, counts: countProfile(profile) };
}

export default function ProfilePage() {
  const { profile, counts } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="container">
      <p className="breadcrumb">
        <Link to="/profielen">{t("profiles.title")}</Link>
      </p>
      <h1 lang={profile.language}>{profile.name}</h1>
      {profile.description ? (
        <p className="lead" lang={profile.language}>
          {profile.description}
        </p>
      ) : null}
      <p>
        {t("profile.counts", {
          clusters: counts.clusters,
          competencies: counts.competencies,
          indicators: counts.indicators,
        })}
      </p>
      <OrganisationWideLegend />
      <ProfileStructure profile={profile} />
    </div>
  );
}
