import type { PeopleStatusFilter } from "./person-store.server";

// The query parameters of the people list (/beheer/mensen): search, status filter and page.
// Pure, so every odd value has a defined meaning.

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
