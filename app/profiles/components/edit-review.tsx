import { useEffect, useRef } from "react";
import type { Translate } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import type { CompetencyDiff, IndicatorChange, ProfileDiff, TextChange } from "../version-diff";

// What an edit changes against the current version, as HR reads it before saving; with the
// button that saves it (part of the editor's form, with the fingerprint of what is shown).

export type EditReviewData =
  | { status: "unchanged" }
  | {
      status: "review";
      diff: ProfileDiff;
      shared: { name: string; competencies: string[] }[];
      diverged: { name: string; competencies: string[] }[];
      fingerprint: string;
      changedSinceReview: boolean;
    };

function Change({ label, change }: { label: string; change: TextChange }) {
  const { t } = useTranslation();
  return (
    <div className="diff-change">
      <p className="diff-change__label">{label}</p>
      <dl className="diff-change__texts">
        <div>
          <dt>{t("profiles.diff.before")}</dt>
          <dd>
            <del>{change.before || t("profiles.diff.empty")}</del>
          </dd>
        </div>
        <div>
          <dt>{t("profiles.diff.after")}</dt>
          <dd>
            <ins>{change.after || t("profiles.diff.empty")}</ins>
          </dd>
        </div>
      </dl>
    </div>
  );
}

function IndicatorLine({ change }: { change: IndicatorChange }) {
  const { t } = useTranslation();
  switch (change.kind) {
    case "added":
      return (
        <li>
          {t("profiles.diff.indicator.added")}: <ins>{change.text}</ins>
        </li>
      );
    case "removed":
      return (
        <li>
          {t("profiles.diff.indicator.removed")}: <del>{change.text}</del>
        </li>
      );
    case "moved":
      return (
        <li>
          {t("profiles.diff.indicator.moved")}: {change.text}
        </li>
      );
    case "reworded":
      return (
        <li>
          <Change label={t("profiles.diff.indicator.reworded")} change={change} />
        </li>
      );
  }
}

function competencyLines(t: Translate, competency: CompetencyDiff): string[] {
  const lines: string[] = [];
  if (competency.status === "added")
    lines.push(t("profiles.diff.competency.added", { cluster: competency.cluster }));
  if (competency.status === "removed") lines.push(t("profiles.diff.competency.removed"));
  if (competency.organisationWide)
    lines.push(
      t(
        competency.organisationWide.after
          ? "profiles.diff.competency.organisationWideOn"
          : "profiles.diff.competency.organisationWideOff",
      ),
    );
  if (competency.movedFrom === "position")
    lines.push(t("profiles.diff.competency.movedPosition", { cluster: competency.cluster }));
  else if (competency.movedFrom)
    lines.push(
      t("profiles.diff.competency.movedCluster", {
        cluster: competency.movedFrom.cluster,
        to: competency.cluster,
      }),
    );
  return lines;
}

function CompetencyChanges({ competency }: { competency: CompetencyDiff }) {
  const { t } = useTranslation();
  return (
    <li className="diff-competency">
      <h3>{competency.name}</h3>
      <ul>
        {competencyLines(t, competency).map((line) => (
          <li key={line}>{line}</li>
        ))}
        {competency.rename ? (
          <li>
            <Change label={t("profiles.diff.competency.renamed")} change={competency.rename} />
          </li>
        ) : null}
        {competency.description ? (
          <li>
            <Change
              label={t("profiles.diff.competency.description")}
              change={competency.description}
            />
          </li>
        ) : null}
        {competency.indicators.map((change) => (
          <IndicatorLine key={`${change.kind}-${change.key}`} change={change} />
        ))}
      </ul>
    </li>
  );
}

function clusterLine(t: Translate, cluster: ProfileDiff["clusters"][number]): string {
  switch (cluster.status) {
    case "added":
      return t("profiles.diff.cluster.added", { name: cluster.name });
    case "removed":
      return t("profiles.diff.cluster.removed", { name: cluster.name });
    case "renamed":
      return t("profiles.diff.cluster.renamed", {
        name: cluster.name,
        before: cluster.before ?? "",
      });
    case "moved":
      return t("profiles.diff.cluster.moved", { name: cluster.name });
  }
}

/** Every change of a diff: the profile's name and description, clusters, competencies. */
export function ProfileChanges({ diff }: { diff: ProfileDiff }) {
  const { t } = useTranslation();
  return (
    <>
      {diff.name ? <Change label={t("profiles.diff.profileName")} change={diff.name} /> : null}
      {diff.description ? (
        <Change label={t("profiles.diff.profileDescription")} change={diff.description} />
      ) : null}
      {diff.clusters.length > 0 ? (
        <>
          <h3>{t("profiles.diff.clusters")}</h3>
          <ul>
            {diff.clusters.map((cluster) => (
              <li key={`${cluster.status}-${cluster.key}`}>{clusterLine(t, cluster)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {diff.competencies.length > 0 ? (
        <ul className="diff-competencies">
          {diff.competencies.map((competency) => (
            <CompetencyChanges
              key={`${competency.status}-${competency.key}`}
              competency={competency}
            />
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** Other profiles of the library and the competencies of the edit they hold, if any. */
function OtherProfiles({
  intro,
  profiles,
}: {
  intro: string;
  profiles: readonly { name: string; competencies: string[] }[];
}) {
  const { t } = useTranslation();
  if (profiles.length === 0) return null;
  return (
    <>
      <p>{intro}</p>
      <ul>
        {profiles.map((profile) => (
          <li key={profile.name}>
            {t("profiles.diff.shared.item", {
              profile: profile.name,
              competencies: profile.competencies.join(", "),
            })}
          </li>
        ))}
      </ul>
    </>
  );
}

export function EditReview({ review, version }: { review: EditReviewData; version: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  // A new review is what HR asked for: it takes focus, so it is read first.
  useEffect(() => ref.current?.focus(), [review]);
  if (review.status === "unchanged") {
    return (
      <section className="notice" role="status" tabIndex={-1} ref={ref}>
        <p>{t("profiles.edit.unchanged", { version })}</p>
      </section>
    );
  }
  const { diff, shared, diverged } = review;
  return (
    <section className="edit-review" aria-labelledby="edit-review-title" tabIndex={-1} ref={ref}>
      <h2 id="edit-review-title">{t("profiles.diff.title", { version })}</h2>
      {review.changedSinceReview ? (
        <p className="notice notice--warning">{t("profiles.edit.changedSinceReview")}</p>
      ) : null}
      <ProfileChanges diff={diff} />
      {shared.length > 0 || diverged.length > 0 ? (
        <>
          <h3>{t("profiles.diff.shared.title")}</h3>
          <OtherProfiles intro={t("profiles.diff.shared.intro")} profiles={shared} />
          <OtherProfiles intro={t("profiles.diff.shared.diverged")} profiles={diverged} />
        </>
      ) : null}
      <input type="hidden" name="reviewed" value={review.fingerprint} />
      <p className="actions">
        <button type="submit" name="intent" value="save" className="button">
          {t("profiles.edit.save")}
        </button>
      </p>
    </section>
  );
}
