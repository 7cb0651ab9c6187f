import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { decode } from "turbo-stream";
import {
  disposeAll,
  expectedFor,
  matrix,
  matrixData,
  ROLES,
  signInRoles,
  type Role,
} from "./support/route-matrix";
import { baseURL } from "./support/accounts";

// Anonymity is judged at the wire: whatever a loader returns reaches the browser, rendered or
// not. For every page of the route matrix that a kind of visitor may open, this test decodes
// the page data the browser receives (the single-fetch payload, `<path>.data`) and checks that
// every number and every piece of free text in it is visible on the page that visitor gets,
// or is on the reviewed allow-list below (ids, keys, labels the page shows in another form).

/** A leaf of the decoded page data, with where it sits: `routes/x › view › items[] › mean`. */
interface Leaf {
  route: string;
  path: string;
  value: string | number;
}

interface Allowed {
  route: RegExp;
  path: RegExp;
  /** Why this value may travel although the page does not show it as such. */
  why: string;
}

/**
 * Reviewed exceptions. Each one names the data and the reason; nothing here is a figure of
 * anyone's answers.
 */
const ALLOWED: Allowed[] = [
  {
    route: /.*/,
    path: /(^|›)(locale|language)$/,
    why: "the page's language code (nl/en), shown as the language switch",
  },
  {
    route: /^routes\/beheer\.mensen\.importeren\.\$importId$/,
    path: /^plan › counts › |^staged › createdAt$/,
    why: "HR's own import preview: counts of the file's rows (shown where not 0), upload moment (shown to the minute)",
  },
  {
    route: /^routes\/mijn\._index$/,
    path: /^reviewsWaiting$/,
    why: "the lead's own to-do: approvals waiting, an item only when there are any",
  },
];

/** Keys and codes: lowercase first, no spaces (`colleague`, `report.title`, `noRows`). */
const IDENTIFIER = /^[a-z0-9][a-zA-Z0-9]*([._:/-][a-zA-Z0-9]+)*$/;
const ID = /^[0-9A-Za-z_-]{16,}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PATH = /^\/[^\s]*$/;

/** Strings that are keys, ids, days or paths, not free text: they carry no one's words. */
function isKeyLike(value: string): boolean {
  return IDENTIFIER.test(value) || ID.test(value) || DAY.test(value) || PATH.test(value);
}

function leavesOf(route: string, value: unknown, path: string, out: Leaf[]) {
  if (value === null || value === undefined || typeof value === "boolean") return;
  if (typeof value === "number" || typeof value === "string") {
    out.push({ route, path, value });
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) leavesOf(route, item, `${path}[]`, out);
    return;
  }
  if (value instanceof Date) {
    out.push({ route, path, value: value.toISOString() });
    return;
  }
  if (typeof value === "object") {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      leavesOf(route, item, path ? `${path} › ${key}` : key, out);
    }
  }
}

/** The single-fetch URL of a page, as Remix's client asks for it. */
function dataUrl(url: string): string {
  const parsed = new URL(url, baseURL);
  parsed.pathname = parsed.pathname === "/" ? "/_root.data" : `${parsed.pathname}.data`;
  return `${parsed.pathname}${parsed.search}`;
}

/** Decodes a turbo-stream body the way @remix-run/react does, without a browser. */
async function decodePageData(body: Buffer): Promise<Record<string, unknown>> {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(body));
      controller.close();
    },
  });
  const decoded = await decode(stream, {
    plugins: [
      (type: string, ...rest: unknown[]) => {
        if (type === "SanitizedError") return { value: { error: rest[1] } };
        if (type === "ErrorResponse") return { value: { data: rest[0], status: rest[1] } };
        if (type === "SingleFetchRedirect") return { value: { redirect: rest[0] } };
        return undefined;
      },
      (type: string, value: unknown) =>
        type === "SingleFetchFallback" || type === "SingleFetchClassInstance"
          ? { value: type === "SingleFetchFallback" ? undefined : value }
          : undefined,
    ],
  });
  await decoded.done;
  return decoded.value as Record<string, unknown>;
}

