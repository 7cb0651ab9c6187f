import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { LibraryMatch, ProfileImportPreview } from "../import.server";
import { OrganisationWideLegend, ProfileStructure } from "./profile-structure";

// The preview page's pieces: the problems of a text that cannot be stored, or the profile
// as it will be stored and what that does to the library; and the buttons to save or cancel.

type Ready = Extract<ProfileImportPreview["outcome"], { status: "ready" }>;

/** Every problem with its line. The parser words them in Dutch (they name its lines). */
export function ImportProblems({ problems }: { problems: { line: number; message: string }[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="problems-title" className="error-summary">
      <h2 id="problems-title">
        {t("profiles.preview.problems.title", { count: problems.length })}
      </h2>
      <p>{t("profiles.preview.problems.intro")}</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>
            {t("profiles.preview.problems.line", { line: problem.line })}:{" "}
            <span lang="nl">{problem.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function LibraryEffect({ library }: { library: LibraryMatch }) {
  const { t } = useTranslation();
  const sentence =
    library.kind === "new"
      ? t("profiles.preview.new")
      : library.kind === "unchanged"
        ? t("profiles.preview.unchanged", { current: library.currentVersion, name: library.name })
        : t("profiles.preview.newVersion", {
            current: library.currentVersion,
            next: library.nextVersion,
            name: library.name,
          });
  const reinstates = library.kind !== "new" && library.retired;
  return (
    <p className="notice">
      {sentence}
      {reinstates ? ` ${t("profiles.preview.reinstates")}` : null}
    </p>
  );
}

/** The profile as it will be stored: name, key, counts, what it does, and its content. */
export function ImportedProfile({ profile }: { profile: Ready }) {
  const { t } = useTranslation();
  return (
    <>
      <LibraryEffect library={profile.library} />
      <dl className="settings-list">
        <div>
          <dt>{t("profiles.preview.name")}</dt>
          <dd lang={profile.structure.language}>{profile.name}</dd>
        </div>
        <div>
          <dt>{t("profiles.preview.key")}</dt>
          <dd>
            <code>{profile.key}</code>
          </dd>
        </div>
      </dl>
      <p>
        {t("profile.counts", profile.counts)}
        {" · "}
        {t("profiles.preview.organisationWide", { count: profile.organisationWide })}
      </p>
      <OrganisationWideLegend />
      <ProfileStructure profile={profile.structure} />
    </>
  );
}

/** Save or cancel; `canSave` is false for a text with problems (then only cancel). */
export function ImportDecision({ canSave }: { canSave: boolean }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="form-actions">
      {canSave ? (
        <button type="submit" name="intent" value="confirm" className="button">
          {t("profiles.preview.save")}
        </button>
      ) : (
        <Link to="/beheer/profielen/importeren" className="button">
          {t("profiles.preview.again")}
        </Link>
      )}
      <button type="submit" name="intent" value="discard" className="button button--secondary">
        {t("profiles.preview.cancel")}
      </button>
    </Form>
  );
}
