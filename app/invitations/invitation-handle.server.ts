import { createHmac, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { instanceSecret } from "~/auth/secrets.server";

// The HR participant page names an invitation in its forms (withdraw) by a handle, never by
// the invitation's id: an id is a key to more than the form (the demo derived its link tokens
// from ids; every reference to an invitation in a page's HTML can end up in a browser's
// history, a screenshot or a proxy log). The handle is an HMAC of the id with a secret of
// the instance kept for this alone, bound to the participant, so it means something only
// to this page of this participant, and nothing can be derived from it.

/** The secret's name in instance_secret; never the key of invitation links. */
const HANDLE_SECRET = "invitation-handles";
/** 128 bits of the MAC, in base64url. */
const HANDLE_LENGTH = 22;

function handleOf(key: string, participantId: string, invitationId: string): string {
  return createHmac("sha256", key)
    .update(`invitation-handle\u0000${participantId}\u0000${invitationId}`)
    .digest("base64url")
    .slice(0, HANDLE_LENGTH);
}

/** The handles of one participant's invitations (the key is read once). */
export async function invitationHandles(
  db: Kysely<Database>,
  participantId: string,
): Promise<(invitationId: string) => string> {
  const key = await instanceSecret(db, HANDLE_SECRET);
  return (invitationId) => handleOf(key, participantId, invitationId);
}

/**
 * The id of the participant's invitation with this handle, or null: a handle of another
 * participant's invitation, an invitation id, or anything else names nothing here.
 */
export async function resolveInvitationHandle(
  db: Kysely<Database>,
  participantId: string,
  handle: string,
): Promise<string | null> {
  if (handle.length !== HANDLE_LENGTH) return null;
  const handleOfInvitation = await invitationHandles(db, participantId);
  const rows = await db
    .selectFrom("invitation")
    .select("id")
    .where("participant_id", "=", participantId)
    .execute();
  const wanted = Buffer.from(handle);
  const match = rows.find((row) => {
    const candidate = Buffer.from(handleOfInvitation(row.id));
    return candidate.length === wanted.length && timingSafeEqual(candidate, wanted);
  });
  return match?.id ?? null;
}
