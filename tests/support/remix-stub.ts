import { createElement, forwardRef, type ReactNode } from "react";
import type * as RemixReact from "@remix-run/react";

// A stand-in for @remix-run/react, so a route's component renders to HTML outside a Remix app
// with the loader and action data a test chose. A test file installs it with
//   vi.mock("@remix-run/react", async (importOriginal) =>
//     (await import("<path>/support/remix-stub")).remixStub(await importOriginal()));
// This module imports nothing that loads @remix-run/react itself, so the mock cannot loop.

export interface StubbedPage {
  loaderData: unknown;
  actionData: unknown;
  pathname: string;
  /** What the root route's loader gives every page. */
  root: { locale: "nl" | "en"; user: null };
}

/** What the stubbed hooks return; `renderPage` fills it before each render. */
export const stubbedPage: StubbedPage = {
  loaderData: null,
  actionData: undefined,
  pathname: "/",
  root: { locale: "nl", user: null },
};

export function remixStub(actual: typeof RemixReact): typeof RemixReact {
  return {
    ...actual,
    useLoaderData: () => stubbedPage.loaderData,
    useActionData: () => stubbedPage.actionData,
    useRouteLoaderData: () => stubbedPage.root,
    useNavigation: () => ({ state: "idle" }),
    useFetcher: () => ({ state: "idle", data: undefined, submit: () => {} }),
    useLocation: () => ({
      pathname: stubbedPage.pathname,
      search: "",
      hash: "",
      state: null,
      key: "",
    }),
    Link: ({ to, children, ...rest }: { to: string; children: ReactNode }) =>
      createElement("a", { href: to, ...rest }, children),
    Form: forwardRef<HTMLFormElement, { children: ReactNode }>(({ children, ...rest }, ref) =>
      createElement("form", { ...rest, ref }, children),
    ),
  } as unknown as typeof RemixReact;
}
