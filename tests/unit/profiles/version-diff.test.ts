import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Profile } from "~/profiles/schema";
import { diffProfiles, isEmptyDiff, movedKeys } from "~/profiles/version-diff";
import { demoProfile } from "../../support/demo-cast";

const base = () => structuredClone(demoProfile());
const competency = (profile: Profile, c: number, k: number) =>
  profile.clusters[c]!.competencies[k]!;

describe("what a new version changes", () => {
  it("finds nothing between a version and itself", () => {
    expect(isEmptyDiff(diffProfiles(base(), base()))).toBe(true);
  });

  it("says an indicator was reworded (same key), not removed and added", () => {
    const after = base();
    const indicator = competency(after, 0, 0).indicators[1]!;
    const before = indicator.text;
    indicator.text = "kent de netwerken van klantgroepen";
    const diff = diffProfiles(base(), after);
    expect(diff.competencies).toHaveLength(1);
    expect(diff.competencies[0]!.indicators).toEqual([
      { kind: "reworded", key: indicator.id, before, after: "kent de netwerken van klantgroepen" },
    ]);
  });

  it("names a rename, a new description, the *** mark, added and removed indicators", () => {
    const after = base();
    const target = competency(after, 1, 0);
    target.name = "Helder communiceren";
    target.description = "Nieuwe beschrijving.";
    target.organisationWide = !target.organisationWide;
    const removed = target.indicators.pop()!;
    target.indicators.push({ id: "communiceren-nieuw", text: "vat een gesprek samen" });
    const [change] = diffProfiles(base(), after).competencies;
    expect(change).toMatchObject({
      status: "changed",
      name: "Helder communiceren",
      rename: { after: "Helder communiceren" },
      description: { after: "Nieuwe beschrijving." },
      organisationWide: { after: target.organisationWide },
    });
    expect(change!.indicators).toEqual(
      expect.arrayContaining([
        { kind: "added", key: "communiceren-nieuw", text: "vat een gesprek samen" },
        { kind: "removed", key: removed.id, text: removed.text },
      ]),
    );
  });

  it("reports only the competency that was moved, not the ones that shifted", () => {
    const after = base();
    const list = after.clusters[1]!.competencies;
    const last = list.pop()!;
    list.unshift(last);
    const diff = diffProfiles(base(), after);
    expect(diff.competencies.map((c) => [c.key, c.movedFrom])).toEqual([[last.id, "position"]]);
  });

  it("reports a move to another cluster by the cluster it came from", () => {
    const before = base();
    const after = base();
    const moved = after.clusters[0]!.competencies.shift()!;
    after.clusters[2]!.competencies.push(moved);
    const [change] = diffProfiles(before, after).competencies;
    expect(change).toMatchObject({
      key: moved.id,
      cluster: after.clusters[2]!.name,
      movedFrom: { cluster: before.clusters[0]!.name },
    });
  });

  it("lists added and removed competencies and clusters, and the profile's name", () => {
    const after = base();
    after.name = "Toepassing beleid 2027";
    const gone = after.clusters[0]!.competencies.pop()!;
    after.clusters.push({
      id: "nieuw-cluster",
      name: "Nieuw cluster",
      competencies: [
        {
          id: "nieuw",
          name: "Nieuwe competentie",
          description: "",
          organisationWide: false,
          indicators: [{ id: "nieuw-1", text: "doet iets nieuws" }],
        },
      ],
    });
    const diff = diffProfiles(base(), after);
    expect(diff.name).toEqual({ before: base().name, after: "Toepassing beleid 2027" });
    expect(diff.clusters).toEqual([
      { key: "nieuw-cluster", name: "Nieuw cluster", status: "added" },
    ]);
    expect(diff.competencies.map((c) => [c.key, c.status])).toEqual([
      ["nieuw", "added"],
      [gone.id, "removed"],
    ]);
  });
});

describe("moved keys", () => {
  it("are the keys outside a longest run kept in order", () => {
    expect([...movedKeys(["a", "b", "c", "d"], ["d", "a", "b", "c"])]).toEqual(["d"]);
    expect([...movedKeys(["a", "b"], ["a", "b"])]).toEqual([]);
    expect(movedKeys(["a", "b", "c"], ["c", "b", "a"]).size).toBe(2);
  });

  it("never flag anything for the same order, and never more than the keys in both", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 20 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 20 }),
        (a, b) => {
          const before = a.map(String);
          const after = b.map(String);
          const moved = movedKeys(before, after);
          const common = before.filter((key) => after.includes(key));
          expect([...moved].every((key) => common.includes(key))).toBe(true);
          // What is not moved keeps its order: it is a common subsequence of both.
          const keptBefore = common.filter((key) => !moved.has(key));
          const keptAfter = after.filter((key) => common.includes(key) && !moved.has(key));
          expect(keptAfter).toEqual(keptBefore);
          expect(movedKeys(before, before).size).toBe(0);
        },
      ),
    );
  });
});
