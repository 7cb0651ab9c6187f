import type { Relationship } from "#db/schema";
import { RELATIONSHIP_ORDER, type GroupProgress, type ThresholdOutlook } from "./progress";

// The progress export: counts per participant and group, for Excel as Dutch HR uses it
// (UTF-8 with a byte order mark, ";" between fields, CRLF). Participants' names only; raters
// do not appear in it in any form. It holds what the cycle page shows: a group of one has
// empty answered and declined fields while the round runs (GroupProgress).

export const CSV_SEPARATOR = ";";
const BYTE_ORDER_MARK = "\uFEFF";
const COUNTS = ["invited", "answered", "declined", "revoked"] as const;
type Count = (typeof COUNTS)[number];

export interface ProgressCsvRow {
  name: string;
  teamName: string | null;
  groups: readonly GroupProgress[];
  outlook: ThresholdOutlook;
}

export interface ProgressCsvLabels {
  participant: string;
  team: string;
  outlook: string;
  /** The column header of one count of one group, e.g. "Collega’s: uitgenodigd". */
  column: (group: Relationship, count: Count) => string;
  outlookValue: Record<ThresholdOutlook, string>;
}

/**
 * Control characters (NUL and the like, but not tab and line breaks, which are quoted) and
 * invisible formatting (bidi overrides, zero-width characters, line separators). Names can no
 * longer hold them (app/utils/plain-text.ts), but one stored before that must not reach a
 * spreadsheet: a NUL cuts a field short in some programs, an override reorders what it shows.
 */
const NOT_IN_CSV = /[^\P{Cc}\t\n\r]|[\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

/**
 * One field: quoted when it holds the separator, a quote or a line break; a leading = + - @
 * (or tab/CR) is neutralised with an apostrophe so that a spreadsheet never runs a name as a
 * formula; characters that are not text are left out (first, so none can hide a formula).
 */
export function csvField(value: string | number): string {
  let text = String(value).replace(NOT_IN_CSV, "");
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function line(fields: readonly (string | number)[]): string {
  return fields.map(csvField).join(CSV_SEPARATOR);
}

/** One count of one group: 0 for a group nobody is in, empty where the page shows none. */
function countField(group: GroupProgress | undefined, count: Count): number | string {
  if (!group) return 0;
  if (group.shown) return group[count];
  return count === "invited" || count === "revoked" ? group[count] : "";
}

export function progressCsv(rows: readonly ProgressCsvRow[], labels: ProgressCsvLabels): string {
  const header = [
    labels.participant,
    labels.team,
    ...RELATIONSHIP_ORDER.flatMap((group) => COUNTS.map((count) => labels.column(group, count))),
    labels.outlook,
  ];
  const body = rows.map((row) => {
    const byGroup = new Map(row.groups.map((group) => [group.relationship, group]));
    return line([
      row.name,
      row.teamName ?? "",
      ...RELATIONSHIP_ORDER.flatMap((group) =>
        COUNTS.map((count) => countField(byGroup.get(group), count)),
      ),
      labels.outlookValue[row.outlook],
    ]);
  });
  return BYTE_ORDER_MARK + [line(header), ...body].join("\r\n") + "\r\n";
}

/** A file name for the download: a prefix ("voortgang"), the round's name in plain letters, the day. */
export function progressCsvFileName(prefix: string, cycleName: string, day: string): string {
  const slug = cycleName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${prefix}-${slug || "cycle"}-${day}.csv`;
}
