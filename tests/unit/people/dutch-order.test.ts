import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareByName,
  compareDutchNames,
  compareDutchText,
  inDutchOrder,
  sortingLastName,
  type SortablePerson,
} from "~/people/dutch-order";
import { fullName } from "~/people/full-name";

const person = (firstName: string, lastName: string, id = `${firstName} ${lastName}`) => ({
  id,
  firstName,
  lastName,
});

const names = (people: readonly SortablePerson[]) => people.map((one) => fullName(one));

/** The order SQLite gives (bytes): every list below must differ from it, or it proves nothing. */
const byteOrder = (people: readonly { firstName: string; lastName: string }[]) =>
  [...people].sort((a, b) =>
    a.lastName < b.lastName
      ? -1
      : a.lastName > b.lastName
        ? 1
        : a.firstName < b.firstName
          ? -1
          : a.firstName > b.firstName
            ? 1
            : 0,
  );

/** Checks that `expected` is the Dutch order of its people, from any starting order. */
function expectDutchOrder(expected: ReturnType<typeof person>[]) {
  expect(names(byteOrder(expected))).not.toEqual(names(expected));
  for (const start of [expected, [...expected].reverse(), byteOrder(expected)]) {
    expect(names(inDutchOrder(start))).toEqual(names(expected));
  }
}

describe("sortingLastName", () => {
  it("drops lower-case prefixes only", () => {
    expect(sortingLastName("de Vries")).toBe("Vries");
    expect(sortingLastName("van 't Hof")).toBe("Hof");
    expect(sortingLastName("'t Hart")).toBe("Hart");
    expect(sortingLastName("van der Berg")).toBe("Berg");
    expect(sortingLastName("Van Dijk")).toBe("Van Dijk");
    expect(sortingLastName("Özdemir")).toBe("Özdemir");
    expect(sortingLastName("IJzerman")).toBe("IJzerman");
  });
});

describe("compareDutchNames", () => {
  it("sorts a last name under its main word: prefixes after the first name do not count", () => {
    expectDutchOrder([
      person("Sanne", "Bakker"),
      person("Pieter", "van der Berg"),
      person("Lotte", "de Bruijn"),
      person("Kees", "'t Hart"),
      person("Joost", "van 't Hof"),
      person("Anna", "Van Dijk"),
      person("Eva", "Visser"),
      person("Jan", "de Vries"),
    ]);
  });

  it("reads accented letters as their letter, not after Z", () => {
    expectDutchOrder([
      person("Éric", "Aydın"),
      person("Eva", "Aydın"),
      person("Emre", "Oosterhuis"),
      person("Zeynep", "Özdemir"),
      person("Bram", "Zwart"),
    ]);
  });

  it("ignores case: a lower-case name sorts with the capitals", () => {
    expectDutchOrder([
      person("anna", "Jansen"),
      person("Bram", "Jansen"),
      person("carla", "Jansen"),
      person("Daan", "la Rivière"),
      person("Mila", "Zomer"),
    ]);
  });

  it("lets accents and case decide only between names otherwise the same", () => {
    // The first names decide, though "Ozdemir" comes before "Özdemir" letter for letter.
    expectDutchOrder([
      person("Ali", "Özdemir"),
      person("Zeynep", "Ozdemir"),
      person("anna", "de vries"),
      person("Bram", "de Vries"),
    ]);
    expect(compareDutchNames(person("Eric", "Smit", "x"), person("Éric", "Smit", "x"))).not.toBe(0);
  });

  it("sorts IJ as I followed by J, in either spelling of the capital", () => {
    expectDutchOrder([
      person("Hans", "Ibrahim"),
      person("Anouk", "IJsselmeer"),
      person("Tess", "Ijzerman"),
      person("Wim", "IJzerman"),
      person("Daan", "Ivens"),
      person("Mark", "Jansen"),
      person("Yara", "Ypma"),
    ]);
  });

  it("compares numbers in a name by value", () => {
    expectDutchOrder([
      person("Test 2", "Gebruiker"),
      person("Test 10", "Gebruiker"),
      person("Test 2", "Proef"),
    ]);
  });

  it("gives people of one name a fixed order by id", () => {
    const one = person("Jan", "Visser", "b");
    const other = person("Jan", "Visser", "a");
    expect(inDutchOrder([one, other]).map((p) => p.id)).toEqual(["a", "b"]);
    expect(inDutchOrder([other, one]).map((p) => p.id)).toEqual(["a", "b"]);
    expect(compareDutchNames(one, one)).toBe(0);
  });

  it("reads stored rows and parsed names alike, and leaves the list it is given alone", () => {
    const parsed = [person("Jan", "de Vries"), person("Pieter", "van der Berg")];
    const stored = parsed.map((p) => ({
      id: p.id,
      first_name: p.firstName,
      last_name: p.lastName,
    }));
    expect(inDutchOrder(stored).map((row) => row.id)).toEqual(
      inDutchOrder(parsed).map((p) => p.id),
    );
    expect(names(parsed)).toEqual(["Jan de Vries", "Pieter van der Berg"]);
  });

  const people = fc.record({
    id: fc.constantFrom("a", "b", "c"),
    firstName: fc.constantFrom("Jan", "jan", "Éric", "Eric", "Anna", "Test 2", "Test 10"),
    lastName: fc.constantFrom("de Vries", "De Vries", "Vries", "Özdemir", "Ozdemir", "IJzerman"),
  });

  it("is a total order (what sorting and paging rely on)", () => {
    fc.assert(
      fc.property(people, people, people, (a, b, c) => {
        const same = a.id === b.id && a.firstName === b.firstName && a.lastName === b.lastName;
        expect(compareDutchNames(a, b) === 0).toBe(same);
        expect(Math.sign(compareDutchNames(a, b)) + Math.sign(compareDutchNames(b, a))).toBe(0);
        if (compareDutchNames(a, b) < 0 && compareDutchNames(b, c) < 0) {
          expect(compareDutchNames(a, c)).toBeLessThan(0);
        }
      }),
    );
  });

  it("orders like its comparator, whatever order the list came in", () => {
    fc.assert(
      fc.property(fc.array(people, { maxLength: 12 }), (list) => {
        expect(inDutchOrder(list)).toEqual([...list].sort(compareDutchNames));
      }),
    );
  });
});

describe("compareDutchText and compareByName", () => {
  it("order teams and profiles in Dutch order, numbers by value", () => {
    const teams = ["Wijk 10", "beheer", "Öffentlichkeit", "Wijk 9", "Zorg", "Afval"];
    expect([...teams].sort(compareDutchText)).toEqual([
      "Afval",
      "beheer",
      "Öffentlichkeit",
      "Wijk 9",
      "Wijk 10",
      "Zorg",
    ]);
    expect([...teams].sort()).not.toEqual([...teams].sort(compareDutchText));
  });

  it("are 0 only for the same text, and the same name keeps a fixed order by id", () => {
    expect(compareDutchText("Team", "team")).not.toBe(0);
    expect(compareDutchText("Team", "team")).toBe(-compareDutchText("team", "Team"));
    expect(compareDutchText("Team", "Team")).toBe(0);
    expect(compareByName({ name: "Team", id: "2" }, { name: "Team", id: "1" })).toBeGreaterThan(0);
    expect(compareByName({ name: "Team", id: "2" }, { name: "team", id: "1" })).toBe(
      compareDutchText("Team", "team"),
    );
  });
});
