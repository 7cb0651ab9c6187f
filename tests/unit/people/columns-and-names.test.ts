import { describe, expect, it } from "vitest";
import { columnOf, mapColumns } from "~/people/columns";
import { parseLanguage, parseRole } from "~/people/import-row";
import { splitFullName } from "~/people/names";

describe("columnOf", () => {
  it.each([
    ["Personeelsnummer", "employeeNumber"],
    ["PERSONEELS-NUMMER", "employeeNumber"],
    ["Employee number", "employeeNumber"],
    ["medewerker_nummer", "employeeNumber"],
    ["Naam", "name"],
    ["Voor naam", "firstName"],
    ["First Name", "firstName"],
    ["achternaam", "lastName"],
    ["E-mail", "email"],
    [" e-mailadres ", "email"],
    ["Émail", "email"],
    ["Afdeling", "team"],
    ["Team lead", "lead"],
    ["Leidinggevende", "lead"],
    ["teamleider", "lead"],
    ["Rol", "role"],
    ["Language", "language"],
    ["Taal", "language"],
    ["Functieprofiel", "profile"],
    ["Functie-profiel", "profile"],
    ["PROFIEL", "profile"],
    ["Competentieprofiel", "profile"],
    ["Function profile", "profile"],
    ["Profile", "profile"],
    // A personnel system's job title, not the library's profile: not read.
    ["Functie", null],
    ["Function", null],
    ["", null],
  ])("%j → %s", (header, column) => {
    expect(columnOf(header)).toBe(column);
  });
});

describe("mapColumns", () => {
  it("maps known columns to their index and lists the unknown ones", () => {
    const map = mapColumns(["E-mail", "Functie", "Naam", "Personeelsnummer", "Kostenplaats"]);
    expect(map.indexes).toEqual({ email: 0, name: 2, employeeNumber: 3 });
    expect(map.ignored).toEqual(["Functie", "Kostenplaats"]);
    expect(map.problems).toEqual([]);
  });

  it("prefers first and last name over a full name, and lists the unused column", () => {
    const map = mapColumns(["personeelsnummer", "naam", "voornaam", "achternaam", "email"]);
    expect(map.indexes).toEqual({ employeeNumber: 0, firstName: 2, lastName: 3, email: 4 });
    expect(map.ignored).toEqual(["naam"]);
  });

  it("uses the full name when only a first name column is there", () => {
    const map = mapColumns(["personeelsnummer", "naam", "voornaam", "email"]);
    expect(map.indexes).toEqual({ employeeNumber: 0, name: 1, email: 3 });
    expect(map.ignored).toEqual(["voornaam"]);
  });

  it("reports every missing required column", () => {
    expect(mapColumns(["team", "voornaam"]).problems).toEqual([
      { code: "missingEmployeeNumberColumn" },
      { code: "missingNameColumn" },
      { code: "missingEmailColumn" },
    ]);
  });

  it("reads the function profile beside a job title column, which it leaves alone", () => {
    const map = mapColumns(["personeelsnummer", "naam", "email", "Functie", "Functieprofiel"]);
    expect(map.indexes).toEqual({ employeeNumber: 0, name: 1, email: 2, profile: 4 });
    expect(map.ignored).toEqual(["Functie"]);
  });

  it("reports a column that appears twice", () => {
    expect(mapColumns(["personeelsnummer", "naam", "email", "E-mailadres"]).problems).toEqual([
      { code: "duplicateColumn", params: { column: "E-mailadres" } },
    ]);
  });
});

describe("splitFullName", () => {
  it.each([
    ["Jan de Vries", "Jan", "de Vries"],
    ["  Fatima   El  Amrani ", "Fatima", "El Amrani"],
    ["Vries, Jan de", "Jan", "de Vries"],
    ["Berg, Joost van den", "Joost", "van den Berg"],
    ["Smit, Anna Maria", "Anna Maria", "Smit"],
    ["O'Neill, Kate", "Kate", "O'Neill"],
    ["Hoeve, Ter", "Ter", "Hoeve"],
    ["Cher", "Cher", ""],
  ])("%j → %j + %j", (full, firstName, lastName) => {
    expect(splitFullName(full)).toEqual({ firstName, lastName });
  });
});

describe("role and language values", () => {
  it.each([
    ["", "employee"],
    ["Medewerker", "employee"],
    ["employee", "employee"],
    ["HR", "hr_admin"],
    ["hr-beheerder", "hr_admin"],
    ["HR admin", "hr_admin"],
    ["directeur", null],
  ])("role %j → %s", (cell, role) => {
    expect(parseRole(cell)).toBe(role);
  });

  it.each([
    ["", "en"],
    ["nl", "nl"],
    ["NL-nl", "nl"],
    ["Nederlands", "nl"],
    ["Dutch", "nl"],
    ["en", "en"],
    ["English", "en"],
    ["Engels", "en"],
    ["Frans", null],
  ])("language %j → %s (organisation default en)", (cell, locale) => {
    expect(parseLanguage(cell, "en")).toBe(locale);
  });
});
