import { describe, expect, it } from "vitest";
import { redactPath } from "~/utils/redact-path.js";

describe("redactPath", () => {
  it.each([
    ["/uitnodiging/abcDEF_-123", "/uitnodiging/[token]"],
    ["/uitnodiging/abc/vragenlijst", "/uitnodiging/[token]/vragenlijst"],
    ["/uitnodiging/abc/vragenlijst?_data=x", "/uitnodiging/[token]/vragenlijst"],
    ["/inloggen/link/secret?x=1", "/inloggen/link/[token]"],
    ["/profielen/toepassing-beleid?token=secret", "/profielen/toepassing-beleid"],
    ["/", "/"],
  ])("%s → %s", (path, expected) => {
    expect(redactPath(path)).toBe(expected);
  });
});
