import { describe, expect, it } from "vitest";
import { createNonce, securityHeaders } from "~/security/headers.js";

/** The Content-Security-Policy as a map of directive → sources. */
function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

describe("createNonce", () => {
  it("makes 128 random bits, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("securityHeaders", () => {
  const nonce = "bm9uY2Utbm9uY2Utbm9uY2U=";

  it.each([
    ["production", { nonce, production: true }],
    ["a plain server", { nonce, production: false }],
    ["development", { nonce, production: false, development: true }],
  ])("allows scripts only with the nonce, and no framing, in %s", (_, options) => {
    const headers = securityHeaders(options);
    const csp = directives(headers["Content-Security-Policy"]!);
    const scripts = csp.get("script-src") ?? [];
    expect(scripts).toContain(`'nonce-${nonce}'`);
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts).not.toContain("*");
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("same-origin");
  });

  it("uses the nonce it is given", () => {
    const first = securityHeaders({ nonce: "first", production: true });
    const second = securityHeaders({ nonce: "second", production: true });
    expect(first["Content-Security-Policy"]).toContain("'nonce-first'");
    expect(first["Content-Security-Policy"]).not.toContain("second");
    expect(second["Content-Security-Policy"]).toContain("'nonce-second'");
  });

  it("keeps inline styles out of production", () => {
    const csp = directives(
      securityHeaders({ nonce, production: true })["Content-Security-Policy"]!,
    );
    expect(csp.get("style-src")).toEqual(["'self'"]);
  });

  it("sends HSTS only in production", () => {
    const production = securityHeaders({ nonce, production: true });
    const hsts = production["Strict-Transport-Security"];
    expect(hsts).toBeDefined();
    const maxAge = Number(/max-age=(\d+)/.exec(hsts!)?.[1]);
    expect(maxAge).toBeGreaterThanOrEqual(365 * 24 * 60 * 60);
    expect(hsts).toContain("includeSubDomains");

    expect(securityHeaders({ nonce, production: false })).not.toHaveProperty(
      "Strict-Transport-Security",
    );
    expect(securityHeaders({ nonce, production: false, development: true })).not.toHaveProperty(
      "Strict-Transport-Security",
    );
  });
});
