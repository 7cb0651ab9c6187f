import path from "node:path";
import { describe, expect, it } from "vitest";
import { isPostgresUrl, sqlitePathFromUrl } from "#db/database";

describe("DATABASE_URL", () => {
  it("names a SQLite file with file: URLs, plain paths and :memory:", () => {
    expect(sqlitePathFromUrl("file:./data/x.sqlite")).toBe(path.resolve("data/x.sqlite"));
    expect(sqlitePathFromUrl("/tmp/y.sqlite")).toBe("/tmp/y.sqlite");
    expect(sqlitePathFromUrl(":memory:")).toBe(":memory:");
    for (const url of ["file:./data/x.sqlite", "/tmp/postgres.sqlite", ":memory:"]) {
      expect(isPostgresUrl(url)).toBe(false);
    }
  });

  it("names a PostgreSQL server with postgres:// or postgresql://", () => {
    expect(isPostgresUrl("postgres://u@localhost/db")).toBe(true);
    expect(isPostgresUrl("postgresql://u:p@db.example:5433/rondom?sslmode=require")).toBe(true);
    expect(isPostgresUrl("POSTGRES://u@localhost/db")).toBe(true);
    expect(() => sqlitePathFromUrl("postgres://u@localhost/db")).toThrow(/PostgreSQL/);
  });

  it("refuses an empty file name with a clear message", () => {
    expect(() => sqlitePathFromUrl("file:")).toThrow(/geen bestandsnaam/);
  });
});
