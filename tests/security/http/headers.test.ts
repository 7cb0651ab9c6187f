import { expect, test } from "@playwright/test";
import {
  disposeAll,
  matrix,
  matrixData,
  ROLES,
  signInRoles,
  type Role,
} from "../../e2e/support/route-matrix";

// The hardening (issue 14, point 6): only routes that exported privatePageHeaders said
// `Cache-Control: no-store`; the home page, the profiles and `/_root.data` of a signed-in
// visitor (their name, their role, the demo's links) could be kept by a shared browser or a
// proxy. Now every page and every `.data` answer is no-store unless its route says otherwise
// (app/entry.server.tsx). Checked for every route of the route matrix, as each of the six
// kinds of visitor, the page and its single-fetch data alike.

/** The single-fetch URL of a page, as Remix's client asks for it. */
function dataUrl(url: string): string {
  const parsed = new URL(url, "http://x");
  parsed.pathname = parsed.pathname === "/" ? "/_root.data" : `${parsed.pathname}.data`;
  return `${parsed.pathname}${parsed.search}`;
}

const isRedirect = (status: number) => status >= 300 && status < 400;

test("every page and its data answer no-store, for every visitor", async ({ playwright }) => {
  test.setTimeout(180_000);
  const data = await matrixData();
  const contexts = await signInRoles(playwright);
  const findings: string[] = [];
  let checked = 0;
  for (const role of ROLES) {
    for (const [routeId, entry] of Object.entries(matrix)) {
      for (const { url } of entry.get(data)) {
        for (const target of [url, dataUrl(url)]) {
          const response = await contexts[role].get(target, { maxRedirects: 0 });
          // A redirect has no content to keep.
          if (isRedirect(response.status())) continue;
          const cacheControl = response.headers()["cache-control"] ?? "";
          if (!/\bno-store\b/.test(cacheControl)) {
            findings.push(
              `${routeId} ${target} as ${role as Role} (${response.status()}): ` +
                `Cache-Control "${cacheControl}"`,
            );
          }
          checked++;
        }
      }
    }
  }
  await disposeAll(contexts);
  expect(findings).toEqual([]);
  expect(checked).toBeGreaterThan(100);
});

test("static files keep their own caching", async ({ request }) => {
  const favicon = await request.get("/favicon.svg");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["cache-control"] ?? "").not.toMatch(/no-store/);
});