/** What a visitor can see on the page: its text, form values, labels and title. */
async function visibleText(page: Page): Promise<string> {
  const text = await page.evaluate(() => {
    // A closed disclosure is one click away: its content counts as shown.
    for (const details of document.querySelectorAll("details")) details.open = true;
    const parts: string[] = [document.title, document.body.innerText];
    for (const svgText of document.querySelectorAll("svg text, svg title")) {
      parts.push(svgText.textContent ?? "");
    }
    // A link shows where it goes (its address is read out and shown on hover).
    for (const link of document.querySelectorAll("a[href]")) {
      const href = link.getAttribute("href") ?? "";
      try {
        parts.push(decodeURIComponent(href));
      } catch {
        parts.push(href);
      }
    }
    // A <time> carries its exact moment in the HTML itself.
    for (const time of document.querySelectorAll("time[datetime]")) {
      parts.push(time.getAttribute("datetime") ?? "");
    }
    for (const element of document.querySelectorAll(
      "input:not([type=hidden]), textarea, option, [aria-label], [title], [alt], [placeholder]",
    )) {
      for (const attribute of ["value", "aria-label", "title", "alt", "placeholder"]) {
        const value = element.getAttribute(attribute);
        if (value) parts.push(value);
      }
      if (element instanceof HTMLTextAreaElement) parts.push(element.value);
    }
    return parts.join("\n");
  });
  return text.replace(/\s+/g, " ");
}

/** Every number written on the page, in Dutch or English notation. */
function numbersIn(text: string): Set<number> {
  const numbers = new Set<number>();
  for (const token of text.match(/\d+(?:[.,]\d+)*/g) ?? []) {
    numbers.add(Number(token.replace(/\./g, "").replace(",", ".")));
    numbers.add(Number(token.replace(/,/g, "")));
    numbers.add(Number(token.replace(",", ".")));
    for (const part of token.split(/[.,]/)) numbers.add(Number(part));
  }
  return numbers;
}

function allowed(leaf: Leaf): boolean {
  return ALLOWED.some((entry) => entry.route.test(leaf.route) && entry.path.test(leaf.path));
}

/** The leaves that are neither visible on the page nor allowed: what the page data leaks. */
export function unseenLeaves(leaves: Leaf[], text: string): Leaf[] {
  const numbers = numbersIn(text);
  return leaves.filter((leaf) => {
    if (allowed(leaf)) return false;
    if (typeof leaf.value === "number") return !numbers.has(Math.abs(leaf.value));
    if (isKeyLike(leaf.value)) return false;
    const words = leaf.value.replace(/\s+/g, " ").trim();
    return words.length > 0 && !text.includes(words);
  });
}

/** The page's data that the page does not show (see unseenLeaves). */
async function unseenOnPage(page: Page, context: BrowserContext, url: string): Promise<Leaf[]> {
  await page.goto(url);
  const text = await visibleText(page);
  const payload = await context.request.get(dataUrl(url), { maxRedirects: 0 });
  expect(payload.status(), `${url}: page data`).toBe(200);
  const decoded = await decodePageData(await payload.body());
  const leaves: Leaf[] = [];
  for (const [route, result] of Object.entries(decoded)) {
    leavesOf(route, (result as { data?: unknown } | undefined)?.data, "", leaves);
  }
  return unseenLeaves(leaves, text);
}

test("every page sends only what its visitor sees", async ({ browser, playwright }) => {
  test.setTimeout(240_000);
  const data = await matrixData();
  const contexts = await signInRoles(playwright);
  const findings: string[] = [];
  let pagesChecked = 0;
  for (const role of ROLES) {
    const state = await contexts[role].storageState();
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: state });
    const page = await context.newPage();
    for (const [routeId, entry] of Object.entries(matrix)) {
      for (const { url, expect: expectation, live } of entry.get(data)) {
        if (live || expectedFor(expectation, role) !== "ok") continue;
        // Files (the CSV exports) are not pages: their content is checked where they are built.
        const probe = await context.request.get(url, { maxRedirects: 0 });
        if (!probe.headers()["content-type"]?.startsWith("text/html")) continue;
        // Other tests change the demo while this one runs (people added, log entries): a
        // page and its data fetched a moment apart can differ. A leak is there every time,
        // so what is unseen is looked at once more before it counts.
        let unseen = await unseenOnPage(page, context, url);
        if (unseen.length > 0) unseen = await unseenOnPage(page, context, url);
        for (const leaf of unseen) {
          findings.push(
            `${routeId} ${url} as ${role as Role}: ${leaf.route} › ${leaf.path} = ${JSON.stringify(
              leaf.value,
            ).slice(0, 120)}`,
          );
        }
        pagesChecked++;
      }
    }
    await context.close();
  }
  await disposeAll(contexts);
  expect(findings).toEqual([]);
  expect(pagesChecked).toBeGreaterThan(40);
});
