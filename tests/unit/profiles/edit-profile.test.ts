import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { editValuesOf, profileFromEdit, sharedUpdates } from "~/profiles/edit-profile";
import { profileEditSchema, type ProfileEdit, type ProfileEditInput } from "~/profiles/edit-schema";
import { ProfileSchema, type Profile } from "~/profiles/schema";
import { builtInProfiles, demoProfile } from "../../support/demo-cast";
import { editFormFields } from "../../support/profile-edit";

const base = () => structuredClone(demoProfile());

/** The form's values posted as a browser would, parsed by the editor's schema. */
function post(values: ProfileEditInput): ProfileEdit {
  const body = new URLSearchParams(editFormFields(values));
  const submission = parseWithZod(body, { schema: profileEditSchema });
  if (submission.status !== "success") {
    throw new Error(`refused: ${JSON.stringify(submission.reply().error)}`);
  }
  return submission.value;
}

describe("the editor's form and the profile it describes", () => {
  it("gives back every built-in profile unchanged when nothing is edited", () => {
    for (const profile of builtInProfiles()) {
      const result = profileFromEdit(post(editValuesOf(profile, 1)), profile, new Set());
      expect(result).toEqual({ ok: true, profile });
    }
  });

  it("keeps the key of a reworded or moved indicator", () => {
    const values = editValuesOf(base(), 1);
    const indicators = values.clusters![0]!.competencies![0]!.indicators!;
    indicators.reverse();
    indicators[0]!.text = "kent de klanten goed";
    const result = profileFromEdit(post(values), base(), new Set());
    if (!result.ok) throw new Error(result.path);
    const edited = result.profile.clusters[0]!.competencies[0]!.indicators;
    const original = base().clusters[0]!.competencies[0]!.indicators;
    expect(edited.map((i) => i.id)).toEqual(original.map((i) => i.id).reverse());
    expect(edited[0]!.text).toBe("kent de klanten goed");
  });

  it("gives new elements keys no profile of the library uses", () => {
    const values = editValuesOf(base(), 1);
    const competency = values.clusters![0]!.competencies![0]!;
    competency.indicators!.push({ text: "een nieuwe indicator" });
    values.clusters![0]!.competencies!.push({
      // Another name, but the same slug as a competency of this very profile.
      name: "Communiceren!",
      description: "",
      indicators: [{ text: "nieuw" }],
    });
    // "kennis-van-de-klant-4" is taken elsewhere in the library.
    const result = profileFromEdit(post(values), base(), new Set(["kennis-van-de-klant-4"]));
    if (!result.ok) throw new Error(result.path);
    const first = result.profile.clusters[0]!.competencies;
    expect(first[0]!.indicators.at(-1)!.id).toBe("kennis-van-de-klant-5");
    expect(first.at(-1)!.id).toBe("communiceren-7"); // -1 … -6 are its indicators
    expect(first.at(-1)!.indicators[0]!.id).toBe("communiceren-7-1");
    expect(ProfileSchema.safeParse(result.profile).success).toBe(true);
  });

  it("refuses a key the stored version does not have, or one posted twice", () => {
    const foreign = editValuesOf(base(), 1);
    foreign.clusters![0]!.competencies![0]!.key = "iets-anders";
    expect(profileFromEdit(post(foreign), base(), new Set())).toEqual({
      ok: false,
      path: "clusters[0].competencies[0].key",
    });
    const twice = editValuesOf(base(), 1);
    const indicators = twice.clusters![0]!.competencies![0]!.indicators!;
    indicators[1]!.key = indicators[0]!.key;
    expect(profileFromEdit(post(twice), base(), new Set()).ok).toBe(false);
    // A competency's key used for an indicator is of the wrong kind.
    const wrongKind = editValuesOf(base(), 1);
    wrongKind.clusters![0]!.competencies![0]!.indicators![0]!.key = "kennis-van-de-klant";
    expect(profileFromEdit(post(wrongKind), base(), new Set()).ok).toBe(false);
  });
});

describe("a shared competency is one thing across the library", () => {
  const [toepassing, projectleider, publiekszaken] = [
    "toepassing-beleid",
    "projectleider",
    "medewerker-publiekszaken",
  ].map((id) => builtInProfiles().find((profile) => profile.id === id)!);
  const shared = (profile: Profile) =>
    profile.clusters.flatMap((c) => c.competencies).find((c) => c.id === "communiceren")!;

  it("takes the edited wording to every other profile that holds it, in its own place", () => {
    const edited = structuredClone(toepassing!);
    shared(edited).indicators[0]!.text = "luistert actief";
    const { updates, diverged } = sharedUpdates(toepassing!, edited, [
      { name: "Projectleider", profile: projectleider! },
      { name: "Publiekszaken", profile: publiekszaken! },
    ]);
    expect(diverged).toEqual([]);
    expect(updates.map((update) => update.name)).toEqual(["Projectleider", "Publiekszaken"]);
    for (const update of updates) {
      expect(shared(update.profile)).toEqual(shared(edited));
      expect(update.competencies).toEqual([shared(edited).name]);
      // Nothing else of the other profile changes.
      const others = (profile: Profile) =>
        profile.clusters.map((c) => c.competencies.filter((k) => k.id !== "communiceren"));
      const original = update.name === "Projectleider" ? projectleider! : publiekszaken!;
      expect(others(update.profile)).toEqual(others(original));
    }
  });

  it("leaves the others alone when only a competency of this profile's own changed", () => {
    const edited = structuredClone(toepassing!);
    const own = edited.clusters
      .flatMap((c) => c.competencies)
      .find(
        (c) => !projectleider!.clusters.some((pc) => pc.competencies.some((k) => k.id === c.id)),
      )!;
    own.name = `${own.name} (herzien)`;
    expect(
      sharedUpdates(toepassing!, edited, [{ name: "Projectleider", profile: projectleider! }]),
    ).toEqual({ updates: [], diverged: [] });
  });

  it("leaves a profile whose copy had gone apart as it is, and names it", () => {
    const apart = structuredClone(projectleider!);
    shared(apart).indicators[1]!.text = "maakt heldere afspraken";
    const edited = structuredClone(toepassing!);
    shared(edited).indicators[0]!.text = "luistert actief";
    expect(
      sharedUpdates(toepassing!, edited, [
        { name: "Projectleider", profile: apart },
        { name: "Publiekszaken", profile: publiekszaken! },
      ]),
    ).toEqual({
      updates: [expect.objectContaining({ name: "Publiekszaken" })],
      diverged: [{ name: "Projectleider", competencies: [shared(apart).name] }],
    });
  });
});
