import { describe, expect, it } from "vitest";
import {
  MAX_SEARCH_RESULTS,
  normaliseForSearch,
  searchDirectory,
} from "~/nominations/directory-search";

const person = (firstName: string, lastName: string, email = "x@rondedam.example") => ({
  firstName,
  lastName,
  email,
});

const people = [
  person("Jan", "de Vries", "jan.devries@rondedam.example"),
  person("Janneke", "Bakker", "j.bakker@rondedam.example"),
  person("Emre", "Özdemir", "e.ozdemir@rondedam.example"),
  person("Chloé", "Jansen", "chloe.jansen@rondedam.example"),
  person("Piet", "Smit", "psmit@rondedam.example"),
];

const names = (query: string) => {
  const outcome = searchDirectory(people, query);
  return outcome.status === "done" ? outcome.results.map((p) => p.lastName) : outcome.status;
};

describe("searchDirectory", () => {
  it("asks for at least two characters", () => {
    expect(names("")).toBe("empty");
    expect(names("   ")).toBe("empty");
    expect(names("j")).toBe("too_short");
    expect(names(" j ")).toBe("too_short");
  });

  it("finds first and last names, case-insensitively, sorted by last name as in Dutch", () => {
    expect(names("jan")).toEqual(["Bakker", "Jansen", "de Vries"]);
    expect(names("SMIT")).toEqual(["Smit"]);
  });

  it("needs every word of the query, in any order", () => {
    expect(names("vries jan")).toEqual(["de Vries"]);
    expect(names("jan smit")).toEqual([]);
  });

  it("ignores diacritics on either side", () => {
    expect(names("ozdemir")).toEqual(["Özdemir"]);
    expect(names("Chloe")).toEqual(["Jansen"]);
    expect(names("chloé")).toEqual(["Jansen"]);
  });

  it("matches the part of the address before the @, never the domain", () => {
    expect(names("psmit")).toEqual(["Smit"]);
    expect(names("rondedam")).toEqual([]);
  });

  it("returns at most the maximum and says there were more", () => {
    const many = Array.from({ length: MAX_SEARCH_RESULTS + 3 }, (_, i) =>
      person("Anna", `Visser ${String(i).padStart(2, "0")}`),
    );
    const outcome = searchDirectory(many, "anna");
    expect(outcome).toMatchObject({ status: "done", more: true });
    if (outcome.status !== "done") throw new Error("unreachable");
    expect(outcome.results).toHaveLength(MAX_SEARCH_RESULTS);
    expect(outcome.results[0]!.lastName).toBe("Visser 00");
    const exact = searchDirectory(many.slice(0, MAX_SEARCH_RESULTS), "anna");
    expect(exact).toMatchObject({ status: "done", more: false });
  });
});

describe("normaliseForSearch", () => {
  it("lowercases, strips accents and collapses spaces", () => {
    expect(normaliseForSearch("  Émile   Çelik ")).toBe("emile celik");
  });
});
