import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { baseURL, demoSignIn, matrixCast, openDemoInvitation } from "./support/accounts";
import { waitForHydration } from "./support/rater";

// The production server (NODE_ENV=production) sets the security headers on every response,
// static files and refusals included, with a fresh CSP nonce per request.

const UNKNOWN_TOKEN = "B".repeat(43);

function cspOf(response: APIResponse): Map<string, string[]> {
  const header = response.headers()["content-security-policy"] ?? "";
  const directives = new Map<string, string[]>();
  for (const part of header.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

function nonceOf(response: APIResponse): string {
  const scriptSrc = cspOf(response).get("script-src") ?? [];
  const nonces = scriptSrc
    .map((value) => /^'nonce-([A-Za-z0-9+/=_-]+)'$/.exec(value)?.[1])
    .filter((value): value is string => value !== undefined);
  expect(nonces, "exactly one nonce in script-src").toHaveLength(1);
  return nonces[0] as string;
}

function expectSecurityHeaders(response: APIResponse, label: string) {
  const headers = response.headers();
  const csp = cspOf(response);
  expect(headers["content-security-policy"], `${label}: CSP`).toBeTruthy();
  const scriptSrc = csp.get("script-src") ?? csp.get("default-src") ?? [];
  expect(scriptSrc, `${label}: script-src`).not.toContain("'unsafe-inline'");
  expect(scriptSrc, `${label}: script-src`).not.toContain("'unsafe-eval'");
  expect(nonceOf(response).length, `${label}: nonce length`).toBeGreaterThanOrEqual(22);
  expect(csp.get("frame-ancestors"), `${label}: frame-ancestors`).toEqual(["'none'"]);
  expect(headers["x-content-type-options"], `${label}: nosniff`).toBe("nosniff");
  const referrerPolicy = (headers["referrer-policy"] ?? "").split(",").at(-1)?.trim();
  expect(["same-origin", "no-referrer"], `${label}: Referrer-Policy`).toContain(referrerPolicy);
  expect(headers["x-frame-options"], `${label}: X-Frame-Options`).toBe("DENY");
  const maxAge = Number(/max-age=(\d+)/.exec(headers["strict-transport-security"] ?? "")?.[1]);
  expect(maxAge, `${label}: Strict-Transport-Security max-age`).toBeGreaterThanOrEqual(15_552_000);
}

/** Every `<script>` start tag in an HTML page, with its attributes. */
function scriptTags(html: string) {
  return [...html.matchAll(/<script\b([^>]*)>/gi)].map((match) => {
    const attributes = match[1] ?? "";
    return {
      tag: match[0],
      src: /\bsrc\s*=/.test(attributes),
      nonce: /\bnonce="([^"]*)"/.exec(attributes)?.[1] ?? null,
    };
  });
}

test("every kind of response carries the security headers", async ({ request }) => {
  const home = await request.get("/");
  expect(home.status()).toBe(200);
  const assetPath =
    /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(await home.text())?.[1] ??
    /href="(\/assets\/[^"]+\.js)"/.exec(await home.text())?.[1];
  expect(assetPath, "a script of the build on the home page").toBeTruthy();

  const responses: [string, APIResponse, number][] = [
    ["page", home, 200],
    ["script asset", await request.get(assetPath as string), 200],
    ["static file", await request.get("/favicon.svg"), 200],
    ["data request", await request.get("/_root.data"), 200],
    ["404 page", await request.get("/bestaat-niet"), 404],
    ["unknown sign-in link", await request.get(`/inloggen/link/${UNKNOWN_TOKEN}`), 404],
    ["redirect", await request.get("/mijn", { maxRedirects: 0 }), 302],
    ["malformed path", await request.get("/%E0%A4%A"), 400],
    [
      "cross-site POST",
      await request.post("/inloggen", {
        headers: { Origin: "https://evil.example" },
        form: { email: "iemand@rondedam.example" },
        maxRedirects: 0,
      }),
      403,
    ],
  ];
  for (const [label, response, status] of responses) {
    expect(response.status(), label).toBe(status);
    expectSecurityHeaders(response, label);
  }
});

