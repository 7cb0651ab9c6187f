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

/** What a page's directory search asks for, cut to the search field's own maximum length. */
export function searchQuery(url: URL): string {
  return (url.searchParams.get(SEARCH_PARAM) ?? "").slice(0, 100);
}
