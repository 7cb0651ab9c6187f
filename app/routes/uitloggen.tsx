import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/audit/audit-log.server";
import { getCurrentUser } from "~/auth/guards.server";
import { SIGN_IN_NOTICES } from "~/auth/notices";
import { destroyAllSessions, destroySession } from "~/auth/session.server";
import { getDb } from "~/db.server";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { noticeLocation } from "~/utils/notices";

// Signing out changes state, so it is a POST only; a GET (e.g. a prefetch) changes nothing.
export async function loader() {
  return redirect("/mijn");
}

export async function action({ request }: ActionFunctionArgs) {
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, (name) => name === "scope");
  const everywhere = body.get("scope") === "everywhere";
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
