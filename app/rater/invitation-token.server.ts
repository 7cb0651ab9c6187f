import { createHmac } from "node:crypto";
import type { Kysely } from "kysely";
import { demoInvitationToken } from "#db/seed/demo-token";
import type { Database } from "#db/schema";
import { instanceSecret } from "~/auth/secrets.server";
import { getEnv } from "~/utils/env.server";
import { hashToken } from "~/utils/tokens.server";

/**
 * An invitation's link token is derived from the invitation id with a secret key; only the
 * token's hash is stored. That lets Rondom show a signed-in rater their own links on "Mijn
 * Rondom" without storing usable links. Invitations are created with exactly this token.
 * The key comes from INVITATION_SECRET; without it (a demo started with zero configuration)
 * the instance keeps one in its database, and then a copy of the database alone would give
 * the links, so production sets INVITATION_SECRET.
 */
export async function invitationToken(
  db: Kysely<Database>,
  organisation: { is_demo: number; demo_seed: string | null },
  invitationId: string,
): Promise<string> {
  return (await invitationTokenSigner(db, organisation))(invitationId);
}

/** invitationToken for many invitations of one organisation: the key is read once. */
export async function invitationTokenSigner(
  db: Kysely<Database>,
  organisation: { is_demo: number; demo_seed: string | null },
): Promise<(invitationId: string) => string> {
  const demoSeed = organisation.is_demo === 1 ? organisation.demo_seed : null;
  if (demoSeed) return (invitationId) => demoInvitationToken(demoSeed, invitationId);
  const key = getEnv().INVITATION_SECRET ?? (await instanceSecret(db, "invitation-links"));
  return (invitationId) => createHmac("sha256", key).update(invitationId).digest("base64url");
}

/** The token when it is still the invitation's current one, else null (e.g. re-issued). */
export async function currentInvitationToken(
  db: Kysely<Database>,
  organisation: { is_demo: number; demo_seed: string | null },
  invitation: { id: string; token_hash: string },
): Promise<string | null> {
  const token = await invitationToken(db, organisation, invitation.id);
  return hashToken(token) === invitation.token_hash ? token : null;
}
