import { beforeAll, describe, expect, it } from "vitest";
import { editValuesOf } from "~/profiles/edit-profile";
import type { ProfileEditInput } from "~/profiles/edit-schema";
import type { EditOutcome } from "~/profiles/edit.server";
import { findLibraryProfile, listLibrary, readProfileVersion } from "~/profiles/library.server";
import type { Profile } from "~/profiles/schema";
import * as editor from "~/routes/beheer.profielen.$profileId_.bewerken";
import { createOtherOrganisation } from "../../support/demo-cast";
import { useDemoOrganisation } from "../../support/demo-organisation";
import { editFormFields } from "../../support/profile-edit";
import { call, getRequest, postRequest, signedInCookie, type Fields } from "../../support/requests";
import {
  describeOutcome,
  redirectLocation,
  statusOf,
  valueOf,
  type Outcome,
} from "../../support/route-outcome";

// HR edits a profile of the library in the browser: the form (also without JavaScript: the
// list buttons post it), the review of the changes, the save as a new version, and a shared
// competency that follows in every profile holding it.

const test = useDemoOrganisation();

async function libraryEntry(key: string) {
  const entry = (await listLibrary(test.db, test.cast.organisationId)).find((e) => e.key === key);
  if (!entry) throw new Error(`no ${key} in the demo library`);
  return entry;
}

async function currentOf(key: string): Promise<{ id: string; version: number; profile: Profile }> {
  const entry = await libraryEntry(key);
  const found = await findLibraryProfile(test.db, test.cast.organisationId, entry.id);
  return {
    id: entry.id,
    version: entry.version,
    profile: await readProfileVersion(test.db, found!.currentSnapshotId),
  };
}

const post = (profileId: string, fields: Fields, cookie = test.hrCookie) =>
  call(editor.action, postRequest(`/beheer/profielen/${profileId}/bewerken`, fields, { cookie }), {
    params: { profileId },
  });

type Answer = {
  result: { initialValue?: Record<string, unknown>; error?: Record<string, string[] | null> };
  review: Extract<EditOutcome, { status: "review" }> | { status: "unchanged" } | null;
};

function answerOf(outcome: Outcome): Answer {
  if (outcome.kind !== "data") throw new Error(describeOutcome(outcome));
  return outcome.data as Answer;
}

function reviewOf(outcome: Outcome) {
  const { review } = answerOf(outcome);
  if (review?.status !== "review") throw new Error(`no review: ${describeOutcome(outcome)}`);
  return review;
}

const shared = (profile: Profile, key: string) =>
  profile.clusters.flatMap((c) => c.competencies).find((c) => c.id === key);

