import { randomBytes } from "node:crypto";

/** A random, unguessable, non-sequential id (128 bits, URL-safe). */
export function newId(): string {
  return randomBytes(16).toString("base64url");
}

export function nowIso(): string {
  return new Date().toISOString();
}
