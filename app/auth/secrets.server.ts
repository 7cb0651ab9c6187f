import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { getEnv } from "~/utils/env.server";

/**
 * A secret the instance keeps in its own database, generated on first use. Lets a demo run
 * with zero configuration; production sets its secrets in the environment instead.
 */
export async function instanceSecret(db: Kysely<Database>, name: string): Promise<string> {
  const existing = await db
    .selectFrom("instance_secret")
    .select("value")
    .where("name", "=", name)
    .executeTakeFirst();
  if (existing) return existing.value;
  await db
    .insertInto("instance_secret")
    .values({
      name,
      value: randomBytes(32).toString("base64url"),
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const stored = await db
    .selectFrom("instance_secret")
    .select("value")
    .where("name", "=", name)
    .executeTakeFirstOrThrow();
  return stored.value;
}

/** Session signing secrets: SESSION_SECRETS (first signs, all verify), else the instance's own. */
export async function sessionSecrets(db: Kysely<Database>): Promise<string[]> {
  const configured = getEnv().SESSION_SECRETS;
  if (configured?.length) return configured;
  return [await instanceSecret(db, "session")];
}
