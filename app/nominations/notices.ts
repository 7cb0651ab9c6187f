import { defineNotices } from "~/utils/notices";
import { SEARCH_PARAM } from "./paths";

// What the nomination pages say after a successful post (post/redirect/get: see
// app/utils/notices.ts). The codes show in the address bar, so they are short Dutch words.

export const NOMINATION_NOTICES = defineNotices({
  voorgedragen: "nominations.notice.proposed",
  ingetrokken: "nominations.notice.withdrawn",
  ingediend: "nominations.notice.submitted",
  toegevoegd: "nominations.notice.added",
  verwijderd: "nominations.notice.removed",
  goedgekeurd: "nominations.notice.approved",
  "alles-goedgekeurd": "nominations.notice.approvedAll",
});

export type NominationNotice = keyof typeof NOMINATION_NOTICES;

/**
 * The page a post came from, to redirect to: with its search when the person picked from the
 * results (so they can pick the next one), else without anything in its query.
 */
export function pageAfterPost(requestUrl: string, keepSearch: boolean): string {
  const url = new URL(requestUrl);
  const search = url.searchParams.get(SEARCH_PARAM);
  if (!keepSearch || !search) return url.pathname;
  return `${url.pathname}?${new URLSearchParams({ [SEARCH_PARAM]: search }).toString()}`;
}
