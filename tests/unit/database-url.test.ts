import path from "node:path";
import { describe, expect, it } from "vitest";
import { sqlitePathFromUrl } from "#db/database";

describe("sqlitePathFromUrl", () => {
  it("accepts file: URLs, plain paths and :memory:", () => {
    expect(sqlitePathFromUrl("file:./data/x.sqlite")).toBe(path.resolve("data/x.sqlite"));
    expect(sqlitePathFromUrl("/tmp/y.sqlite")).toBe("/tmp/y.sqlite");
    expect(sqlitePathFromUrl(":memory:")).toBe(":memory:");
  });

  it("refuses PostgreSQL URLs and empty paths with a clear message", () => {
    expect(() => sqlitePathFromUrl("postgres://u@localhost/db")).toThrow(/PostgreSQL/);
    expect(() => sqlitePathFromUrl("file:")).toThrow(/geen bestandsnaam/);
  });
});
