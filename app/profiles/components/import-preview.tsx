import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { MessageKey } from "~/i18n/messages";
import { describeProfileIssue } from "../file-issues";
import { LINK_FIELD_PREFIX, type Difference } from "../library-links";
import type {
  ImportProblem,
  LibraryMatch,
  LinkChoice,
  ProfileImportPreview,
} from "../import.server";
import { ProfileChanges } from "./edit-review";
import { OrganisationWideLegend, ProfileStructure } from "./profile-structure";

// The preview page's pieces: the problems of a text that cannot be stored, or the profile
// as it will be stored and what that does to the library; and the buttons to save or cancel.

type Ready = Extract<ProfileImportPreview["outcome"], { status: "ready" }>;

/** Every problem with its line, worded in the reader's language. */
export function ImportProblems({ problems }: { problems: readonly ImportProblem[] }) {
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
            {describeProfileIssue(t, problem)}
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
      {profile.missingOrganisationWide.length > 0 ? (
        <div className="notice">
          <p>{t("profiles.preview.missingOrganisationWide")}</p>
          <ul>
            {profile.missingOrganisationWide.map((competency) => (
              <li key={competency.name}>
                <span lang="nl">{competency.name}</span> (
                {t("profiles.preview.link.heldBy", { profiles: competency.profiles.join(", ") })})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {profile.library.kind === "new-version" ? (
        <section className="edit-review" aria-labelledby="changes-title">
          <h2 id="changes-title">
            {t("profiles.diff.title", { version: profile.library.currentVersion })}
          </h2>
          <ProfileChanges diff={profile.library.changes} />
        </section>
      ) : null}
      <OrganisationWideLegend />
      <ProfileStructure profile={profile.structure} />
    </>
  );
}

const DIFFERENCE: Record<Difference, MessageKey> = {
  id: "profiles.preview.link.difference.id",
  name: "profiles.preview.link.difference.name",
  description: "profiles.preview.link.difference.description",
  organisationWide: "profiles.preview.link.difference.organisationWide",
  indicators: "profiles.preview.link.difference.indicators",
};

/**
 * The competencies the library already holds with other wording (or under another id): one
 * checkbox each, ticked, to take the library's id and wording; unticked, the competency is
 * stored as one of its own.
 */
function LinkChoices({ links }: { links: readonly LinkChoice[] }) {
  const { t } = useTranslation();
  return (
    <fieldset className="link-choices">
      <legend>
        <h2>{t("profiles.preview.link.title", { count: links.length })}</h2>
      </legend>
      <p>{t("profiles.preview.link.intro")}</p>
      {links.map((link) => {
        const id = `koppel-${link.key}`;
        return (
          <div key={link.key} className="checkbox-field">
            <input
              type="checkbox"
              id={id}
              name={`${LINK_FIELD_PREFIX}${link.key}`}
              defaultChecked
              aria-describedby={`${id}-uitleg`}
            />
            <label htmlFor={id}>
              {t("profiles.preview.link.label", { name: link.libraryName })}
            </label>
            <p id={`${id}-uitleg`} className="hint">
              {t("profiles.preview.link.heldBy", { profiles: link.profiles.join(", ") })}{" "}
              {t("profiles.preview.link.differs", {
                what: link.differences.map((difference) => t(DIFFERENCE[difference])).join(", "),
              })}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}

/** Save or cancel; `canSave` is false for a text with problems (then only cancel). */
export function ImportDecision({
  canSave,
  links,
}: {
  canSave: boolean;
  links: readonly LinkChoice[];
}) {
  const { t } = useTranslation();
  return (
    <Form method="post">
      {canSave && links.length > 0 ? <LinkChoices links={links} /> : null}
      <div className="form-actions">
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
      </div>
    </Form>
  );
}
