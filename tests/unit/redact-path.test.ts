import { describe, expect, it } from "vitest";
import { redactPath } from "~/utils/redact-path.js";

const TOKEN = "nLF1ygJdXR10fkZg0fZrxcQwsheb5cPyMsimruqP4_c";

describe("redactPath", () => {
  it.each([
    [`/uitnodiging/${TOKEN}`, "/uitnodiging/[token]"],
    [`/uitnodiging/${TOKEN}/vragenlijst`, "/uitnodiging/[token]/vragenlijst"],
    [`/uitnodiging/${TOKEN}/vragenlijst?_data=x`, "/uitnodiging/[token]/vragenlijst"],
    ["/uitnodiging/kort", "/uitnodiging/[token]"],
    [`/UITNODIGING/${TOKEN}`, "/UITNODIGING/[token]"],
    [`/%75itnodiging/${TOKEN}`, "/%75itnodiging/[token]"],
    [`/uitnodiging/%2e%2e/uitnodiging/${TOKEN}`, "/uitnodiging/[token]/uitnodiging/[token]"],
    [`/iets/${TOKEN}/%ZZ`, "/iets/[token]/%ZZ"],
    ["/inloggen/link/secret?x=1", "/inloggen/link/[token]"],
    ["/profielen/toepassing-beleid?token=secret", "/profielen/toepassing-beleid"],
    [
      "/profielen/een-heel-lang-profiel-met-veel-woorden-erin",
      "/profielen/een-heel-lang-profiel-met-veel-woorden-erin",
    ],
    ["/", "/"],
  ])("%s → %s", (path, expected) => {
    expect(redactPath(path)).toBe(expected);
  });
});
