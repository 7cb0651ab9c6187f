import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import type { WithheldReason } from "../engine/team-figures";
import type { TeamProfilePage } from "../team-profile-model";
import { SpreadTable } from "./spread-table";
import { OrgWideNote } from "./team-figure";
import { TeamProfileTable } from "./team-profile-table";
import { RADAR_MIN_AXES, TeamRadar } from "./team-radar";

const withheldAllKey: Record<WithheldReason, MessageKey> = {
  too_few: "teamProfile.withheldAll.tooFew",
  differencing: "teamProfile.withheldAll.differencing",
  known_members: "teamProfile.withheldAll.knownMembers",
};

/** No figure of the team may be shown: why not. */
export function TeamFiguresWithheld({ profile }: { profile: TeamProfilePage }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="withheld-title" className="notice team-profile__withheld">
      <h2 id="withheld-title">{t("teamProfile.withheldAll.title")}</h2>
      {profile.withheldReasons.map((reason) => (
        <p key={reason}>{t(withheldAllKey[reason], { k: profile.cycle.k })}</p>
      ))}
    </section>
  );
}

/** The team's figures: the reading in words, the radar with its table and trend, the spread. */
export function TeamFigures({ profile }: { profile: TeamProfilePage }) {
  const { t } = useTranslation();
  const { team, rows } = profile;
  const shownRows = rows.filter((row) => row.team.shown);
  const radarRows = shownRows;
  // Quoted, since names such as "Plannen en organiseren" contain the word "en" themselves.
  const list = (names: string[]) =>
    names.map((name) => `‘${name}’`).join(t("teamProfile.reading.and"));
  const hasOrgWide = rows.some((row) => row.organisationWide);
  return (
    <>
      <section aria-labelledby="reading-title">
        <h2 id="reading-title">{t("teamProfile.reading.title")}</h2>
        <p>
          {profile.reading
            ? t(
                profile.reading.basis === "norm"
                  ? "teamProfile.reading.norm"
                  : "teamProfile.reading.team",
                {
                  strongest: list(profile.reading.strongest),
                  weakest: list(profile.reading.weakest),
                },
              )
            : t("teamProfile.reading.none")}
        </p>
      </section>

      <section aria-labelledby="radar-title">
        <h2 id="radar-title">{t("teamProfile.radar.title")}</h2>
        <p>{t("teamProfile.radar.howToRead")}</p>
        {radarRows.length >= RADAR_MIN_AXES ? (
          <>
            {radarRows.length < rows.length ? (
              <p className="hint">{t("teamProfile.radar.partial")}</p>
            ) : null}
            <TeamRadar
              competencies={radarRows}
              scale={profile.scale}
              series={[
                {
                  key: "team",
                  label: team.name,
                  values: radarRows.map((row) => (row.team.shown ? row.team.mean : null)),
                },
                {
                  key: "norm",
                  label: t("teamProfile.series.norm"),
                  values: radarRows.map((row) => row.norm),
                },
              ]}
              title={t("teamProfile.radar.alt")}
              tableOnlyNote={t("teamProfile.radar.tableOnly")}
            />
          </>
        ) : (
          <p className="hint">{t("teamProfile.radar.tooFewAxes")}</p>
        )}
        <TeamProfileTable rows={rows} previousCycleName={profile.previousCycleName} />
        {hasOrgWide ? <OrgWideNote /> : null}
        <p className="hint">{t("teamProfile.notShownExplained")}</p>
        <p>
          {profile.previousCycleName === null
            ? t("teamProfile.trend.absent")
            : rows.some((row) => row.trend !== null)
              ? t("teamProfile.trend.body", { cycle: profile.previousCycleName })
              : t("teamProfile.trend.noFigures", { cycle: profile.previousCycleName })}
        </p>
      </section>

      <section aria-labelledby="spread-title">
        <h2 id="spread-title">{t("teamProfile.spread.title")}</h2>
        <p>{t("teamProfile.spread.intro")}</p>
        <SpreadTable
          rows={shownRows.flatMap((row) =>
            row.team.shown ? [{ ...row, spread: row.team.spread }] : [],
          )}
        />
      </section>
    </>
  );
}
