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
  ])("%s → %s", (target, expected) => {
    expect(safeRedirectPath(target)).toBe(expected);
  });
});
