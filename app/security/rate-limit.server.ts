import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";

export interface RateLimitRule {
  /** What is being limited, e.g. "sign-in:address". */
  name: string;
  limit: number;
  windowMs: number;
}

export type RateLimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// Keys never hold an address or email as such: only a hash, deleted by the housekeeping
// within a few hours (see purgeOldRateLimits).
function keyFor(rule: RateLimitRule, subject: string): string {
  const digest = createHash("sha256").update(subject.toLowerCase()).digest("hex").slice(0, 32);
  return `${rule.name}:${digest}`;
}

function windowStart(rule: RateLimitRule, now: Date): Date {
  return new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs);
}

/**
 * Counts one attempt (or `cost` of them at once) against a fixed window and says whether it
 * is within the limit. Attempts over the limit are counted too, so hammering does not reset
 * anything.
 */
export async function hitRateLimit(
  db: Kysely<Database>,
  rule: RateLimitRule,
  subject: string,
  now: Date = new Date(),
  cost = 1,
): Promise<RateLimitOutcome> {
  const key = keyFor(rule, subject);
  const start = windowStart(rule, now);
  const row = await db
    .insertInto("rate_limit")
    .values({ key, window_start: start.toISOString(), count: cost })
    .onConflict((oc) =>
      oc
        .columns(["key", "window_start"])
        // Qualified: on PostgreSQL a bare "count" could also be the incoming row's (excluded).
        .doUpdateSet((eb) => ({ count: eb("rate_limit.count", "+", cost) })),
    )
    .returning("count")
    .executeTakeFirstOrThrow();
  if (row.count <= rule.limit) return { allowed: true };
  const windowEnds = start.getTime() + rule.windowMs;
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)),
  };
}

/**
 * Gives back `cost` attempts counted in the current window by hitRateLimit (for what turned
 * out not to be what the rule limits, e.g. a right code counted as a possible wrong one).
 */
export async function releaseRateLimit(
  db: Kysely<Database>,
  rule: RateLimitRule,
  subject: string,
  now: Date = new Date(),
  cost = 1,
): Promise<void> {
  await db
    .updateTable("rate_limit")
    .set((eb) => ({ count: eb("count", "-", cost) }))
    .where("key", "=", keyFor(rule, subject))
    .where("window_start", "=", windowStart(rule, now).toISOString())
    .where("count", ">=", cost)
    .execute();
}

/** Whether the limit is already reached, without counting an attempt. */
export async function isRateLimited(
  db: Kysely<Database>,
  rule: RateLimitRule,
  subject: string,
  now: Date = new Date(),
): Promise<boolean> {
  const row = await db
    .selectFrom("rate_limit")
    .select("count")
    .where("key", "=", keyFor(rule, subject))
    .where("window_start", "=", windowStart(rule, now).toISOString())
    .executeTakeFirst();
  return (row?.count ?? 0) >= rule.limit;
}

/** Windows that started over two hours ago (longer than any window) are of no use. */
export async function purgeOldRateLimits(db: Kysely<Database>, now: Date = new Date()) {
  const cutoff = new Date(now.getTime() - 2 * 60 * 60 * 1000).toISOString();
  await db.deleteFrom("rate_limit").where("window_start", "<", cutoff).execute();
}
