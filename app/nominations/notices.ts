import type { MessageKey } from "~/i18n/messages";
import type { NominatedGroup } from "./limits";

// The success notice after a post/redirect/get: the redirect carries `?melding=<code>`.

export const NOTICE_MESSAGES = {
  voorgedragen: "nominations.notice.proposed",
  ingetrokken: "nominations.notice.withdrawn",
  ingediend: "nominations.notice.submitted",
  toegevoegd: "nominations.notice.added",
  verwijderd: "nominations.notice.removed",
  goedgekeurd: "nominations.notice.approved",
  "alles-goedgekeurd": "nominations.notice.approvedAll",
} as const satisfies Record<string, MessageKey>;

export type NoticeCode = keyof typeof NOTICE_MESSAGES;

export const NOTICE_PARAM = "melding";
export const COUNT_PARAM = "aantal";
export const SEARCH_PARAM = "zoek";

export interface Notice {
  key: MessageKey;
  count: number;
}

function isNoticeCode(value: string | null): value is NoticeCode {
  return value !== null && Object.hasOwn(NOTICE_MESSAGES, value);
}

/** The notice a page shows after a redirect, or null for none (or an unknown code). */
export function readNotice(url: URL): Notice | null {
  const code = url.searchParams.get(NOTICE_PARAM);
  if (!isNoticeCode(code)) return null;
  const count = Number(url.searchParams.get(COUNT_PARAM) ?? "0");
  return { key: NOTICE_MESSAGES[code], count: Number.isSafeInteger(count) ? count : 0 };
}

/**
 * Where a successful post leads: the same page with the notice, keeping the search when the
 * person picks from the results (so they can pick the next one).
 */
export function noticeLocation(
  requestUrl: string,
  code: NoticeCode,
  options: { keepSearch?: boolean; count?: number } = {},
): string {
  const url = new URL(requestUrl);
  const next = new URLSearchParams();
  const search = url.searchParams.get(SEARCH_PARAM);
  if (options.keepSearch && search) next.set(SEARCH_PARAM, search);
  next.set(NOTICE_PARAM, code);
  if (options.count !== undefined) next.set(COUNT_PARAM, String(options.count));
  return `${url.pathname}?${next.toString()}`;
}

export const GROUP_LABELS: Record<NominatedGroup, MessageKey> = {
  colleague: "nominations.group.colleague",
  customer: "nominations.group.customer",
  report: "nominations.group.report",
};
