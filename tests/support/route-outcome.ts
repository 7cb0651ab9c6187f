import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";

// Calling route loaders and actions directly, as Remix would, and reading what came out.

type RouteFunction = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>;

export type Outcome =
  | { kind: "response"; thrown: boolean; response: Response }
  | { kind: "data"; thrown: boolean; data: unknown; status: number; headers: Headers }
  | { kind: "value"; value: unknown }
  | { kind: "error"; error: unknown };

interface DataWithInit {
  type: "DataWithResponseInit";
  data: unknown;
  init: ResponseInit | null;
}

function isDataWithInit(value: unknown): value is DataWithInit {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { type?: unknown }).type === "DataWithResponseInit"
  );
}

function toOutcome(value: unknown, thrown: boolean): Outcome {
  if (value instanceof Response) return { kind: "response", thrown, response: value };
  if (isDataWithInit(value)) {
    return {
      kind: "data",
      thrown,
      data: value.data,
      status: value.init?.status ?? 200,
      headers: new Headers(value.init?.headers),
    };
  }
  if (thrown) return { kind: "error", error: value };
  return { kind: "value", value };
}

/**
 * Runs a loader or action as Remix would and says what came out: a Response (returned or
 * thrown), a `data()` result, a plain value, or a non-Response error (a 500 for the user).
 */
export async function runRoute(
  fn: unknown,
  request: Request,
  params: Record<string, string>,
  context: AppLoadContext,
): Promise<Outcome> {
  try {
    const value = await (fn as RouteFunction)({ request, params, context });
    return toOutcome(value, false);
  } catch (error) {
    return toOutcome(error, true);
  }
}

/** The HTTP status the outcome would get (a non-Response error is a 500). */
export function statusOf(outcome: Outcome): number {
  switch (outcome.kind) {
    case "response":
      return outcome.response.status;
    case "data":
      return outcome.status;
    case "value":
      return 200;
    case "error":
      return 500;
  }
}

export function describeOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case "response":
      return `${outcome.thrown ? "thrown" : "returned"} Response ${outcome.response.status} ${
        outcome.response.headers.get("Location") ?? ""
      }`;
    case "data":
      return `data() ${outcome.status}: ${JSON.stringify(outcome.data).slice(0, 300)}`;
    case "value":
      return `value ${JSON.stringify(outcome.value).slice(0, 300)}`;
    case "error":
      return `error ${outcome.error instanceof Error ? outcome.error.stack : String(outcome.error)}`;
  }
}

/** The Response of a returned or thrown Response outcome; fails the test otherwise. */
export function responseOf(outcome: Outcome): Response {
  if (outcome.kind !== "response") {
    throw new Error(`Expected a Response, got ${describeOutcome(outcome)}`);
  }
  return outcome.response;
}

export function valueOf<T>(outcome: Outcome): T {
  if (outcome.kind !== "value") {
    throw new Error(`Expected a plain value, got ${describeOutcome(outcome)}`);
  }
  return outcome.value as T;
}

/** A thrown 404 Response, the way every "not yours" page answers. */
export function isThrownNotFound(outcome: Outcome): boolean {
  return outcome.kind === "response" && outcome.thrown && outcome.response.status === 404;
}

/** The Location of a redirect (returned or thrown), else null. */
export function redirectLocation(outcome: Outcome): string | null {
  if (outcome.kind !== "response") return null;
  const { status } = outcome.response;
  if (status < 300 || status >= 400) return null;
  return outcome.response.headers.get("Location");
}

/**
 * Where a redirect leads, as path and query resolved against the page that was requested
 * (so "?opgeslagen=1" and "/uitnodiging/x/vragenlijst?opgeslagen=1" compare equal).
 */
export function redirectTarget(outcome: Outcome, requestUrl: string): string | null {
  const location = redirectLocation(outcome);
  if (location === null) return null;
  const url = new URL(location, requestUrl);
  return url.origin === new URL(requestUrl).origin ? url.pathname + url.search : url.href;
}
