import { useTranslation } from "~/i18n/use-translation";
import type { Profile } from "../schema";

// What a profile asks: its rating scale, then its clusters with their competencies (the
// organisation-wide ones badged) and each competency's indicators. The public profile page
// shows a built-in profile with it; HR's library pages a stored version and an import's
// preview.

/** The part of a profile the structure shows: no key, name or description of its own. */
export type ProfileStructureView = Pick<Profile, "language" | "scale" | "clusters">;

/** Only what the structure shows of a profile, for a loader to send. */
export function profileStructureView(profile: Profile): ProfileStructureView {
  return { language: profile.language, scale: profile.scale, clusters: profile.clusters };
}

/** The badge of an organisation-wide competency, with what it means. */
export function OrganisationWideLegend() {
  const { t } = useTranslation();
  return (
    <p className="legend">
      <span className="badge badge--org">{t("profile.organisationWide")}</span>{" "}
      {t("profile.organisationWideExplained")}
    </p>
  );
}

export function ProfileStructure({
  profile,
  headingLevel = 2,
}: {
  profile: ProfileStructureView;
  /** The level of the scale's and the clusters' headings (a section of a page: 3). */
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const Section = headingLevel === 2 ? "h2" : "h3";
  const Competency = headingLevel === 2 ? "h3" : "h4";
  const Indicators = headingLevel === 2 ? "h4" : "h5";
  return (
    <>
      <section aria-labelledby="scale-heading" className="panel">
        <Section id="scale-heading">{t("profile.scale.title")}</Section>
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
          <Section id={`cluster-${cluster.id}`} lang={profile.language}>
            {cluster.name}
          </Section>
          {cluster.competencies.map((competency) => (
            <article
              key={competency.id}
              className="competency"
              aria-labelledby={`competency-${competency.id}`}
            >
              <Competency id={`competency-${competency.id}`}>
                <span lang={profile.language}>{competency.name}</span>
                {competency.organisationWide ? (
                  <>
                    {" "}
                    <span className="badge badge--org">{t("profile.organisationWide")}</span>
                  </>
                ) : null}
              </Competency>
              {competency.description ? (
                <p lang={profile.language}>{competency.description}</p>
              ) : null}
              <Indicators className="visually-hidden">{t("profile.indicators")}</Indicators>
              <ul className="indicator-list" lang={profile.language}>
                {competency.indicators.map((indicator) => (
                  <li key={indicator.id}>{indicator.text}</li>
                ))}
              </ul>
            </article>
          ))}
        </section>
      ))}
    </>
  );
}
