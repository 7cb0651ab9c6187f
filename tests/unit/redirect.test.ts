import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/utils/redirect";

describe("safeRedirectPath", () => {
  it.each([
    ["/profielen/x?a=1", "/profielen/x?a=1"],
    ["/", "/"],
    ["//evil.example/", "/"],
    ["https://evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["", "/"],
    [null, "/"],
    ["/a\nb", "/"],
    ["/.//evil.example", "/"],
    // Always ASCII, so it can go into a Location header.
    ["/mijn?x=é", "/mijn?x=%C3%A9"],
    ["/€", "/%E2%82%AC"],
  ])("%s → %s", (target, expected) => {
    expect(safeRedirectPath(target)).toBe(expected);
  });
});
