import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "#db/ids";
import * as peoplePage from "~/routes/beheer.mensen._index";
import { PERSON_SEARCH_LIMIT, searchPeople } from "~/cycles/participants.server";
import type { PeoplePage } from "~/people/person-store.server";
import { listLeadOptions } from "~/people/team-store.server";
import { useTestDatabase } from "../../support/database";
import { createOtherOrganisation } from "../../support/demo-cast";
import { call, getRequest, signedInCookie } from "../../support/requests";
import { valueOf } from "../../support/route-outcome";

// Lists of people come out in Dutch order on SQLite and PostgreSQL alike. Every name below is
// placed differently by bytes (SQLite's ORDER BY: "'t Hart" first, "de Vries" and "Özdemir"
// after "Zwart", "Eva" before "Éric") and by a server collation (PostgreSQL: "van der Berg"
// under V), so sorting in SQL on either database fails this file.

const test = useTestDatabase();

/** Every person of the organisation in Dutch order, written out by hand. */
const FILLERS = Array.from({ length: 40 }, (_, index) => [
  `Lid ${String(index + 1).padStart(2, "0")}`,
  "Jansen",
]);
const DUTCH_ORDER: [string, string][] = [
  ["Pieter", "van der Berg"],
  ["Lotte", "de Bruijn"],
  ["Sem", "Dijkstra"],
  ["Olga", "Elders"], // HR, made by createOtherOrganisation
  ["Kees", "'t Hart"],
  ["Tess", "IJzerman"],
  ["Daan", "Ivens"],
  ["anna", "Jansen"],
  ...(FILLERS as [string, string][]),
  ["Ali", "Özdemir"],
  ["Éric", "Smit"], // the last of page 1
  ["Eva", "Smit"],
  ["Jan", "de Vries"],
  ["Bram", "Zwart"],
];
const fullNames = (names: readonly [string, string][]) =>
  names.map(([first, last]) => `${first} ${last}`);

let organisationId: string;
let hrCookie: string;

beforeAll(async () => {
  const hr = await createOtherOrganisation(test.db, {
    name: "Gemeente Volgorde",
    email: "olga.elders@elders.example",
    isHrAdmin: true,
  });
  organisationId = hr.organisationId;
  hrCookie = await signedInCookie(test.db, hr.personId);
  const now = new Date().toISOString();
  // Inserted in byte order, so a list that keeps the insertion order fails too.
  const others = DUTCH_ORDER.filter(([, last]) => last !== "Elders")
    .map(([first, last]) => ({ first, last }))
    .sort((a, b) => (a.last + a.first < b.last + b.first ? -1 : 1));
  await test.db
    .insertInto("person")
    .values(
      others.map(({ first, last }, index) => ({
        id: newId(),
        organisation_id: organisationId,
        employee_number: null,
        first_name: first,
        last_name: last,
        email: `persoon${index}@volgorde.example`,
        locale: "nl" as const,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
});

describe("Dutch name order on both databases", () => {
  const peopleList = async (query: string) =>
    valueOf<{ page: PeoplePage }>(
      await call(peoplePage.loader, getRequest(`/beheer/mensen${query}`, { cookie: hrCookie })),
    ).page;

  it("pages HR's people list in Dutch order, across the page boundary", async () => {
    const first = await peopleList("");
    const second = await peopleList("?pagina=2");
    expect(first.total).toBe(DUTCH_ORDER.length);
    expect(first.pageCount).toBe(2);
    expect(first.people.map((person) => person.name)).toEqual(fullNames(DUTCH_ORDER.slice(0, 50)));
    expect(second.people.map((person) => person.name)).toEqual(fullNames(DUTCH_ORDER.slice(50)));
  });

  it("keeps Dutch order in a search of the list", async () => {
    const found = await peopleList("?zoek=ij");
    expect(found.people.map((person) => person.name)).toEqual([
      "Lotte de Bruijn",
      "Sem Dijkstra",
      "Tess IJzerman",
    ]);
  });

  it("chooses the first people in Dutch order when a round's person search has more", async () => {
    const outcome = await searchPeople(test.db, {
      organisationId,
      cycleId: "geen-ronde",
      query: "volgorde",
    });
    const everyoneButHr = DUTCH_ORDER.filter(([, last]) => last !== "Elders");
    expect(outcome.more).toBe(true);
    expect(outcome.people.map((person) => person.name)).toEqual(
      fullNames(everyoneButHr.slice(0, PERSON_SEARCH_LIMIT)),
    );
  });

  it("offers a team's possible leads in Dutch order", async () => {
    const options = await listLeadOptions(test.db, organisationId);
    expect(options.map((option) => option.label)).toEqual(fullNames(DUTCH_ORDER));
  });
});
