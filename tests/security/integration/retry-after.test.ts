import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { signInLimits } from "~/auth/sign-in.server";
import * as codePage from "~/routes/inloggen.code";
import * as signInPage from "~/routes/inloggen._index";
import { hitRateLimit } from "~/security/rate-limit.server";
import { cookiePair, ORIGIN } from "../../support/requests";
import { useTestDatabase } from "../../support/database";

// Issue 14, point 6: `Retry-After` was dropped from the 429s of the sign-in pages. Their
// actions set it with `data(..., { status: 429, headers })`, but a route that exports
// `headers` (privatePageHeaders) decides the headers of the whole answer, and Remix keeps
// only the Set-Cookie of actions and loaders on its own: for document requests (a form
// posted without JavaScript) and single-fetch `.data` requests alike.
//
// The sign-in routes are the only ones that answer 429 (grep "429" in app/). They run here
// through Remix's own request handler (the header merging of a real request), in a build
// of just these routes: the page's HTML is left out (the document handler answers with the
// headers Remix worked out), the root is an empty layout like the app's root, which exports
// no `headers`.

const test = useTestDatabase({ seed: true });

const emptyLayout = { default: () => null };
const build = {
  mode: "production",
  entry: {
    module: {
      default: (_request: Request, status: number, headers: Headers) =>
        new Response(null, { status, headers }),
    },
  },
  routes: {
    root: { id: "root", path: "", module: emptyLayout },
    "routes/inloggen._index": {
      id: "routes/inloggen._index",
      parentId: "root",
      path: "inloggen",
      index: true,
      module: signInPage,
    },
    "routes/inloggen.code": {
      id: "routes/inloggen.code",
      parentId: "root",
      path: "inloggen/code",
      module: codePage,
    },
  },
  assets: { entry: { imports: [], module: "" }, routes: {}, url: "", version: "test" },
  publicPath: "/",
  assetsBuildDirectory: "build/client",
  future: { v3_singleFetch: true },
  isSpaMode: false,
} as unknown as ServerBuild;
const handle = createRequestHandler(build, "production");

function post(path: string, fields: Record<string, string>, client: string, cookie?: string) {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded" });
  if (cookie) headers.set("Cookie", cookie);
  return handle(
    new Request(`${ORIGIN}${path}`, {
      method: "POST",
      headers,
      body: new URLSearchParams(fields).toString(),
    }),
    { clientAddress: client, cspNonce: "test" },
  );
}

function expectRetryAfter(response: Response) {
  expect(response.status).toBe(429);
  const seconds = Number(response.headers.get("Retry-After"));
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(60 * 60);
  expect(response.headers.get("Cache-Control")).toBe("no-store");
}

describe("Retry-After on every 429 of the sign-in pages", () => {
  it.each([
    ["a form post (document request)", "/inloggen?index", "10.20.0.1"],
    ["a single-fetch post (.data)", "/inloggen.data?index", "10.20.0.2"],
  ])("POST /inloggen over the limit, as %s", async (_, path, client) => {
    const email = `veel.gevraagd.${client}@rondedam.example`;
    for (let request = 0; request < signInLimits.requestsPerAddressAndClient.limit; request++) {
      const accepted = await post(path, { email }, client);
      expect([302, 202, 204]).toContain(accepted.status);
    }
    expectRetryAfter(await post(path, { email }, client));
  });

  it.each([
    ["a form post (document request)", "/inloggen/code", "10.20.1.1"],
    ["a single-fetch post (.data)", "/inloggen/code.data", "10.20.1.2"],
  ])("POST /inloggen/code over the limit, as %s", async (_, path, client) => {
    const asked = await post("/inloggen?index", { email: "iemand@rondedam.example" }, client);
    const pending = cookiePair(asked.headers.get("Set-Cookie") ?? "");
    expect(pending).toContain("=");
    for (let attempt = 0; attempt < signInLimits.codeAttemptsPerClient.limit; attempt++) {
      await hitRateLimit(test.db, signInLimits.codeAttemptsPerClient, client);
    }
    expectRetryAfter(await post(path, { code: "123456" }, client, pending));
  });
});
