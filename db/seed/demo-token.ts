import { createHmac } from "node:crypto";

/**
 * The raw invitation token of a demo invitation (256 bits, base64url). Only its hash is
 * stored, as for real invitations; for the demo it can be recomputed from the seed, which is
 * how the demo offers its entrances. Never used for a real organisation.
 */
export function demoInvitationToken(seed: string, invitationId: string): string {
  return createHmac("sha256", `rondom-demo:${seed}`).update(invitationId).digest("base64url");
}
