import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { expect } from "vitest";
import { stubbedPage } from "./remix-stub";
import { call, getRequest } from "./requests";
import { describeOutcome, statusOf, valueOf, type Outcome } from "./route-outcome";

// A route's page as the server renders it (HTML, what a browser without JavaScript shows),
// from real loader and action data, and the checks such HTML is read with. The test file
// must install the stub of @remix-run/react (see ./remix-stub).

export interface RouteModule {
  loader?: unknown;
  default: ComponentType;
}

/** What travels to the browser: JSON. */
export function overTheWire(outcome: Outcome): unknown {
  if (outcome.kind === "data") return JSON.parse(JSON.stringify(outcome.data));
  return JSON.parse(JSON.stringify(valueOf(outcome)));
}

export interface PageData {
  /** The loader's outcome; the page is only rendered from a 200. */
  loader: Outcome;
  /** The action's outcome after a post, or `actionData` to give the page data directly. */
  action?: Outcome;
  actionData?: unknown;
  /** The address the page is shown at (what useLocation says). */
  url?: string;
  locale?: "nl" | "en";
}

/** Renders a route module's page from its loader (and action) data inside the Remix stub. */
export function renderPage(route: RouteModule, page: PageData): string {
  expect(statusOf(page.loader), describeOutcome(page.loader)).toBe(200);
  stubbedPage.loaderData = overTheWire(page.loader);
  stubbedPage.actionData = page.action
    ? overTheWire(page.action)
    : page.actionData === undefined
      ? undefined
      : JSON.parse(JSON.stringify(page.actionData));
  stubbedPage.pathname = new URL(page.url ?? "/", "http://localhost").pathname;
  stubbedPage.root = { locale: page.locale ?? "nl", user: null };
  return renderToString(createElement(route.default));
}

/** Runs a route's loader for a signed-in visitor at `url`, then renders the page. */
export async function renderRoute(
  route: RouteModule | Promise<unknown>,
  url: string,
  options: Omit<PageData, "loader" | "url"> & {
    cookie?: string;
    params?: Record<string, string>;
  } = {},
): Promise<string> {
  const { cookie, params = {}, ...page } = options;
  const module = (await route) as RouteModule;
  const loader = await call(module.loader, getRequest(url, { cookie }), { params });
  return renderPage(module, { ...page, loader, url });
}

/** The data the last rendered page was given by its loader. */
export function renderedLoaderData<T>(): T {
  return stubbedPage.loaderData as T;
}

// No DOM in these tests (and none to install): the checks read the HTML with patterns, which
// is enough for markup React writes in one predictable form.

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#x27;": "'",
};

/** The text of a piece of HTML: tags dropped, entities read. */
export function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, "").replace(/&(amp|lt|gt|quot|#x27);/g, (entity) => {
    return ENTITIES[entity] ?? entity;
  });
}

export function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? textOf(match[1]!) : null;
}

/** The opening tag of the first element with this attribute value. */
export function tagWith(html: string, name: string, value: string): string | null {
  return new RegExp(`<[a-z]+[^>]*\\s${name}="${value}"[^>]*>`).exec(html)?.[0] ?? null;
}

/** The text of every element with this role. */
export function textsWithRole(html: string, role: string): string[] {
  return [
    ...html.matchAll(new RegExp(`<(p|div)[^>]*role="${role}"[^>]*>([\\s\\S]*?)</\\1>`, "g")),
  ].map((match) => textOf(match[2]!));
}

/** Every id aria-describedby names is on the page. */
export function expectDescriptionsPresent(html: string) {
  for (const match of html.matchAll(/aria-describedby="([^"]*)"/g)) {
    for (const id of match[1]!.split(" ")) expect(html, `#${id}`).toContain(`id="${id}"`);
  }
}

/** No id is on the page twice. */
export function expectUniqueIds(html: string) {
  const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
  expect(new Set(ids).size).toBe(ids.length);
}

/** Every control has a label; every id aria-describedby names is on the page. */
export function expectAccessibleControls(html: string) {
  const controls = [...html.matchAll(/<(input|select|textarea)\b[^>]*>/g)].filter(
    (match) => attribute(match[0], "type") !== "hidden",
  );
  expect(controls.length).toBeGreaterThan(0);
  for (const control of controls) {
    const id = attribute(control[0], "id");
    const wrapped = /<label[^>]*>$/.test(html.slice(0, control.index));
    const labelled = wrapped || (id !== null && html.includes(`for="${id}"`));
    expect(labelled, control[0]).toBe(true);
  }
  expectDescriptionsPresent(html);
}

/** The error summary: its title, and a link to each field that is wrong. */
export function errorSummaryOf(html: string) {
  const summary = /<div class="error-summary"[\s\S]*?<\/ul><\/div>/.exec(html)?.[0];
  expect(summary, "an error summary").toBeDefined();
  return {
    title: textOf(/<h2[^>]*>([\s\S]*?)<\/h2>/.exec(summary!)?.[1] ?? ""),
    items: [...summary!.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((match) => textOf(match[1]!)),
    links: [...summary!.matchAll(/href="#([^"]*)"/g)].map((match) => match[1]!),
  };
}