describe("the profile editor", () => {
  let hrOfOther: string;
  beforeAll(async () => {
    const other = await createOtherOrganisation(test.db, { isHrAdmin: true });
    hrOfOther = await signedInCookie(test.db, other.personId);
  });

  it("opens on the current version, for HR of the organisation only", async () => {
    const { id, version, profile } = await currentOf("projectleider");
    const page = valueOf<Awaited<ReturnType<typeof editor.loader>>>(
      await call(
        editor.loader,
        getRequest(`/beheer/profielen/${id}/bewerken`, { cookie: test.hrCookie }),
        {
          params: { profileId: id },
        },
      ),
    );
    expect(page.version).toBe(version);
    expect(page.values).toEqual(editValuesOf(profile, version));
    // The organisation-wide competencies are in the other demo profiles too.
    expect(page.sharedCounts["communiceren"]).toBe(2);

    const foreign = await call(
      editor.loader,
      getRequest(`/beheer/profielen/${id}/bewerken`, { cookie: hrOfOther }),
      { params: { profileId: id } },
    );
    expect(statusOf(foreign)).toBe(404);
    expect(
      statusOf(await post(id, editFormFields(editValuesOf(profile, version)), hrOfOther)),
    ).toBe(404);
    const manager = await signedInCookie(test.db, test.cast.teamLead.id);
    expect(
      statusOf(
        await call(
          editor.loader,
          getRequest(`/beheer/profielen/${id}/bewerken`, { cookie: manager }),
          { params: { profileId: id } },
        ),
      ),
    ).toBe(404); // a page one may not see does not exist
  });

  it("moves, adds and removes without JavaScript: the form comes back changed, nothing saved", async () => {
    const { id, version, profile } = await currentOf("projectleider");
    const values = editValuesOf(profile, version);
    const moved = await post(
      id,
      editFormFields(values, [
        [
          "__intent__",
          JSON.stringify({
            type: "reorder",
            payload: { name: "clusters[0].competencies", from: 1, to: 0 },
          }),
        ],
      ]),
    );
    expect(statusOf(moved), describeOutcome(moved)).toBe(200);
    const initial = answerOf(moved).result.initialValue as ProfileEditInput;
    const names = initial.clusters![0]!.competencies!.map((c) => c.name);
    const before = profile.clusters[0]!.competencies.map((c) => c.name);
    expect(names.slice(0, 2)).toEqual([before[1], before[0]]);
    expect((await currentOf("projectleider")).version).toBe(version);
  });

  it("shows what changes, saves only what was reviewed, and the shared competency follows", async () => {
    const { id, version, profile } = await currentOf("projectleider");
    const others = await Promise.all(
      ["toepassing-beleid", "medewerker-publiekszaken"].map(currentOf),
    );
    const values = editValuesOf(profile, version);
    const communiceren = values
      .clusters!.flatMap((c) => c.competencies!)
      .find((c) => c.key === "communiceren")!;
    communiceren.indicators![0]!.text = "luistert actief en vat samen wat de ander zegt";
    communiceren.indicators!.push({ text: "vraagt om feedback op de eigen boodschap" });

    const reviewed = reviewOf(await post(id, editFormFields(values, [["intent", "review"]])));
    expect(reviewed.diff.competencies).toHaveLength(1);
    expect(reviewed.diff.competencies[0]!.indicators.map((c) => c.kind)).toEqual([
      "reworded",
      "added",
    ]);
    expect(reviewed.shared.map((s) => s.name).sort()).toEqual(
      (await listLibrary(test.db, test.cast.organisationId))
        .filter((e) => e.key === "toepassing-beleid" || e.key === "medewerker-publiekszaken")
        .map((e) => e.name)
        .sort(),
    );
    // Nothing saved by a review.
    expect((await currentOf("projectleider")).version).toBe(version);

    // Changed after the review: shown again, not saved.
    const changed = structuredClone(values);
    changed.name = `${values.name} (2027)`;
    const again = reviewOf(
      await post(
        id,
        editFormFields(changed, [
          ["intent", "save"],
          ["reviewed", reviewed.fingerprint],
        ]),
      ),
    );
    expect(again.changedSinceReview).toBe(true);
    expect((await currentOf("projectleider")).version).toBe(version);

    const saved = await post(
      id,
      editFormFields(values, [
        ["intent", "save"],
        ["reviewed", reviewed.fingerprint],
      ]),
    );
    expect(redirectLocation(saved), describeOutcome(saved)).toBe(
      `/beheer/profielen/${id}?melding=nieuwe-versie&aantal=${version + 1}`,
    );
    const after = await currentOf("projectleider");
    expect(after.version).toBe(version + 1);
    const stored = shared(after.profile, "communiceren")!;
    const original = shared(profile, "communiceren")!;
    expect(stored.indicators[0]).toEqual({
      id: original.indicators[0]!.id,
      text: "luistert actief en vat samen wat de ander zegt",
    });
    expect(stored.indicators.at(-1)!.id).toMatch(/^communiceren-\d+$/);
    expect(original.indicators.map((i) => i.id)).not.toContain(stored.indicators.at(-1)!.id);
    for (const other of others) {
      const now = await currentOf(other.profile.id);
      expect(now.version).toBe(other.version + 1);
      expect(shared(now.profile, "communiceren")).toEqual(stored);
    }

    // The form of the old version cannot be saved over the new one.
    const stale = await post(id, editFormFields(values, [["intent", "review"]]));
    expect(statusOf(stale)).toBe(409);
  });

  it("refuses a tampered form with a 4xx and keeps what was saved", async () => {
    const { id, version, profile } = await currentOf("toepassing-beleid");
    const foreignKey = editValuesOf(profile, version);
    foreignKey.clusters![0]!.competencies![0]!.key = "iets-van-een-ander-profiel";
    expect(statusOf(await post(id, editFormFields(foreignKey, [["intent", "review"]])))).toBe(400);
    const values = editValuesOf(profile, version);
    for (const intent of [
      "{not json",
      JSON.stringify({ type: "insert", payload: { name: "name" } }),
    ]) {
      const outcome = await post(id, editFormFields(values, [["__intent__", intent]]));
      expect(statusOf(outcome), describeOutcome(outcome)).toBe(400);
    }
    expect(statusOf(await post(id, editFormFields(values, [["intent", "drop-table"]])))).toBe(400);
    expect(
      statusOf(
        await post(
          id,
          editFormFields(values, [
            ["intent", "review"],
            ["extra", "1"],
          ]),
        ),
      ),
    ).toBe(400);
    const empty = editValuesOf(profile, version);
    empty.clusters![0]!.competencies![0]!.indicators = [];
    const refused = await post(id, editFormFields(empty, [["intent", "review"]]));
    expect(statusOf(refused)).toBe(400);
    expect(answerOf(refused).result.error?.["clusters[0].competencies[0].indicators"]).toEqual([
      "profiles.edit.issue.noIndicators",
    ]);
    expect((await currentOf("toepassing-beleid")).version).toBe(version);
  });

  it("says so when nothing changed", async () => {
    const { id, version, profile } = await currentOf("toepassing-beleid");
    const outcome = await post(
      id,
      editFormFields(editValuesOf(profile, version), [["intent", "review"]]),
    );
    expect(answerOf(outcome).review).toEqual({ status: "unchanged" });
  });
});
