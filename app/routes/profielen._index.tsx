import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { getProfiles } from "~/profiles/load.server";
import { countProfile } from "~/profiles/schema";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("profiles.title"));

export async function loader(_: LoaderFunctionArgs) {
  return {
    profiles: getProfiles().map((profile) => {
      const { clusters, competencies, indicators } = countProfile(profile);
      return { id: profile.id, name: profile.name, counts: { clusters, competencies, indicators } };
    }),
  };
}

export default function ProfilesPage() {
  const { profiles } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="container">
      <h1>{t("profiles.title")}</h1>
      <p className="lead">{t("profiles.intro")}</p>
      <ul className="card-list">
        {profiles.map((profile) => (
          <li key={profile.id} className="card">
            <h2 className="card__title">
              <Link to={`/profielen/${profile.id}`}>{profile.name}</Link>
            </h2>
            <p>
              {t("profile.counts", {
                clusters: profile.counts.clusters,
                competencies: profile.counts.competencies,
                indicators: profile.counts.indicators,
              })}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
