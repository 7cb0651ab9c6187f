import { createHash, randomBytes } from "node:crypto";

/** A secret for a link (invitation, sign-in): 256 random bits, URL-safe. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens are stored only as this hash; the database never holds a usable link. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
