/** The participant's nomination page. */
export function nominationPath(participantId: string): string {
  return `/voordragen/${encodeURIComponent(participantId)}`;
}

/** The lead's page to approve one participant's nominations. */
export function reviewPath(participantId: string): string {
  return `/goedkeuren/${encodeURIComponent(participantId)}`;
}

export const REVIEW_QUEUE_PATH = "/goedkeuren";

/** The query parameter of a directory search (a GET form, so it works without JavaScript). */
export const SEARCH_PARAM = "zoek";

/** The search field's maximum length; a longer value in the address is cut to it. */
export const SEARCH_MAX = 100;

/**
 * What a page's person search asks for (the nomination and review pages, HR's participants
 * pages): trimmed, cut to the search field's maximum length.
 */
export function searchQuery(url: URL): string {
  return (url.searchParams.get(SEARCH_PARAM) ?? "").trim().slice(0, SEARCH_MAX);
}
