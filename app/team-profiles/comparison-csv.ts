import { CSV_SEPARATOR, csvField } from "~/cycles/progress-csv";
import type { ComparisonCell, ComparisonWithheldReason } from "./comparison-model";

// The comparison as a spreadsheet (Excel as Dutch HR uses it: UTF-8 with a byte order mark,
// ";" between fields, CRLF): one row per competency, per team three columns (mean, number of
// members, why a figure is withheld), the organisation norm when the page shows it. Only the
// aggregated figures of the page; nothing about a single member.

const BYTE_ORDER_MARK = "\uFEFF";

export interface ComparisonCsvInput {
  axes: readonly { key: string; name: string; organisationWide: boolean }[];
  teams: readonly {
    /** The team's label as the page shows it (with its round when the rounds differ). */
    name: string;
    cycle: { name: string; k: number | null } | null;
    cells: Readonly<Record<string, ComparisonCell>>;
  }[];
  norm: { values: Readonly<Record<string, { mean: number; participants: number } | null>> } | null;
}

export interface ComparisonCsvLabels {
  competency: string;
  /** A column header: the team (with its round) and what the column holds. */
  column: (team: string, what: "mean" | "members" | "reason") => string;
  normColumn: (what: "mean" | "members") => string;
  /** An organisation-wide competency's name as shown ("Communiceren *"). */
  axisName: (name: string, organisationWide: boolean) => string;
  /** A mean as the page shows it (one decimal, the locale's decimal sign). */
  mean: (value: number) => string;
  reason: (reason: ComparisonWithheldReason, k: number | null) => string;
}

function line(fields: readonly (string | number)[]): string {
  return fields.map(csvField).join(CSV_SEPARATOR);
}

export function comparisonCsv(input: ComparisonCsvInput, labels: ComparisonCsvLabels): string {
  const teamNames = input.teams.map((team) => team.name);
  const header = [
    labels.competency,
    ...teamNames.flatMap((name) => [
      labels.column(name, "mean"),
      labels.column(name, "members"),
      labels.column(name, "reason"),
    ]),
    ...(input.norm ? [labels.normColumn("mean"), labels.normColumn("members")] : []),
  ];
  const rows = input.axes.map((axis) =>
    line([
      labels.axisName(axis.name, axis.organisationWide),
      ...input.teams.flatMap((team) => {
        const cell = team.cells[axis.key] ?? { shown: false, reason: "not_in_cycle" as const };
        return cell.shown
          ? [labels.mean(cell.mean), cell.members, ""]
          : ["", "", labels.reason(cell.reason, team.cycle?.k ?? null)];
      }),
      ...(input.norm
        ? (() => {
            const norm = input.norm.values[axis.key];
            return norm ? [labels.mean(norm.mean), norm.participants] : ["", ""];
          })()
        : []),
    ]),
  );
  return BYTE_ORDER_MARK + [line(header), ...rows].join("\r\n") + "\r\n";
}

/** "teamvergelijking-2030-03-04.csv". */
export function comparisonCsvFileName(prefix: string, day: string): string {
  return `${prefix}-${day}.csv`;
}
