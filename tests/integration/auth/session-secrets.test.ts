import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { instanceSecret, sessionSecrets } from "~/auth/secrets.server";
import { createSession, readSession, sessionCookie } from "~/auth/session.server";
import { hashToken } from "~/utils/tokens.server";
import { cookiePair, getRequest } from "../../support/requests";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { NOW } from "../../support/clock";
import { useTestDatabase } from "../../support/database";

// getEnv() reads SESSION_SECRETS once; it is set before anything reads it.
const OLD_SECRET = "old-secret-old-secret-old-secret-0001";
const NEW_SECRET = "new-secret-new-secret-new-secret-0002";
const previous = vi.hoisted(() => {
  const value = process.env.SESSION_SECRETS;
  process.env.SESSION_SECRETS =
    " new-secret-new-secret-new-secret-0002 , old-secret-old-secret-old-secret-0001 ";
  return value;
});
afterAll(() => {
  if (previous === undefined) delete process.env.SESSION_SECRETS;
  else process.env.SESSION_SECRETS = previous;
});

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
beforeAll(async () => {
  cast = await loadCast(test.db);
});

describe("SESSION_SECRETS", () => {
  it("are read comma-separated and trimmed, the first one first", async () => {
    expect(await sessionSecrets(test.db)).toEqual([NEW_SECRET, OLD_SECRET]);
  });

  it("sign new session cookies with the first secret", async () => {
    const setCookie = await createSession(test.db, cast.member.id, NOW);
    const value: unknown = await sessionCookie([NEW_SECRET]).parse(cookiePair(setCookie));
    expect(typeof value).toBe("string");
    expect(await sessionCookie([OLD_SECRET]).parse(cookiePair(setCookie))).toBeNull();
    // No instance secret is made when secrets are configured.
    const stored = await test.db
      .selectFrom("instance_secret")
      .select("name")
      .where("name", "=", "session")
      .execute();
    expect(stored).toEqual([]);
  });

  it("still accept a session cookie signed with the older secret (rotation)", async () => {
    const setCookie = await createSession(test.db, cast.hr.id, NOW);
    const raw = (await sessionCookie([NEW_SECRET]).parse(cookiePair(setCookie))) as string;
    const signedWithOld = cookiePair(await sessionCookie([OLD_SECRET]).serialize(raw));
    expect(await readSession(test.db, getRequest("/mijn", { cookie: signedWithOld }), NOW)).toEqual(
      { id: hashToken(raw), personId: cast.hr.id },
    );
    // A secret that is not configured is not accepted.
    const stranger = "stranger-secret-stranger-secret-0003";
    const signedWithStranger = cookiePair(await sessionCookie([stranger]).serialize(raw));
    expect(
      await readSession(test.db, getRequest("/mijn", { cookie: signedWithStranger }), NOW),
    ).toBeNull();
  });
});

describe("instanceSecret", () => {
  it("is made once, 256 random bits, and then always the same", async () => {
    const first = await instanceSecret(test.db, "test-secret");
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await instanceSecret(test.db, "test-secret")).toBe(first);
    expect(await instanceSecret(test.db, "another-secret")).not.toBe(first);
    const [a, b] = await Promise.all([
      instanceSecret(test.db, "raced-secret"),
      instanceSecret(test.db, "raced-secret"),
    ]);
    expect(a).toBe(b);
  });
});
