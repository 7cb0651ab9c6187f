import type { ImportCounts } from "./import.server";
import type { PeopleStatusFilter } from "./person-store.server";

// The query parameters of the people list (/beheer/mensen): search, status filter, page, and the
// counts shown after an import. Pure, so every odd value has a defined meaning.

export const STATUS_PARAM: Record<string, PeopleStatusFilter> = {
  actief: "active",
  inactief: "inactive",
  alle: "all",
};
export const STATUS_VALUE: Record<PeopleStatusFilter, string> = {
  active: "actief",
  inactive: "inactief",
  all: "alle",
};

export const SEARCH_MAX = 100;

export interface PeopleListParams {
  search: string;
  status: PeopleStatusFilter;
  page: number;
}

export function readListParams(params: URLSearchParams): PeopleListParams {
  const page = Number(params.get("pagina"));
  return {
    search: (params.get("zoek") ?? "").trim().slice(0, SEARCH_MAX),
    status: STATUS_PARAM[params.get("status") ?? ""] ?? "active",
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
  };
}

/** The query string of a page of the list with these parameters (defaults left out). */
export function listQuery(params: PeopleListParams): string {
  const query = new URLSearchParams();
  if (params.search) query.set("zoek", params.search);
  if (params.status !== "active") query.set("status", STATUS_VALUE[params.status]);
  if (params.page > 1) query.set("pagina", String(params.page));
  const text = query.toString();
  return text ? `?${text}` : "";
}

const IMPORT_PARAMS = {
  nieuw: "created",
  gewijzigd: "updated",
  ongewijzigd: "unchanged",
  heractiveerd: "reactivated",
  gedeactiveerd: "deactivated",
  teams: "teamsCreated",
} as const satisfies Record<string, keyof ImportCounts>;
type ImportParam = keyof typeof IMPORT_PARAMS;
export type ImportNotice = Record<(typeof IMPORT_PARAMS)[ImportParam], number>;

/** Where an applied import leads: the list, with what it did. */
export function importedListPath(counts: ImportCounts): string {
  const query = new URLSearchParams({ geimporteerd: "1" });
  for (const [param, field] of Object.entries(IMPORT_PARAMS)) {
    query.set(param, String(counts[field]));
  }
  return `/beheer/mensen?${query}`;
}

/** The counts of the import just applied, when the list is opened right after one. */
export function readImportNotice(params: URLSearchParams): ImportNotice | null {
  if (params.get("geimporteerd") !== "1") return null;
  const notice = {} as ImportNotice;
  for (const [param, field] of Object.entries(IMPORT_PARAMS) as [
    ImportParam,
    keyof ImportNotice,
  ][]) {
    const value = Number(params.get(param) ?? "0");
    notice[field] = Number.isSafeInteger(value) && value >= 0 ? value : 0;
  }
  return notice;
}
