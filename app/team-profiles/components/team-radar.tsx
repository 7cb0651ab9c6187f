import { CompetencyRadar, type RadarSeries } from "~/reports/components/competency-radar";
import { competencyAxisLabel } from "./team-figure";

/** A radar with fewer axes is no picture: the table says it all. */
export const RADAR_MIN_AXES = 3;

/**
 * A server-rendered radar of team figures (one series per team, plus e.g. the norm), axes in
 * the given order with organisation-wide competencies marked " *". Pass only axes every
 * series that should be drawn has a value for; a series missing a value is listed as
 * "only in the table".
 */
export function TeamRadar({
  competencies,
  series,
  scale,
  title,
  tableOnlyNote,
}: {
  competencies: readonly { name: string; organisationWide: boolean }[];
  /** The profile's rating scale: the radar's range. */
  scale: { min: number; max: number };
  series: RadarSeries[];
  title: string;
  tableOnlyNote: string;
}) {
  return (
    <div className="team-radar">
      <CompetencyRadar
        axes={competencies.map(competencyAxisLabel)}
        series={series}
        min={scale.min}
        max={scale.max}
        title={title}
        tableOnlyNote={tableOnlyNote}
      />
    </div>
  );
}
