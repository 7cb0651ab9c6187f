import type { MessageKey, TranslateParams } from "~/i18n/messages";

// The one way to say "done" after a post: post/redirect/get, with the notice in the query
// string of the redirect (`?melding=<code>`, and `&aantal=<n>` when it counts something).
// The code is looked up in the page's own catalogue, so nobody can put words on a page by
// crafting a link; an unknown code shows nothing. The page shows the notice once: the
// notice component takes it out of the address bar (see app/components/notice.tsx), so a
// reload or a bookmark does not repeat it. Why not a session "flash" cookie: raters have no
// session, and pages are never cached (docs/decisions/0005-notices-in-the-query-string.md).

export const NOTICE_PARAM = "melding";
export const NOTICE_COUNT_PARAM = "aantal";

export type NoticeTone = "success" | "warning";

export interface NoticeDefinition {
  key: MessageKey;
  tone?: NoticeTone;
  /** Fixed parameters of the message, known to the page anyway (a number of days). */
  params?: TranslateParams;
  /**
   * More counts than `aantal`, each in a query parameter of its own: the parameter's name
   * (Dutch, short) → the placeholder in the message (`{ nieuw: "created" }`).
   */
  counts?: Readonly<Record<string, string>>;
  /**
   * Sentences after the message, each shown only when its count is not zero: a placeholder
   * of `counts` → the sentence, which says `{count}` ("Toegevoegd: 5." + "Deden al mee: 2.").
   */
  followUps?: Readonly<Record<string, MessageKey>>;
}

/** A page's notices: the code in the URL (Dutch, short) → what it says. */
export type NoticeCatalogue = Readonly<Record<string, MessageKey | NoticeDefinition>>;

/** A notice to show: the message, its tone, and the count it may mention. */
export interface Notice {
  key: MessageKey;
  tone: NoticeTone;
  count: number;
  /** The message's other parameters: the definition's own and its counts. */
  params?: TranslateParams;
  /** The query parameters of those counts, taken out of the address with the notice. */
  countParams?: string[];
  /** The definition's follow-up sentences, by placeholder. */
  followUps?: Readonly<Record<string, MessageKey>>;
}

/** Defines a page's (or a domain's) notices; keeps the codes as a type for `noticeLocation`. */
export function defineNotices<const Catalogue extends NoticeCatalogue>(
  catalogue: Catalogue,
): Catalogue {
  return catalogue;
}

/** The notice a page shows after a redirect, or null for none (or an unknown code). */
export function readNotice(
  from: Request | URL | string,
  catalogue: NoticeCatalogue,
): Notice | null {
  const url = from instanceof URL ? from : new URL(typeof from === "string" ? from : from.url);
  const code = url.searchParams.get(NOTICE_PARAM);
  if (code === null || !Object.hasOwn(catalogue, code)) return null;
  const definition = catalogue[code] as MessageKey | NoticeDefinition;
  const {
    key,
    tone = "success",
    params,
    counts,
    followUps,
  }: NoticeDefinition = typeof definition === "string" ? { key: definition } : definition;
  const notice: Notice = { key, tone, count: countIn(url, NOTICE_COUNT_PARAM) };
  if (followUps) notice.followUps = followUps;
  if (params) notice.params = { ...params };
  if (counts) {
    notice.params = { ...notice.params };
    for (const [param, placeholder] of Object.entries(counts)) {
      notice.params[placeholder] = countIn(url, param);
    }
    notice.countParams = Object.keys(counts);
  }
  return notice;
}

function countIn(url: URL, param: string): number {
  const count = Number(url.searchParams.get(param) ?? "0");
  return Number.isSafeInteger(count) && count >= 0 ? count : 0;
}

/**
 * Where a successful post leads: `path` (which may carry its own query, such as a search to
 * keep) with the notice added. `counts` fills the definition's own counts, by placeholder.
 */
export function noticeLocation<Catalogue extends NoticeCatalogue>(
  path: string,
  catalogue: Catalogue,
  code: keyof Catalogue & string,
  options: { count?: number; counts?: Readonly<Record<string, number>> } = {},
): string {
  const [pathname, query = ""] = path.split("?", 2);
  const params = new URLSearchParams(query);
  params.delete(NOTICE_PARAM);
  params.delete(NOTICE_COUNT_PARAM);
  params.set(NOTICE_PARAM, code);
  if (options.count !== undefined) params.set(NOTICE_COUNT_PARAM, String(options.count));
  const definition = catalogue[code];
  if (options.counts && typeof definition === "object" && definition.counts) {
    for (const [param, placeholder] of Object.entries(definition.counts)) {
      params.set(param, String(options.counts[placeholder] ?? 0));
    }
  }
  return `${pathname}?${params.toString()}`;
}

/**
 * The address without its notice: what the address bar shows once the notice is read.
 * `countParams`: the notice's own counts (`Notice.countParams`).
 */
export function withoutNotice(href: string, countParams: readonly string[] = []): string {
  const url = new URL(href);
  url.searchParams.delete(NOTICE_PARAM);
  url.searchParams.delete(NOTICE_COUNT_PARAM);
  for (const param of countParams) url.searchParams.delete(param);
  return (
    url.pathname + (url.searchParams.size > 0 ? `?${url.searchParams.toString()}` : "") + url.hash
  );
}
