import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { PrintButton } from "~/reports/components/print-button";
import { formatDay } from "~/utils/dates";
import type { TeamProfilePage } from "../team-profile-model";

/** The team and its round, the choice of another round, the CSV, the way back, printing. */
export function TeamProfileHeader({ profile }: { profile: TeamProfilePage }) {
  const { t, locale } = useTranslation();
  const { team, cycle } = profile;
  return (
    <header className="team-profile__header">
      {team.parent ? (
        <p className="eyebrow">
          <Link to={`/teams/${team.parent.id}/profiel?ronde=${encodeURIComponent(cycle.id)}`}>
            {t("team.partOf", { name: team.parent.name })}
          </Link>
        </p>
      ) : null}
      <h1>{t("teamProfile.heading", { team: team.name })}</h1>
      <p className="muted">
        {t("teamProfile.meta", {
          cycle: cycle.name,
          date: formatDay(cycle.day, locale),
        })}
      </p>
      <Form method="get" className="filter-form team-profile__cycle-form">
        <label htmlFor="ronde">{t("teamProfile.cycle.label")}</label>
        <select id="ronde" name="ronde" defaultValue={cycle.id}>
          {profile.cycles.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          {t("teamProfile.cycle.submit")}
        </button>
      </Form>
      <p className="actions team-profile__actions">
        <a href={`/teams/${team.id}/profiel.csv?ronde=${encodeURIComponent(cycle.id)}`} download>
          {t("teamProfile.download")}
        </a>
        <Link to={`/teams/${team.id}`}>{t("teamProfile.backToTeam")}</Link>
      </p>
      <PrintButton label={t("teamProfile.print")} hint={t("teamProfile.printHint")} />
    </header>
  );
}

/** How to read the figures: the threshold k below which a team's figure is kept back. */
export function TeamProfileHowToRead({ k }: { k: number }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="how-title" className="panel">
      <h2 id="how-title">{t("teamProfile.howToRead.title")}</h2>
      <p>{t("teamProfile.howToRead.body", { k })}</p>
    </section>
  );
}
