import { translate, type MessageKey, type Translate, type TranslateParams } from "~/i18n/messages";

// The one way to refuse a request: a short, translated plain-text answer with its status.
// Routes `throw` it or return it. For a 400, 409 or 413 the error page shows the text under
// its heading; a 404 page has a text of its own (see `notFound`). Form
// problems a person can fix are not refusals: they go back to the form as field errors
// through the form kit (app/components/forms.tsx).

export type RefusalStatus = 400 | 404 | 409 | 413;

const DEFAULT_MESSAGE: Record<RefusalStatus, MessageKey> = {
  400: "http.badRequest",
  404: "http.notFound",
  409: "http.conflict",
  413: "http.tooLarge",
};

function refusal(
  t: Translate,
  status: RefusalStatus,
  key: MessageKey = DEFAULT_MESSAGE[status],
  params?: TranslateParams,
): Response {
  return plainRefusal(status, t(key, params));
}

/**
 * The same answer with a text of its own. Only for code that runs before a locale is known
 * (the body reader), which answers in both languages.
 */
export function plainRefusal(status: RefusalStatus, text: string): Response {
  return new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** 400: a request no page of Rondom sends (an unknown intent, a tampered field). */
export function badRequest(t: Translate, key?: MessageKey, params?: TranslateParams): Response {
  return refusal(t, 400, key, params);
}

/** 409: the request was fine, but the state moved on (a round changed stage meanwhile). */
export function conflict(t: Translate, key?: MessageKey, params?: TranslateParams): Response {
  return refusal(t, 409, key, params);
}

/**
 * 404: also for someone else's page, which answers as if it did not exist (never 403, so
 * an id reveals nothing). Without `t` (a guard deep in a domain module, where no locale is at
 * hand) the text is in both languages. A page never shows it: the error page has its own
 * translated 404 text; only a client that reads the answer raw (a CSV link) sees it.
 */
export function notFound(t?: Translate, key?: MessageKey): Response {
  if (t) return refusal(t, 404, key);
  return plainRefusal(
    404,
    `${translate("nl", "http.notFound")} / ${translate("en", "http.notFound")}`,
  );
}
