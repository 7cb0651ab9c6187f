import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
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
      <p className="legend">
        <span className="badge badge--org">{t("profile.organisationWide")}</span>{" "}
        {t("profile.organisationWideExplained")}
      </p>

      <section aria-labelledby="scale-heading" className="panel">
        <h2 id="scale-heading">{t("profile.scale.title")}</h2>
        <p>{t("profile.scale.intro")}</p>
        <ol className="scale-list" lang={profile.language}>
          {profile.scale.points.map((point) => (
            <li key={point.value}>
              <span className="scale-list__value">{point.value}</span> {point.label}
            </li>
          ))}
          <li className="scale-list__na">{profile.scale.notApplicableLabel}</li>
        </ol>
      </section>

      {profile.clusters.map((cluster) => (
        <section key={cluster.id} aria-labelledby={`cluster-${cluster.id}`} className="cluster">
          <h2 id={`cluster-${cluster.id}`} lang={profile.language}>
            {cluster.name}
          </h2>
          {cluster.competencies.map((competency) => (
            <article
              key={competency.id}
              className="competency"
              aria-labelledby={`competency-${competency.id}`}
            >
              <h3 id={`competency-${competency.id}`}>
                <span lang={profile.language}>{competency.name}</span>
                {competency.organisationWide ? (
                  <>
                    {" "}
                    <span className="badge badge--org">{t("profile.organisationWide")}</span>
                  </>
                ) : null}
              </h3>
              {competency.description ? (
                <p lang={profile.language}>{competency.description}</p>
              ) : null}
              <h4 className="visually-hidden">{t("profile.indicators")}</h4>
              <ul className="indicator-list" lang={profile.language}>
                {competency.indicators.map((indicator) => (
                  <li key={indicator.id}>{indicator.text}</li>
                ))}
              </ul>
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}
