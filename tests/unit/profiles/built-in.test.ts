import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadProfilesFromDirectory } from "~/profiles/load.server";
import { serializeProfileMarkdown } from "~/profiles/markdown";
import type { Competency, Profile } from "~/profiles/schema";

// The built-in profiles in surveys/ are one family of one municipality: a competency id means
// one competency in all of them (team comparisons across profiles meet on these ids), and the
// organisation-wide ones occur in every profile. The loader checks each file on its own only.

const SURVEYS = path.resolve("surveys");
const profiles = loadProfilesFromDirectory(SURVEYS);

interface Occurrence {
  profile: string;
  cluster: string;
  competency: Competency;
}

function occurrences(all: readonly Profile[]): Occurrence[] {
  return all.flatMap((profile) =>
    profile.clusters.flatMap((cluster) =>
      cluster.competencies.map((competency) => ({
        profile: profile.id,
        cluster: cluster.id,
        competency,
      })),
    ),
  );
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

describe("the built-in profiles in surveys/", () => {
  it("are the demo's profile and two more of its family", () => {
    expect(profiles.map((profile) => profile.id)).toEqual([
      "medewerker-publiekszaken",
      "projectleider",
      "toepassing-beleid",
    ]);
  });

  it("are written in the layout the serializer writes", () => {
    for (const profile of profiles) {
      const source = readFileSync(path.join(SURVEYS, `${profile.id}.md`), "utf8");
      expect(source, profile.id).toBe(serializeProfileMarkdown(profile));
    }
  });

  it("share the clusters: the same ids with the same names", () => {
    const clusters = (profile: Profile) =>
      profile.clusters.map((cluster) => ({ id: cluster.id, name: cluster.name }));
    for (const profile of profiles) {
      expect(clusters(profile), profile.id).toEqual(clusters(profiles[0]!));
    }
  });

  it("hold every organisation-wide competency, each time the same", () => {
    const all = occurrences(profiles);
    const organisationWide = new Set(
      all.filter((entry) => entry.competency.organisationWide).map((entry) => entry.competency.id),
    );
    expect([...organisationWide].sort()).toEqual([
      "communiceren",
      "klantgericht-werken",
      "samenwerken",
    ]);
    for (const id of organisationWide) {
      expect(
        all.filter((entry) => entry.competency.id === id).map((entry) => entry.profile),
        id,
      ).toEqual(profiles.map((profile) => profile.id));
    }
  });

  it("give a competency that occurs in several profiles the same content and cluster", () => {
    const byId = groupBy(occurrences(profiles), (entry) => entry.competency.id);
    for (const [id, entries] of byId) {
      const [first, ...others] = entries;
      for (const other of others) {
        expect(other.competency, `${id} in ${other.profile}`).toEqual(first!.competency);
        expect(other.cluster, `${id} in ${other.profile}`).toBe(first!.cluster);
      }
    }
    // Each new profile shares more with the demo's profile than the organisation-wide three.
    expect([...byId.values()].filter((entries) => entries.length > 1).length).toBeGreaterThan(3);
  });

  it("never give one competency name two ids, nor one indicator id two texts", () => {
    const all = occurrences(profiles);
    const idsByName = groupBy(all, (entry) => entry.competency.name.toLocaleLowerCase("nl"));
    for (const [name, entries] of idsByName) {
      expect(new Set(entries.map((entry) => entry.competency.id)).size, name).toBe(1);
    }
    const indicators = all.flatMap((entry) => entry.competency.indicators);
    for (const [id, same] of groupBy(indicators, (indicator) => indicator.id)) {
      expect(new Set(same.map((indicator) => indicator.text)).size, id).toBe(1);
    }
  });
});
