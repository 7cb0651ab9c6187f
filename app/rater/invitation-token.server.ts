import { createHmac } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { instanceSecret } from "~/auth/secrets.server";
import { getEnv } from "~/utils/env.server";
import { hashToken } from "~/utils/tokens.server";

/** The name of the invitation key in instance_secret, when INVITATION_SECRET is not set. */
export const INVITATION_KEY_NAME = "invitation-links";

/**
 * An invitation's link token is derived from the invitation id with a secret key; only the
 * token's hash is stored. That lets Rondom show a signed-in rater their own links on "Mijn
 * Rondom", and build a mail's links when it is sent, without storing usable links.
 * Invitations are created with exactly this token. The key comes from INVITATION_SECRET;
 * without it (a demo started with zero configuration) the instance keeps one in its
 * database, and then a copy of the database alone would give the links, so production sets
 * INVITATION_SECRET. Every organisation uses this key, the demo's too: an invitation id alone
 * (ids appear in pages and URLs) never opens a link.
 */
export async function invitationToken(db: Kysely<Database>, invitationId: string): Promise<string> {
  return (await invitationTokenSigner(db))(invitationId);
}

/** invitationToken for many invitations: the key is read once. */
export async function invitationTokenSigner(
  db: Kysely<Database>,
): Promise<(invitationId: string) => string> {
  const key = getEnv().INVITATION_SECRET ?? (await instanceSecret(db, INVITATION_KEY_NAME));
  return (invitationId) => invitationTokenWithKey(key, invitationId);
}

/** The derivation itself, for a key already read (256 bits, base64url). */
export function invitationTokenWithKey(key: string, invitationId: string): string {
  return createHmac("sha256", key).update(invitationId).digest("base64url");
}

/** The token when it is still the invitation's current one, else null (e.g. re-issued). */
export async function currentInvitationToken(
  db: Kysely<Database>,
  invitation: { id: string; token_hash: string },
): Promise<string | null> {
  const token = await invitationToken(db, invitation.id);
  return hashToken(token) === invitation.token_hash ? token : null;
}
