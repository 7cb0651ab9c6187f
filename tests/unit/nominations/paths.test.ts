import { describe, expect, it } from "vitest";
import { searchQuery } from "~/nominations/paths";

describe("searchQuery", () => {
  it("reads the person search from the address, trimmed and at most 100 characters", () => {
    expect(searchQuery(new URL("http://localhost/x?zoek=%20jan%20"))).toBe("jan");
    expect(searchQuery(new URL(`http://localhost/x?zoek=${"a".repeat(150)}`))).toHaveLength(100);
    expect(searchQuery(new URL("http://localhost/x"))).toBe("");
  });
});