test("every inline script carries the nonce of its own response, and nonces never repeat", async ({
  playwright,
}) => {
  const cast = await matrixCast();
  const invitation = await openDemoInvitation();
  const context = await playwright.request.newContext({ baseURL });
  const signedIn = await playwright.request.newContext({ baseURL });
  await demoSignIn(signedIn, cast.employee);
  const seen = new Set<string>();
  const pages: [string, typeof context][] = [
    ["/", context],
    ["/", context],
    ["/inloggen", context],
    ["/profielen/toepassing-beleid", context],
    [`/uitnodiging/${invitation.token}`, context],
    ["/bestaat-niet", context],
    ["/mijn", signedIn],
    ["/", signedIn],
  ];
  for (const [path, requester] of pages) {
    const response = await requester.get(path);
    expectSecurityHeaders(response, path);
    const nonce = nonceOf(response);
    expect(seen.has(nonce), `nonce of ${path} used before`).toBe(false);
    seen.add(nonce);
    const scripts = scriptTags(await response.text());
    const inline = scripts.filter((script) => !script.src);
    expect(inline.length, `inline scripts on ${path}`).toBeGreaterThan(0);
    for (const script of inline) expect(script.nonce, `${path}: ${script.tag}`).toBe(nonce);
    for (const script of scripts) {
      if (script.nonce !== null) expect(script.nonce, `${path}: ${script.tag}`).toBe(nonce);
    }
  }
  await context.dispose();
  await signedIn.dispose();
});

/** Collects CSP violations (events and console errors) on a page, across navigations. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeBinding("__reportCspViolation", (_source, text: string) => {
    violations.push(text);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation(text: string): void })
        .__reportCspViolation;
      report(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname}`,
      );
    });
  });
  page.on("console", (message) => {
    if (
      message.type() === "error" &&
      /Content[- ]Security[- ]Policy|Refused to/i.test(message.text())
    ) {
      violations.push(`console: ${message.text()}`);
    }
  });
  return violations;
}

test("in Chromium, the pages run their scripts without a single CSP violation", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const violations = await watchCsp(page);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));

  for (const path of ["/", "/inloggen"]) {
    await page.goto(path);
    await waitForHydration(page);
  }
  const cast = await matrixCast();
  await demoSignIn(page, cast.hrAdmin);
  for (const path of ["/mijn", "/beheer"]) {
    await page.goto(path);
    await waitForHydration(page);
  }
  // A client-side navigation too: its data request is a script-free fetch under the same CSP.
  await page.getByRole("navigation").getByRole("link", { name: "Mijn Rondom" }).click();
  await expect(page).toHaveURL(/\/mijn$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Welkom, ${cast.hrAdmin.firstName}`,
  );
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});

test("pages with a token in the address send no Referer to other sites", async ({
  page,
  request,
}) => {
  const invitation = await openDemoInvitation();
  const tokenPages = [
    `/inloggen/link/${UNKNOWN_TOKEN}`,
    `/inloggen/link/${UNKNOWN_TOKEN}?redirectTo=%2Fbeheer`,
    `/uitnodiging/${invitation.token}`,
    `/uitnodiging/${invitation.token}/vragenlijst`,
    `/uitnodiging/${invitation.token}/afzeggen`,
  ];
  for (const path of tokenPages) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(["same-origin", "no-referrer"], path).toContain(response.headers()["referrer-policy"]);
  }

  const sentReferers: Record<string, string | null> = {};
  await page.route("https://elsewhere.example/**", async (route) => {
    const headers = await route.request().allHeaders();
    sentReferers[route.request().url()] = headers["referer"] ?? null;
    await route.fulfill({ status: 200, contentType: "text/html", body: "<title>Elders</title>" });
  });
  for (const path of [tokenPages[0] as string, tokenPages[2] as string]) {
    await page.goto(path);
    await waitForHydration(page);
    const target = `https://elsewhere.example/from${path.replaceAll("/", "_")}`;
    await page.evaluate((href) => {
      const link = document.createElement("a");
      link.href = href;
      link.textContent = "Naar elders";
      link.id = "naar-elders";
      document.querySelector("main")?.append(link);
    }, target);
    await page.locator("#naar-elders").click();
    await page.waitForURL(target);
    expect(sentReferers[target], `Referer sent from ${path}`).toBeNull();
  }

  // The same check sees a Referer where one is sent: within the site.
  let sameSiteReferer: string | null = null;
  await page.route(`${baseURL}/profielen`, async (route) => {
    sameSiteReferer = (await route.request().allHeaders())["referer"] ?? null;
    await route.continue();
  });
  await page.goto(tokenPages[0] as string);
  await waitForHydration(page);
  await page.evaluate(() => {
    const link = document.createElement("a");
    link.href = "/profielen";
    link.id = "binnen";
    link.textContent = "Binnen de site";
    document.querySelector("main")?.append(link);
  });
  await page.locator("#binnen").click();
  await page.waitForURL(/\/profielen$/);
  expect(sameSiteReferer).toBe(`${baseURL}${tokenPages[0]}`);
});
