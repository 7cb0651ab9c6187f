import { Form, Link } from "@remix-run/react";
import { TableScroll } from "~/components/table-scroll";
import { useTranslation } from "~/i18n/use-translation";

// The library page's pieces: the organisation's profiles as a table, and the built-in
// profiles it has not adopted, each with a button to adopt it.

export interface LibraryRow {
  id: string;
  name: string;
  version: number;
  competencies: number;
  indicators: number;
  organisationWide: number;
  retired: boolean;
  unfinishedRounds: number;
}

export function LibraryTable({ profiles }: { profiles: readonly LibraryRow[] }) {
  const { t } = useTranslation();
  return (
    <TableScroll label={t("profiles.library.title")}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("profiles.library.name")}</th>
            <th scope="col" className="numeric">
              {t("profiles.library.version")}
            </th>
            <th scope="col" className="numeric">
              {t("profiles.library.competencies")}
            </th>
            <th scope="col" className="numeric">
              {t("profiles.library.indicators")}
            </th>
            <th scope="col" className="numeric">
              {t("profiles.library.organisationWide")}
            </th>
            <th scope="col">{t("profiles.library.status")}</th>
            <th scope="col" className="numeric">
              {t("profiles.library.unfinishedRounds")}
            </th>
          </tr>
        </thead>
        <tbody>
          {profiles.map((profile) => (
            <tr key={profile.id}>
              <th scope="row">
                <Link to={`/beheer/profielen/${profile.id}`}>{profile.name}</Link>
              </th>
              <td className="numeric">{profile.version}</td>
              <td className="numeric">{profile.competencies}</td>
              <td className="numeric">{profile.indicators}</td>
              <td className="numeric">{profile.organisationWide}</td>
              <td>{t(profile.retired ? "profiles.status.retired" : "profiles.status.current")}</td>
              <td className="numeric">{profile.unfinishedRounds}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export interface BuiltInRow {
  key: string;
  name: string;
  clusters: number;
  competencies: number;
  indicators: number;
}

export function BuiltInProfiles({ profiles }: { profiles: readonly BuiltInRow[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="built-in-title">
      <h2 id="built-in-title">{t("profiles.builtIn.title")}</h2>
      {profiles.length === 0 ? (
        <p>{t("profiles.builtIn.allAdopted")}</p>
      ) : (
        <>
          <p>{t("profiles.builtIn.intro")}</p>
          <ul className="item-list">
            {profiles.map((profile) => (
              <li key={profile.key} className="item-list__item">
                <h3 className="item-list__title">{profile.name}</h3>
                <p className="muted">
                  {t("profile.counts", {
                    clusters: profile.clusters,
                    competencies: profile.competencies,
                    indicators: profile.indicators,
                  })}
                </p>
                <Form method="post">
                  <input type="hidden" name="profileKey" value={profile.key} />
                  <button
                    type="submit"
                    name="intent"
                    value="adopt"
                    className="button button--secondary"
                  >
                    {t("profiles.builtIn.adopt")}
                    <span className="visually-hidden"> {profile.name}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
