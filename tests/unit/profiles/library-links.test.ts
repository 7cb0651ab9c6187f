import { describe, expect, it } from "vitest";
import { applyLinks, compareWithLibrary, type LibraryCompetency } from "~/profiles/library-links";
import { ProfileSchema, type Competency, type Profile } from "~/profiles/schema";

const communiceren: Competency = {
  id: "communiceren",
  name: "Communiceren",
  description: "luistert naar de boodschap van de ander.",
  organisationWide: true,
  indicators: [
    { id: "communiceren-1", text: "maakt duidelijke afspraken" },
    { id: "communiceren-2", text: "vat samen wat de ander zegt" },
  ],
};
const samenwerken: Competency = {
  id: "samenwerken",
  name: "Samenwerken",
  description: "werkt samen met collega's.",
  organisationWide: true,
  indicators: [{ id: "samenwerken-1", text: "deelt kennis" }],
};
const library: LibraryCompetency[] = [
  { competency: communiceren, profiles: ["Toepassing beleid", "Projectleider"] },
  { competency: samenwerken, profiles: ["Toepassing beleid"] },
];

function profileWith(...competencies: Competency[]): Profile {
  return ProfileSchema.parse({
    id: "nieuw",
    name: "Nieuw profiel",
    clusters: [{ id: "vaardigheden", name: "Vaardigheden", competencies }],
  });
}

describe("holding an incoming profile against the library", () => {
  it("finds nothing to decide where the shared competencies are word for word the library's", () => {
    const comparison = compareWithLibrary(profileWith(communiceren, samenwerken), library);
    expect(comparison).toEqual({ matches: [], missingOrganisationWide: [] });
  });

  it("names every difference of a competency with the library's id, and by name under another id", () => {
    const reworded: Competency = {
      ...communiceren,
      description: "luistert goed.",
      indicators: [{ id: "communiceren-1", text: "maakt heldere afspraken" }],
    };
    const otherId: Competency = { ...samenwerken, id: "samen-werken", name: "samenwerken ***" };
    const comparison = compareWithLibrary(profileWith(reworded, otherId), library);
    expect(comparison.matches.map((match) => [match.key, match.differences])).toEqual([
      ["communiceren", ["description", "indicators"]],
      ["samen-werken", ["id", "name"]],
    ]);
    expect(comparison.matches[0]!.library.profiles).toEqual(["Toepassing beleid", "Projectleider"]);
  });

  it("says which organisation-wide competencies the profile lacks", () => {
    const comparison = compareWithLibrary(profileWith(communiceren), library);
    expect(comparison.missingOrganisationWide.map((entry) => entry.competency.id)).toEqual([
      "samenwerken",
    ]);
  });

  it("links a competency to the library's wording and id, or keeps it apart under an id of its own", () => {
    const reworded: Competency = { ...communiceren, description: "luistert goed." };
    const otherId: Competency = { ...samenwerken, id: "samen-werken", description: "anders" };
    const profile = profileWith(reworded, otherId);
    const comparison = compareWithLibrary(profile, library);

    const linked = applyLinks(profile, comparison, new Set(["communiceren", "samen-werken"]));
    expect(linked.clusters[0]!.competencies).toEqual([communiceren, samenwerken]);
    expect(ProfileSchema.safeParse(linked).success).toBe(true);

    const apart = applyLinks(profile, comparison, new Set());
    const [first, second] = apart.clusters[0]!.competencies;
    // Same id as the library's but other wording: it may not keep that id.
    // ("communiceren-2" is an indicator's id already: ids are unique across the profile.)
    expect(first!.id).toBe("communiceren-3");
    expect(first!.description).toBe("luistert goed.");
    expect(first!.indicators.map((indicator) => indicator.id)).toEqual([
      "communiceren-3-2",
      "communiceren-3-3",
    ]);
    // An id of its own already: it stays as it came.
    expect(second).toEqual(otherId);
    expect(ProfileSchema.safeParse(apart).success).toBe(true);
    // Nothing of the result shares an id with a library competency it does not equal.
    const libraryIds = new Set(library.map((entry) => entry.competency.id));
    for (const competency of apart.clusters[0]!.competencies) {
      expect(libraryIds.has(competency.id)).toBe(false);
    }
  });
});
