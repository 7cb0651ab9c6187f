import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../support/database";

// Every `.data` answer (and every page, tests/security/http/headers.test.ts) is no-store
// unless its route says otherwise: before, only routes exporting privatePageHeaders said so,
// and `/_root.data` of a signed-in visitor (their name and role) could be cached.

// app/entry.server.tsx opens the app's database when it is loaded: the test database first.
useTestDatabase();

describe("handleDataRequest", () => {
  it("makes a data answer no-store when its route said nothing about caching", async () => {
    const entry = await import("~/entry.server");
    const response = entry.handleDataRequest(new Response("x"), { context: undefined });
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });

  it("keeps what a route said, and the route's other headers", async () => {
    const entry = await import("~/entry.server");
    const response = entry.handleDataRequest(
      new Response("x", {
        headers: { "Cache-Control": "private, max-age=5", "Retry-After": "60" },
      }),
      { context: undefined },
    );
    expect(response.headers.get("Cache-Control")).toBe("private, max-age=5");
    expect(response.headers.get("Retry-After")).toBe("60");
  });
});
