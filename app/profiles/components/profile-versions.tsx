import { Form } from "@remix-run/react";
import { TableScroll } from "~/components/table-scroll";
import { useTranslation } from "~/i18n/use-translation";
import { formatDay } from "~/utils/dates";

// A library profile's page pieces: its versions, each with the rounds that took it and its
// Markdown; and what may be done about its use (retire, or put back into use).

export interface VersionRow {
  version: number;
  /** The day it was saved (YYYY-MM-DD, in the organisation). */
  savedOn: string;
  current: boolean;
  rounds: number;
}

/** Where a version's Markdown is downloaded: the current one without `?versie=`. */
export function exportHref(profileId: string, version?: number): string {
  const base = `/beheer/profielen/${profileId}.md`;
  return version === undefined ? base : `${base}?versie=${version}`;
}

export function VersionTable({
  profileId,
  versions,
}: {
  profileId: string;
  versions: readonly VersionRow[];
}) {
  const { t, locale } = useTranslation();
  return (
    <TableScroll label={t("profiles.detail.versions.title")}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("profiles.detail.versions.version")}</th>
            <th scope="col">{t("profiles.detail.versions.savedOn")}</th>
            <th scope="col" className="numeric">
              {t("profiles.detail.versions.rounds")}
            </th>
            <th scope="col">{t("profiles.detail.versions.download")}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((row) => (
            <tr key={row.version}>
              <th scope="row">
                {row.version}
                {row.current ? ` ${t("profiles.detail.versions.current")}` : null}
              </th>
              <td>{formatDay(row.savedOn, locale)}</td>
              <td className="numeric">{row.rounds}</td>
              <td>
                <a
                  href={exportHref(profileId, row.version)}
                  download
                  aria-label={t("profiles.detail.versions.downloadOf", { version: row.version })}
                >
                  {t("profiles.detail.versions.download")}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Retire a profile no unfinished round uses, or put a retired one back into use. */
export function ProfileUse({
  retired,
  unfinishedRounds,
}: {
  retired: boolean;
  unfinishedRounds: number;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="use-title">
      <h2 id="use-title">{t("profiles.detail.use.title")}</h2>
      <p>{t("profiles.detail.unfinishedRounds", { count: unfinishedRounds })}</p>
      {retired ? (
        <>
          <p>{t("profiles.detail.retiredExplained")}</p>
          <Form method="post">
            <button type="submit" name="intent" value="reinstate" className="button">
              {t("profiles.detail.reinstate")}
            </button>
          </Form>
        </>
      ) : unfinishedRounds > 0 ? (
        <p className="muted">{t("profiles.detail.retireBlocked")}</p>
      ) : (
        <>
          <p className="hint">{t("profiles.detail.retireHint")}</p>
          <Form method="post">
            <button type="submit" name="intent" value="retire" className="button button--secondary">
              {t("profiles.detail.retire")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
