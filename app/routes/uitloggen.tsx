import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/audit/audit-log.server";
import { getCurrentUser } from "~/auth/guards.server";
import { SIGN_IN_NOTICES } from "~/auth/notices";
import { destroyAllSessions, destroySession } from "~/auth/session.server";
import { getDb } from "~/db.server";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/messages";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { badRequest } from "~/utils/http-errors.server";
import { noticeLocation } from "~/utils/notices";

// Signing out changes state, so it is a POST only; a GET (e.g. a prefetch) changes nothing.
export async function loader() {
  return redirect("/mijn");
}

export async function action({ request }: ActionFunctionArgs) {
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, (name) => name === "scope");
  const scope = body.get("scope");
  // No scope: this browser only. Any value but "everywhere" (say "overal", from a page loaded
  // before the scope got its English name) is refused rather than read as "this browser".
  if (scope !== null && scope !== "everywhere") {
    throw badRequest(translator(await getLocale(request)), "http.unknownIntent");
  }
  const everywhere = scope === "everywhere";
  const db = await getDb();
  const user = await getCurrentUser(request);
  const clearCookie = await destroySession(db, request);
  if (user) {
    const ended = everywhere ? await destroyAllSessions(db, user.id) : 1;
    await recordAudit(db, {
      organisationId: user.organisationId,
      actorPersonId: user.id,
      action: everywhere ? "sign_out_everywhere" : "sign_out",
      details: everywhere ? { sessions: ended + 1 } : undefined,
    });
  }
  const notice = everywhere ? "overal-uitgelogd" : "uitgelogd";
  return redirect(noticeLocation("/inloggen", SIGN_IN_NOTICES, notice), {
    headers: { "Set-Cookie": clearCookie },
  });
}
