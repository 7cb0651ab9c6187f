import { CSV_SEPARATOR, csvField, progressCsvFileName } from "~/cycles/progress-csv";
import type { Locale } from "~/i18n/locales";
import type { NormFigure, TeamCompetencyFigure, WithheldReason } from "./engine/team-figures";

// The team profile as a spreadsheet: one line per competency with the team's aggregated
// figures, exactly as the page shows them (rounded to one decimal). Never a member, never a
// name of a person: only competencies and numbers. UTF-8 with a byte order mark, ";" between
// fields, CRLF, as the progress export (Excel as Dutch HR uses it).

const BYTE_ORDER_MARK = "\uFEFF";

/** One competency of a team profile: the page's table row and the CSV line. */
export interface TeamProfileRow {
  key: string;
  name: string;
  clusterName: string;
  organisationWide: boolean;
  team: TeamCompetencyFigure;
  /** The organisation norm, where it has enough participants. */
  norm: NormFigure | null;
  /** The team's mean in its previous released cycle and the change, where both are shown. */
  trend: { previous: number; change: number } | null;
}

export interface TeamProfileCsvLabels {
  competency: string;
  cluster: string;
  organisationWide: string;
  teamMean: string;
  members: string;
  norm: string;
  normParticipants: string;
  previousMean: string;
  change: string;
  spreadLow: string;
  spreadMiddle: string;
  spreadHigh: string;
  reason: string;
  yes: string;
  no: string;
  reasonValue: Record<WithheldReason, string>;
}

const decimalFormat = {
  nl: new Intl.NumberFormat("nl-NL", {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    useGrouping: false,
  }),
  en: new Intl.NumberFormat("en-GB", {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    useGrouping: false,
  }),
};

/**
 * A figure as the page rounds it (one decimal), with the locale's decimal mark so that a
 * spreadsheet in that language reads it as a number. No "+" sign, no "-0,0".
 */
export function csvNumber(value: number, locale: Locale): string {
  const rounded = Math.round(value * 10) / 10;
  return decimalFormat[locale].format(rounded === 0 ? 0 : rounded);
}

const NUMERIC = /^-?\d+([.,]\d+)?$/;

function field(value: string | number): string {
  // Numbers built here are only digits, one decimal mark and a minus: never a formula.
  if (typeof value === "number") return String(value);
  if (NUMERIC.test(value)) return value;
  return csvField(value);
}

function line(fields: readonly (string | number)[]): string {
  return fields.map(field).join(CSV_SEPARATOR);
}

export function teamProfileCsv(
  rows: readonly TeamProfileRow[],
  labels: TeamProfileCsvLabels,
  locale: Locale,
): string {
  const header = [
    labels.competency,
    labels.cluster,
    labels.organisationWide,
    labels.teamMean,
    labels.members,
    labels.norm,
    labels.normParticipants,
    labels.previousMean,
    labels.change,
    labels.spreadLow,
    labels.spreadMiddle,
    labels.spreadHigh,
    labels.reason,
  ].map(csvField);
  const body = rows.map((row) => {
    const team = row.team;
    const norm = row.norm ? [csvNumber(row.norm.mean, locale), row.norm.participants] : ["", ""];
    const start = [row.name, row.clusterName, row.organisationWide ? labels.yes : labels.no];
    if (!team.shown) {
      return line([...start, "", "", ...norm, "", "", "", "", "", labels.reasonValue[team.reason]]);
    }
    return line([
      ...start,
      csvNumber(team.mean, locale),
      team.members,
      ...norm,
      row.trend ? csvNumber(row.trend.previous, locale) : "",
      row.trend ? csvNumber(row.trend.change, locale) : "",
      team.spread.low,
      team.spread.middle,
      team.spread.high,
      "",
    ]);
  });
  return BYTE_ORDER_MARK + [header.join(CSV_SEPARATOR), ...body].join("\r\n") + "\r\n";
}

/** "teamprofiel-team-communicatie-voorjaar-2030-2030-03-04.csv": plain letters only. */
export function teamProfileCsvFileName(
  prefix: string,
  teamName: string,
  cycleName: string,
  day: string,
): string {
  return progressCsvFileName(prefix, `${teamName} ${cycleName}`, day);
}
