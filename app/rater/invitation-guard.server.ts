import { redirect } from "@remix-run/node";
import { getDb } from "~/db.server";
import { getChosenLocale, getLocale, serializeAutomaticLocale } from "~/i18n/locale.server";
import type { Locale } from "~/i18n/locales";
import { translator } from "~/i18n/messages";
import { notFound } from "~/utils/http-errors.server";
import { findInvitationByToken, type RaterInvitation } from "./invitation.server";

/**
 * The invitation of the link in the URL, or a 404 that is the same for unknown, revoked and
 * expired links. On a page view, an invitation in English switches the pages to English
 * unless the visitor chose a language themselves with the switch.
 */
export async function requireInvitation(
  request: Request,
  token: string | undefined,
): Promise<{ invitation: RaterInvitation; locale: Locale }> {
  const db = await getDb();
  const invitation = await findInvitationByToken(db, token ?? "");
  const locale = await getLocale(request);
  if (!invitation) throw notFound(translator(locale));

  if (request.method === "GET" && locale !== invitation.locale) {
    const url = new URL(request.url);
    const chosen = await getChosenLocale(request);
    // The lang parameter also stops a redirect loop when the browser refuses cookies.
    if (!chosen && !url.searchParams.has("lang")) {
      url.searchParams.set("lang", invitation.locale);
      throw redirect(url.pathname + url.search, {
        headers: { "Set-Cookie": await serializeAutomaticLocale(invitation.locale) },
      });
    }
  }
  return { invitation, locale };
}
