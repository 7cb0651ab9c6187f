import { foldForMatching } from "./text";

// Which column of an import file holds what. Headers match without regard to case, accents,
// spaces or hyphens, in Dutch or English. Pure.

export const IMPORT_COLUMNS = [
  "employeeNumber",
  "name",
  "firstName",
  "lastName",
  "email",
  "team",
  "lead",
  "role",
  "language",
  "profile",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Accepted headers per column, as people write them (folded before comparing). */
export const COLUMN_ALIASES: Record<ImportColumn, readonly string[]> = {
  employeeNumber: ["personeelsnummer", "employee number", "medewerkernummer", "personeelsnr"],
  name: ["naam", "name", "volledige naam", "full name"],
  firstName: ["voornaam", "first name", "roepnaam"],
  lastName: ["achternaam", "last name", "surname"],
  email: ["e-mail", "email", "emailadres", "e-mailadres", "email address"],
  team: ["team", "afdeling", "department"],
  lead: ["leidinggevende", "teamleider", "team lead", "teamleader", "manager"],
  role: ["rol", "role"],
  language: ["taal", "language", "voorkeurstaal", "preferred language"],
  // Not "functie" or "function": in a personnel system's export that column holds the job
  // title ("Consulent", "Jurist"), far finer than the library's profiles, so reading it would
  // refuse every line of an export that imported fine before. It stays an ignored column.
  profile: [
    "functieprofiel",
    "profiel",
    "competentieprofiel",
    "function profile",
    "profile",
    "competency profile",
  ],
};

const columnByAlias = new Map<string, ImportColumn>(
  IMPORT_COLUMNS.flatMap((column) =>
    COLUMN_ALIASES[column].map((alias) => [foldForMatching(alias), column] as const),
  ),
);

export type ColumnProblem =
  | { code: "missingEmployeeNumberColumn" }
  | { code: "missingNameColumn" }
  | { code: "missingEmailColumn" }
  | { code: "duplicateColumn"; params: { column: string } };

export interface ColumnMap {
  /** The index of each recognised column in a row. */
  indexes: Partial<Record<ImportColumn, number>>;
  /** Headers that are not used, as written in the file (shown in the preview). */
  ignored: string[];
  problems: ColumnProblem[];
}

export function columnOf(header: string): ImportColumn | null {
  return columnByAlias.get(foldForMatching(header)) ?? null;
}

/**
 * Maps the header row. The name is either one "naam" column or both "voornaam" and
 * "achternaam" (then a "naam" column is not used); employee number, name and email are
 * required, every column at most once.
 */
export function mapColumns(header: string[]): ColumnMap {
  const indexes: Partial<Record<ImportColumn, number>> = {};
  const ignored: string[] = [];
  const problems: ColumnProblem[] = [];
  header.forEach((title, index) => {
    const column = columnOf(title);
    if (!column) {
      if (title !== "") ignored.push(title);
      return;
    }
    if (indexes[column] !== undefined) {
      problems.push({ code: "duplicateColumn", params: { column: title } });
      return;
    }
    indexes[column] = index;
  });

  const hasSplitName = indexes.firstName !== undefined && indexes.lastName !== undefined;
  const unused: ImportColumn[] = hasSplitName ? ["name"] : ["firstName", "lastName"];
  for (const column of unused) {
    const index = indexes[column];
    if (index === undefined) continue;
    ignored.push(header[index] as string);
    delete indexes[column];
  }

  if (indexes.employeeNumber === undefined) problems.push({ code: "missingEmployeeNumberColumn" });
  if (!hasSplitName && indexes.name === undefined) problems.push({ code: "missingNameColumn" });
  if (indexes.email === undefined) problems.push({ code: "missingEmailColumn" });
  return { indexes, ignored, problems };
}
