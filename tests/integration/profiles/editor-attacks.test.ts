import { beforeAll, describe, expect, it } from "vitest";
import { messageRef } from "~/i18n/messages";
import { editValuesOf } from "~/profiles/edit-profile";
import { EDIT_LIMITS, type ProfileEditInput } from "~/profiles/edit-schema";
import type { EditOutcome } from "~/profiles/edit.server";
import {
  findLibraryProfile,
  listLibrary,
  readProfileVersion,
  reinstateProfile,
  retireProfile,
  saveProfileVersion,
} from "~/profiles/library.server";
import { parseProfileMarkdown, serializeProfileMarkdown } from "~/profiles/markdown";
import { ProfileSchema, type Profile } from "~/profiles/schema";
import * as editor from "~/routes/beheer.profielen.$profileId_.bewerken";
import {
  builtInProfiles,
  collectingCycleId,
  createOtherOrganisation,
} from "../../support/demo-cast";
import { useDemoOrganisation } from "../../support/demo-organisation";
import { editFormFields } from "../../support/profile-edit";
import { call, getRequest, postRequest, signedInCookie, type Fields } from "../../support/requests";
import {
  describeOutcome,
  redirectLocation,
  statusOf,
  type Outcome,
} from "../../support/route-outcome";

// The profile editor as an attacker and a demanding HR user meet it: foreign sessions,
// tampered hidden keys and list buttons, fields the form does not have, limits, text that is
// not text, forged or stale review fingerprints, retired profiles, shared competencies that
// would break or silently change another profile, started rounds, and saves that race.
// Whatever happens, the answer is a 4xx or the form (never a 500), nothing is saved that HR
// did not review, and no other organisation's data moves.
//
// The tests named FINDING were found this way, failed, and guard the fix now.

const test = useDemoOrganisation();

interface Current {
  id: string;
  version: number;
  profile: Profile;
}

async function currentIn(organisationId: string, key: string): Promise<Current> {
  const entry = (await listLibrary(test.db, organisationId)).find((e) => e.key === key);
  if (!entry) throw new Error(`no ${key} in the library`);
  const found = await findLibraryProfile(test.db, organisationId, entry.id);
  return {
    id: entry.id,
    version: entry.version,
    profile: await readProfileVersion(test.db, found!.currentSnapshotId),
  };
}

const currentOf = (key: string) => currentIn(test.cast.organisationId, key);

/** Every profile of the organisation's library by key, with its version and retirement. */
async function libraryState(organisationId: string) {
  return Object.fromEntries(
    (await listLibrary(test.db, organisationId)).map((e) => [
      e.key,
      { version: e.version, retired: e.retired },
    ]),
  );
}

const valuesOf = (current: Current) => editValuesOf(current.profile, current.version);

const competencyIn = (values: ProfileEditInput, key: string) => {
  const found = values.clusters!.flatMap((c) => c.competencies!).find((c) => c.key === key);
  if (!found) throw new Error(`no competency ${key}`);
  return found;
};

const storedCompetency = (profile: Profile, key: string) =>
  profile.clusters.flatMap((c) => c.competencies).find((c) => c.id === key);

const post = (profileId: string, fields: Fields, cookie = test.hrCookie) =>
  call(editor.action, postRequest(`/beheer/profielen/${profileId}/bewerken`, fields, { cookie }), {
    params: { profileId },
  });

const load = (profileId: string, cookie = test.hrCookie) =>
  call(editor.loader, getRequest(`/beheer/profielen/${profileId}/bewerken`, { cookie }), {
    params: { profileId },
  });

type Review = Extract<EditOutcome, { status: "review" }>;
type Answer = {
  result: {
    initialValue?: Record<string, unknown>;
    error?: Record<string, string[] | null>;
  };
  review: Review | { status: "unchanged" } | null;
};

function answerOf(outcome: Outcome): Answer {
  if (outcome.kind !== "data") throw new Error(describeOutcome(outcome));
  return outcome.data as Answer;
}

function reviewOf(outcome: Outcome): Review {
  const { review } = answerOf(outcome);
  if (review?.status !== "review") throw new Error(`no review: ${describeOutcome(outcome)}`);
  return review;
}

const review = async (profileId: string, values: ProfileEditInput, cookie = test.hrCookie) =>
  reviewOf(await post(profileId, editFormFields(values, [["intent", "review"]]), cookie));

const save = (profileId: string, values: ProfileEditInput, fingerprint: string, cookie?: string) =>
  post(
    profileId,
    editFormFields(values, [
      ["intent", "save"],
      ["reviewed", fingerprint],
    ]),
    cookie,
  );

/** Reviews the edit and saves it with the fingerprint of that review; the save's outcome. */
async function reviewAndSave(profileId: string, values: ProfileEditInput, cookie?: string) {
  const { fingerprint } = await review(profileId, values, cookie);
  return save(profileId, values, fingerprint, cookie);
}

function expectSaved(outcome: Outcome) {
  expect(redirectLocation(outcome), describeOutcome(outcome)).toMatch(/melding=nieuwe-versie/);
}

/** A 4xx that is not a 404 or a 409: the form was refused as it was posted. */
function expectRefused(outcome: Outcome, what: string) {
  expect(statusOf(outcome), `${what}: ${describeOutcome(outcome)}`).toBe(400);
}

const REWORDED = "luistert actief en vat samen wat de ander zegt";

describe("who may edit", () => {
  let otherOrganisation: { organisationId: string; personId: string };
  let hrOfOther: string;
  beforeAll(async () => {
    otherOrganisation = await createOtherOrganisation(test.db, { isHrAdmin: true });
    hrOfOther = await signedInCookie(test.db, otherOrganisation.personId);
  });

  it("gives HR of another organisation a 404 for a review, a save and a list button alike", async () => {
    const before = await libraryState(test.cast.organisationId);
    const projectleider = await currentOf("projectleider");
    const values = valuesOf(projectleider);
    competencyIn(values, "communiceren").indicators![0]!.text = REWORDED;
    // A fingerprint HR of the organisation did get for exactly this edit.
    const { fingerprint } = await review(projectleider.id, values);
    for (const extra of [
      [["intent", "review"]],
      [
        ["intent", "save"],
        ["reviewed", fingerprint],
      ],
      [["__intent__", JSON.stringify({ type: "remove", payload: { name: "clusters", index: 0 } })]],
    ] satisfies Fields[]) {
      const outcome = await post(projectleider.id, editFormFields(values, extra), hrOfOther);
      expect(statusOf(outcome), describeOutcome(outcome)).toBe(404);
    }
    expect(await libraryState(test.cast.organisationId)).toEqual(before);
  });

  it("gives a colleague without the HR role a 404 for every post, also with a valid fingerprint", async () => {
    const before = await libraryState(test.cast.organisationId);
    const projectleider = await currentOf("projectleider");
    const values = valuesOf(projectleider);
    values.name = `${values.name} (gewijzigd)`;
    const { fingerprint } = await review(projectleider.id, values);
    for (const person of [test.cast.teamLead, test.cast.member, test.cast.departmentHead]) {
      const cookie = await signedInCookie(test.db, person.id);
      const outcome = await save(projectleider.id, values, fingerprint, cookie);
      expect(statusOf(outcome), describeOutcome(outcome)).toBe(404);
      expect(statusOf(await load(projectleider.id, cookie))).toBe(404);
    }
    const anonymous = await post(
      projectleider.id,
      editFormFields(values, [["intent", "review"]]),
      "",
    );
    expect(redirectLocation(anonymous) ?? String(statusOf(anonymous))).toMatch(/inloggen|404/);
    expect(await libraryState(test.cast.organisationId)).toEqual(before);
  });

  it("answers a 404, not a 500, for a profile id that is no profile", async () => {
    for (const id of ["", "../beheer", "x".repeat(5000), "%00", "' OR 1=1 --"]) {
      expect(statusOf(await load(id)), id.slice(0, 20)).toBe(404);
      const outcome = await post(id, [["intent", "review"]]);
      expect(statusOf(outcome), describeOutcome(outcome)).toBe(404);
    }
  });

  it("keeps two organisations apart that hold the same competency keys", async () => {
    const builtIn = builtInProfiles().find((profile) => profile.id === "projectleider")!;
    const { organisationId } = otherOrganisation;
    await saveProfileVersion(test.db, {
      organisationId,
      personId: otherOrganisation.personId,
      profile: builtIn,
    });
    const demoBefore = await libraryState(test.cast.organisationId);
    const demoCommuniceren = storedCompetency(
      (await currentOf("toepassing-beleid")).profile,
      "communiceren",
    );

    // HR of the other organisation edits the shared competency in their own library.
    const theirs = await currentIn(organisationId, "projectleider");
    const values = valuesOf(theirs);
    competencyIn(values, "communiceren").indicators![0]!.text = REWORDED;
    const theirReview = await review(theirs.id, values, hrOfOther);
    expect(theirReview.shared).toEqual([]); // the demo's profiles are not theirs to change
    expectSaved(await save(theirs.id, values, theirReview.fingerprint, hrOfOther));
    expect((await currentIn(organisationId, "projectleider")).version).toBe(theirs.version + 1);
    expect(await libraryState(test.cast.organisationId)).toEqual(demoBefore);
    expect(
      storedCompetency((await currentOf("toepassing-beleid")).profile, "communiceren"),
    ).toEqual(demoCommuniceren);

    // And the other way round: their profile id under the demo's HR is a 404.
    const foreign = await post(
      theirs.id,
      editFormFields(valuesOf(await currentIn(organisationId, "projectleider")), [
        ["intent", "review"],
      ]),
    );
    expect(statusOf(foreign)).toBe(404);
  });
});

describe("forged hidden keys", () => {
  it("refuses a key the edited version does not have, of another kind, twice or too long", async () => {
    const projectleider = await currentOf("projectleider");
    const before = await libraryState(test.cast.organisationId);
    const forgeries: [string, (values: ProfileEditInput) => void][] = [
      [
        "a competency key of another profile",
        (v) => (v.clusters![0]!.competencies![0]!.key = "kennis-van-de-klant"),
      ],
      [
        "a cluster key on an indicator",
        (v) => (v.clusters![1]!.competencies![0]!.indicators![0]!.key = "kennis"),
      ],
      ["a competency key on a cluster", (v) => (v.clusters![2]!.key = "communiceren")],
      [
        "an indicator key on a competency",
        (v) => (v.clusters![0]!.competencies![0]!.key = "communiceren-1"),
      ],
      ["the profile's own key on a cluster", (v) => (v.clusters![0]!.key = "projectleider")],
      [
        "one indicator key twice in a competency",
        (v) => {
          const indicators = v.clusters![1]!.competencies![0]!.indicators!;
          indicators[1]!.key = indicators[0]!.key;
        },
      ],
      [
        "one indicator key in two competencies",
        (v) => {
          const [first, second] = v.clusters![1]!.competencies!;
          second!.indicators!.push({ key: first!.indicators![0]!.key, text: "een kopie" });
        },
      ],
      [
        "one competency key in two clusters",
        (v) => {
          const copy = structuredClone(v.clusters![1]!.competencies![0]!);
          copy.name = "Een andere naam";
          copy.indicators = [{ text: "iets nieuws" }];
          v.clusters![2]!.competencies!.push(copy);
        },
      ],
      [
        "a key of 81 characters",
        (v) => (v.clusters![0]!.competencies![0]!.key = `${"a".repeat(81)}`),
      ],
      [
        "a key of an upper-case variant",
        (v) => (v.clusters![1]!.competencies![0]!.key = "COMMUNICEREN"),
      ],
      [
        "a key with white space around it",
        (v) => (v.clusters![1]!.competencies![0]!.key = " communiceren"),
      ],
    ];
    for (const [what, forge] of forgeries) {
      const values = valuesOf(projectleider);
      values.name = `${values.name} (gewijzigd)`; // something to review besides the forgery
      forge(values);
      expectRefused(
        await post(projectleider.id, editFormFields(values, [["intent", "review"]])),
        what,
      );
      expectRefused(
        await post(
          projectleider.id,
          editFormFields(values, [
            ["intent", "save"],
            ["reviewed", "x"],
          ]),
        ),
        what,
      );
    }
    expect(await libraryState(test.cast.organisationId)).toEqual(before);
  });

  it("neither accepts nor hands out again the key of an indicator removed in an earlier version", async () => {
    const projectleider = await currentOf("projectleider");
    const values = valuesOf(projectleider);
    const initiatief = competencyIn(values, "initiatief");
    const removed = initiatief.indicators!.pop()!;
    expectSaved(await reviewAndSave(projectleider.id, values));

    const next = valuesOf(await currentOf("projectleider"));
    competencyIn(next, "initiatief").indicators!.push({ key: removed.key, text: removed.text });
    expectRefused(
      await post(projectleider.id, editFormFields(next, [["intent", "review"]])),
      "the removed key",
    );

    const readded = valuesOf(await currentOf("projectleider"));
    competencyIn(readded, "initiatief").indicators!.push({ text: removed.text! });
    expectSaved(await reviewAndSave(projectleider.id, readded));
    const stored = storedCompetency((await currentOf("projectleider")).profile, "initiatief")!;
    expect(stored.indicators.at(-1)!.text).toBe(removed.text);
    expect(stored.indicators.at(-1)!.id).not.toBe(removed.key);
  });
});

describe("hostile list buttons", () => {
  const intent = (value: unknown) => JSON.stringify(value);

  it("refuses an `__intent__` that is no well-formed list button with a 400", async () => {
    const projectleider = await currentOf("projectleider");
    const before = await libraryState(test.cast.organisationId);
    const values = valuesOf(projectleider);
    const hostile = [
      "",
      "null",
      "1",
      '"insert"',
      "[]",
      intent({ type: 1, payload: { name: "clusters" } }),
      intent({ type: "insert" }),
      intent({ type: "remove", payload: null }),
      intent({ type: "remove", payload: "clusters" }),
      intent({ type: "remove", payload: { name: 5, index: 0 } }),
      intent({ type: "update", payload: { name: "name", value: "gekaapt" } }),
      intent({ type: "reset", payload: {} }),
      intent({ type: "validate", payload: { name: "name" } }),
      intent({ type: "insert", payload: { name: "clusters[0]" } }),
      intent({ type: "insert", payload: { name: "clusters[0].name" } }),
      intent({ type: "insert", payload: { name: "baseVersion" } }),
      intent({ type: "insert", payload: { name: "clusters[0].competencies[0].indicators[0]" } }),
      intent({ type: "remove", payload: { name: "toString", index: 0 } }),
      intent({ type: "insert", payload: { name: "clusters[-1].competencies" } }),
      intent({ type: "insert", payload: { name: "clusters[].competencies" } }),
      intent({ type: "insert", payload: { name: "clusters..competencies" } }),
      intent({ type: "insert", payload: { name: "__proto__.polluted" } }),
      intent({ type: "insert", payload: { name: "constructor.prototype.polluted" } }),
      intent({ type: "insert", payload: { name: "clusters[0].__proto__.polluted" } }),
      intent({ type: "insert", payload: { name: "clusters", defaultValue: "x".repeat(2100) } }),
    ];
    for (const value of hostile) {
      const outcome = await post(projectleider.id, editFormFields(values, [["__intent__", value]]));
      expectRefused(outcome, value.slice(0, 80));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await libraryState(test.cast.organisationId)).toEqual(before);
  });

  it("refuses list buttons at positions no list has, answers harmless odd ones with the form; never a 500, a save or a polluted prototype", async () => {
    const projectleider = await currentOf("projectleider");
    const before = await libraryState(test.cast.organisationId);
    const values = valuesOf(projectleider);
    const forged = [
      { type: "insert", payload: { name: "clusters", index: 1e9 } },
      { type: "insert", payload: { name: "clusters", index: -5 } },
      { type: "insert", payload: { name: "clusters", index: "0" } },
      { type: "remove", payload: { name: "clusters", index: 1e300 } },
      { type: "reorder", payload: { name: "clusters", from: -1, to: 1e9 } },
      { type: "reorder", payload: { name: "clusters[0].competencies", from: 0, to: -1 } },
      { type: "remove", payload: { name: "hasOwnProperty.x", index: 0 } },
      { type: "insert", payload: { name: "clusters[0].name" } },
      { type: "insert", payload: { name: "clusters", defaultValue: "x" } },
    ];
    for (const value of forged) {
      const outcome = await post(
        projectleider.id,
        editFormFields(values, [["__intent__", intent(value)]]),
      );
      expect(statusOf(outcome), describeOutcome(outcome)).toBe(400);
    }
    const harmless = [
      { type: "insert", payload: { name: "clusters", defaultValue: { key: "kennis", name: "x" } } },
      {
        type: "insert",
        payload: { name: "clusters", defaultValue: JSON.parse('{"__proto__":{"polluted":1}}') },
      },
      {
        type: "insert",
        payload: {
          name: "clusters[0].competencies",
          defaultValue: JSON.parse('{"constructor":{"prototype":{"polluted":1}}}'),
        },
      },
      { type: "reorder", payload: { name: "clusters", from: 0, to: 99 } },
    ];
    for (const value of harmless) {
      const outcome = await post(
        projectleider.id,
        editFormFields(values, [["__intent__", intent(value)]]),
      );
      expect(statusOf(outcome), describeOutcome(outcome)).toBe(200);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect(await libraryState(test.cast.organisationId)).toEqual(before);
  });

  it("never saves when a list button comes with `intent=save` and a valid fingerprint", async () => {
    const projectleider = await currentOf("projectleider");
    const values = valuesOf(projectleider);
    values.name = `${values.name} (lijstknop)`;
    const { fingerprint } = await review(projectleider.id, values);
    const outcome = await post(
      projectleider.id,
      editFormFields(values, [
        ["intent", "save"],
        ["reviewed", fingerprint],
        ["__intent__", intent({ type: "reorder", payload: { name: "clusters", from: 0, to: 0 } })],
      ]),
    );
    expect(statusOf(outcome), describeOutcome(outcome)).toBe(200);
    expect(answerOf(outcome).review).toBeNull();
    expect((await currentOf("projectleider")).version).toBe(projectleider.version);
  });

  // FINDING: a list button may aim at any index of a list, far beyond the editor's limits:
  // `clusters[10000000].competencies` makes Conform grow `clusters` to ten million entries,
  // and the action answers 200 with that list as the form's initialValue (30 MB over the
  // wire from a post of 2 kB; indexes up to 4,294,967,294 fit in the 2,000-character intent;
  // without JavaScript the page would even try to render every cluster). A list button
  // should only aim at the editor's own lists, within their limits (a 400 otherwise).
  it("refuses a list button aimed at an index far beyond the limits", async () => {
    const projectleider = await currentOf("projectleider");
    const outcome = await post(
      projectleider.id,
      editFormFields(valuesOf(projectleider), [
        [
          "__intent__",
          intent({ type: "insert", payload: { name: "clusters[10000000].competencies" } }),
        ],
      ]),
    );
    if (statusOf(outcome) !== 400) {
      const clusters = answerOf(outcome).result.initialValue?.clusters as unknown[];
      expect(clusters.length).toBeLessThanOrEqual(EDIT_LIMITS.clusters + 1);
    }
  });
});

describe("fields the form does not have", () => {
  it("refuses unknown, repeated and aliased field names with a 400", async () => {
    const projectleider = await currentOf("projectleider");
    const before = await libraryState(test.cast.organisationId);
    const values = valuesOf(projectleider);
    values.name = `${values.name} (gewijzigd)`;
    const extras: Fields[] = [
      [["clusters[0].id", "kennis"]],
      [["clusters[0].competencies[0].indicators[0].id", "x"]],
      [["clusters[0].competencies[0].organisationwide", "on"]],
      [["__state__", "{}"]],
      [["clusters[100].name", "Te ver"]],
      [["clusters[0].competencies[0].indicators[123].text", "Te ver"]],
      [["name[]", "x"]],
      [["profileId", "iets-anders"]],
      [["organisationId", test.cast.organisationId]],
      [["__proto__[polluted]", "1"]],
      [["clusters[0].__proto__", "1"]],
      [["baseVersion", "1"]], // twice
      [["intent", "save"]], // with "review" below: twice
    ];
    for (const extra of extras) {
      const outcome = await post(
        projectleider.id,
        editFormFields(values, [["intent", "review"], ...extra]),
      );
      expectRefused(outcome, extra[0]![0]);
    }
    // One field under two spellings of its index: never a 500.
    const aliased = await post(
      projectleider.id,
      editFormFields(values, [
        ["intent", "review"],
        ["clusters[00].name", "Een tweede naam"],
      ]),
    );
    expectRefused(aliased, "clusters[00].name");
    const aliasedKey = await post(
      projectleider.id,
      editFormFields(values, [
        ["intent", "review"],
        ["clusters[1].competencies[00].key", "klantgericht-werken"],
      ]),
    );
    expectRefused(aliasedKey, "clusters[1].competencies[00].key");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await libraryState(test.cast.organisationId)).toEqual(before);
  });

  it("refuses a form of another shape: no clusters, a cluster without competencies, an odd version", async () => {
    const projectleider = await currentOf("projectleider");
    const values = valuesOf(projectleider);
    const noClusters = await post(projectleider.id, [
      ["baseVersion", String(projectleider.version)],
      ["name", "Alleen een naam"],
      ["intent", "review"],
    ]);
    expectRefused(noClusters, "no clusters");
    expect(answerOf(noClusters).result.error?.clusters).toEqual(["profiles.edit.issue.noClusters"]);
    const emptyCluster = structuredClone(values);
    emptyCluster.clusters![0]!.competencies = [];
    expectRefused(
      await post(projectleider.id, editFormFields(emptyCluster, [["intent", "review"]])),
      "a cluster without competencies",
    );
    for (const baseVersion of ["0", "-1", "1.5", "abc", "1e400", "99999999999"]) {
      const fields = editFormFields(values, [["intent", "review"]]).map(
        ([name, value]): [string, string] => [name, name === "baseVersion" ? baseVersion : value],
      );
      expectRefused(await post(projectleider.id, fields), `baseVersion ${baseVersion}`);
    }
    // Holes in the lists (index 0 and 5 only): refused, not filled in.
    const holes = await post(projectleider.id, [
      ["baseVersion", String(projectleider.version)],
      ["name", "Met gaten"],
      ["clusters[5].name", "Vijfde"],
      ["clusters[5].competencies[3].name", "Derde"],
      ["clusters[5].competencies[3].indicators[7].text", "Zevende"],
      ["intent", "review"],
    ]);
    expectRefused(holes, "holes");
  });
});

describe("limits and text", () => {
  it("refuses more clusters, competencies or indicators than the editor allows", async () => {
    const projectleider = await currentOf("projectleider");
    const before = await libraryState(test.cast.organisationId);
    const base = valuesOf(projectleider);

    const clusters = structuredClone(base);
    for (let c = clusters.clusters!.length; c <= EDIT_LIMITS.clusters; c++) {
      clusters.clusters!.push({
        name: `Cluster ${c}`,
        competencies: [
          { name: `Competentie ${c}`, description: "", indicators: [{ text: "doet het" }] },
        ],
      });
    }
    const tooManyClusters = await post(
      projectleider.id,
      editFormFields(clusters, [["intent", "review"]]),
    );
    expectRefused(tooManyClusters, "clusters");
    expect(answerOf(tooManyClusters).result.error?.clusters).toEqual([
      messageRef("profiles.edit.issue.tooMany", { max: EDIT_LIMITS.clusters }),
    ]);

    const competencies = structuredClone(base);
    const list = competencies.clusters![0]!.competencies!;
    for (let k = list.length; k <= EDIT_LIMITS.competenciesPerCluster; k++) {
      list.push({
        name: `Extra competentie ${k}`,
        description: "",
        indicators: [{ text: "doet het" }],
      });
    }
    const tooManyCompetencies = await post(
      projectleider.id,
      editFormFields(competencies, [["intent", "review"]]),
    );
    expectRefused(tooManyCompetencies, "competencies");
    expect(answerOf(tooManyCompetencies).result.error?.["clusters[0].competencies"]).toEqual([
      messageRef("profiles.edit.issue.tooMany", { max: EDIT_LIMITS.competenciesPerCluster }),
    ]);

    const indicators = structuredClone(base);
    const own = indicators.clusters![0]!.competencies![0]!.indicators!;
    for (let i = own.length; i <= EDIT_LIMITS.indicatorsPerCompetency; i++) {
      own.push({ text: `indicator nummer ${i}` });
    }
    const tooManyIndicators = await post(
      projectleider.id,
      editFormFields(indicators, [["intent", "review"]]),
    );
    expectRefused(tooManyIndicators, "indicators");
    expect(
      answerOf(tooManyIndicators).result.error?.["clusters[0].competencies[0].indicators"],
    ).toEqual([
      messageRef("profiles.edit.issue.tooMany", { max: EDIT_LIMITS.indicatorsPerCompetency }),
    ]);
    expect(await libraryState(test.cast.organisationId)).toEqual(before);
  });

  it("refuses text over its length, and takes a description of exactly 3000 characters", async () => {
    const projectleider = await currentOf("projectleider");
    const tooLong = (max: number) => [messageRef("profiles.edit.issue.tooLong", { max })];
    const cases: [string, (v: ProfileEditInput) => void, string, number][] = [
      [
        "description",
        (v) => (v.clusters![0]!.competencies![0]!.description = "a".repeat(3001)),
        "clusters[0].competencies[0].description",
        EDIT_LIMITS.description,
      ],
      [
        "description far over",
        (v) => (v.clusters![0]!.competencies![0]!.description = "a ".repeat(10_000)),
        "clusters[0].competencies[0].description",
        EDIT_LIMITS.description,
      ],
      ["profile description", (v) => (v.description = "b".repeat(3001)), "description", 3000],
      ["profile name", (v) => (v.name = "c".repeat(201)), "name", EDIT_LIMITS.profileName],
      [
        "competency name",
        (v) => (v.clusters![0]!.competencies![0]!.name = "d".repeat(121)),
        "clusters[0].competencies[0].name",
        EDIT_LIMITS.competencyName,
      ],
      [
        "indicator",
        (v) => (v.clusters![0]!.competencies![0]!.indicators![0]!.text = "e".repeat(501)),
        "clusters[0].competencies[0].indicators[0].text",
        EDIT_LIMITS.indicator,
      ],
    ];
    for (const [what, change, path, max] of cases) {
      const values = valuesOf(projectleider);
      change(values);
      const outcome = await post(projectleider.id, editFormFields(values, [["intent", "review"]]));
      expectRefused(outcome, what);
      expect(answerOf(outcome).result.error?.[path], what).toEqual(tooLong(max));
    }

    const exact = valuesOf(projectleider);
    const description = `${"Lange beschrijving. ".repeat(149)}En dat is het einde.`;
    expect(description).toHaveLength(3000);
    competencyIn(exact, "initiatief").description = description;
    const reviewed = await review(projectleider.id, exact);
    expect(reviewed.diff.competencies.map((c) => c.description?.after)).toEqual([description]);
    expect((await currentOf("projectleider")).version).toBe(projectleider.version);
  });

  it("refuses control, bidi and invisible characters in every text, and keeps line breaks in a description", async () => {
    const projectleider = await currentOf("projectleider");
    const hostile = [
      "Ko\u0000rt",
      "abc\u202Egnp.exe",
      "zero\u200Bwidth",
      "soft\u00ADhyphen",
      "esc\u001B[31m",
      "line\u2028sep",
      "b\uFEFFom",
      "q\u0301\u0301\u0301\u0301",
      "replacement\uFFFD",
      "private\uE000use",
    ];
    const paths: [string, (v: ProfileEditInput, text: string) => void][] = [
      ["name", (v, t) => (v.name = `Profiel ${t}`)],
      ["clusters[0].name", (v, t) => (v.clusters![0]!.name = `Cluster ${t}`)],
      [
        "clusters[0].competencies[0].name",
        (v, t) => (v.clusters![0]!.competencies![0]!.name = `Naam ${t}`),
      ],
      [
        "clusters[0].competencies[0].indicators[0].text",
        (v, t) => (v.clusters![0]!.competencies![0]!.indicators![0]!.text = `doet ${t}`),
      ],
      [
        "clusters[0].competencies[0].description",
        (v, t) => (v.clusters![0]!.competencies![0]!.description = `Eerste regel.\nTweede ${t}`),
      ],
      ["description", (v, t) => (v.description = `Eerste regel.\r\n\r\nTweede ${t}`)],
    ];
    for (const text of hostile) {
      for (const [path, put] of paths) {
        const values = valuesOf(projectleider);
        put(values, text);
        const outcome = await post(
          projectleider.id,
          editFormFields(values, [["intent", "review"]]),
        );
        expectRefused(outcome, `${path} ${JSON.stringify(text)}`);
        expect(answerOf(outcome).result.error?.[path], path).toEqual([
          "profiles.edit.issue.notText",
        ]);
      }
    }
    // Ordinary white space is text: tabs and runs of spaces collapse in a name; a
    // description is paragraphs, as the Markdown format holds it (a blank line between two;
    // a single line break, CRLF or LF, is a space).
    const values = valuesOf(projectleider);
    competencyIn(values, "initiatief").name = "Initiatief\t\u00A0 nemen";
    competencyIn(values, "initiatief").description =
      "Eerste regel.\r\nTweede regel.\r\n\r\nTweede alinea.";
    const reviewed = await review(projectleider.id, values);
    const diff = reviewed.diff.competencies.find((c) => c.key === "initiatief")!;
    expect(diff.rename?.after).toBe("Initiatief nemen");
    expect(diff.description?.after).toBe("Eerste regel. Tweede regel.\n\nTweede alinea.");
  });
});

describe("the review fingerprint", () => {
  it("shows the review again, and saves nothing, for a forged, missing or foreign fingerprint", async () => {
    const projectleider = await currentOf("projectleider");
    const values = valuesOf(projectleider);
    values.name = `${values.name} (vingerafdruk)`;
    const honest = await review(projectleider.id, values);

    const other = valuesOf(projectleider);
    other.name = `${other.name} (iets anders)`;
    const foreign = await review(projectleider.id, other);

    for (const fingerprint of [
      "0".repeat(32),
      honest.fingerprint.toUpperCase(),
      `${honest.fingerprint} `,
      honest.fingerprint.slice(0, 31),
      foreign.fingerprint,
      "",
    ]) {
      const outcome = await save(projectleider.id, values, fingerprint);
      const again = reviewOf(outcome);
      expect(again.changedSinceReview, fingerprint).toBe(true);
      expect(again.fingerprint).toBe(honest.fingerprint);
    }
    const none = reviewOf(
      await post(projectleider.id, editFormFields(values, [["intent", "save"]])),
    );
    expect(none.changedSinceReview).toBe(true);
    expectRefused(await save(projectleider.id, values, "f".repeat(65)), "a fingerprint of 65");
    expect((await currentOf("projectleider")).version).toBe(projectleider.version);
  });

  it("saves a resubmitted save once: the second is refused as stale", async () => {
    const projectleider = await currentOf("projectleider");
    const values = valuesOf(projectleider);
    competencyIn(values, "initiatief").description = "Neemt zelf het initiatief.";
    const { fingerprint } = await review(projectleider.id, values);
    expectSaved(await save(projectleider.id, values, fingerprint));
    const again = await save(projectleider.id, values, fingerprint);
    expect(statusOf(again), describeOutcome(again)).toBe(409);
    expect(answerOf(again).result.error?.[""]).toEqual([
      messageRef("profiles.edit.issue.stale", { version: projectleider.version + 1 }),
    ]);
    expect((await currentOf("projectleider")).version).toBe(projectleider.version + 1);
  });

  it("shows the review again when another profile that takes the edit changed meanwhile, and keeps that change", async () => {
    const projectleider = await currentOf("projectleider");
    const values = valuesOf(projectleider);
    competencyIn(values, "communiceren").indicators![0]!.text = REWORDED;
    const reviewed = await review(projectleider.id, values);
    expect(reviewed.shared.length).toBe(2);

    // Meanwhile, Toepassing beleid gets a new name.
    const beleid = await currentOf("toepassing-beleid");
    const renamed = valuesOf(beleid);
    renamed.name = "Competentieprofiel Beleid (nieuw)";
    expectSaved(await reviewAndSave(beleid.id, renamed));

    const outcome = await save(projectleider.id, values, reviewed.fingerprint);
    expect(reviewOf(outcome).changedSinceReview).toBe(true);
    expect((await currentOf("projectleider")).version).toBe(projectleider.version);

    // Reviewed again, it saves, and Toepassing beleid keeps its new name.
    expectSaved(await reviewAndSave(projectleider.id, values));
    const after = await currentOf("toepassing-beleid");
    expect(after.profile.name).toBe("Competentieprofiel Beleid (nieuw)");
    expect(storedCompetency(after.profile, "communiceren")!.indicators[0]!.text).toBe(REWORDED);
  });
});

describe("a retired profile", () => {
  it("cannot be opened or saved, and is not touched when another profile changes a competency it holds", async () => {
    const projectleider = await currentOf("projectleider");
    const values = valuesOf(projectleider);
    values.name = `${values.name} (met pensioen)`;
    const { fingerprint } = await review(projectleider.id, values);
    expect(
      await retireProfile(test.db, test.cast.organisationId, projectleider.id, test.cast.hr.id),
    ).toEqual({ status: "retired" });
    try {
      expect(statusOf(await load(projectleider.id))).toBe(409);
      const saved = await save(projectleider.id, values, fingerprint);
      expect(statusOf(saved), describeOutcome(saved)).toBe(409);
      const reviewed = await post(projectleider.id, editFormFields(values, [["intent", "review"]]));
      expect(statusOf(reviewed), describeOutcome(reviewed)).toBe(409);
      const listButton = await post(
        projectleider.id,
        editFormFields(values, [
          [
            "__intent__",
            JSON.stringify({ type: "remove", payload: { name: "clusters", index: 0 } }),
          ],
        ]),
      );
      expect(statusOf(listButton), describeOutcome(listButton)).not.toBe(500);

      // Another profile changes "Samenwerken", which the retired profile holds too.
      const beleid = await currentOf("toepassing-beleid");
      const edit = valuesOf(beleid);
      const samenwerken = competencyIn(edit, "samenwerken");
      const original = samenwerken.description;
      samenwerken.description = "Werkt samen, ook met wie met pensioen is.";
      const shared = await review(beleid.id, edit);
      expect(shared.shared.map((s) => s.name)).not.toContain(projectleider.profile.name);
      expectSaved(await save(beleid.id, edit, shared.fingerprint));
      const retired = await currentOf("projectleider");
      expect(retired.version).toBe(projectleider.version);
      expect(retired.profile).toEqual(projectleider.profile);

      // Back as it was, so the library holds one Samenwerken again.
      const back = valuesOf(await currentOf("toepassing-beleid"));
      competencyIn(back, "samenwerken").description = original;
      expectSaved(await reviewAndSave(beleid.id, back));
    } finally {
      await reinstateProfile(test.db, test.cast.organisationId, projectleider.id, test.cast.hr.id);
    }
  });
});

describe("shared competencies", () => {
  it("refuses an edit that would give another profile two competencies of one name", async () => {
    const projectleider = await currentOf("projectleider");
    const beleid = await currentOf("toepassing-beleid");
    const before = await libraryState(test.cast.organisationId);
    const theirsOnly = storedCompetency(beleid.profile, "kennis-van-de-klant")!;
    expect(storedCompetency(projectleider.profile, "kennis-van-de-klant")).toBeUndefined();
    for (const name of [theirsOnly.name, theirsOnly.name.toUpperCase(), ` ${theirsOnly.name}  `]) {
      const values = valuesOf(projectleider);
      competencyIn(values, "communiceren").name = name;
      const reviewed = await post(projectleider.id, editFormFields(values, [["intent", "review"]]));
      expect(statusOf(reviewed), describeOutcome(reviewed)).toBe(409);
      expect(answerOf(reviewed).result.error?.[""]).toEqual([
        messageRef("profiles.edit.issue.sharedConflict", { profile: beleid.profile.name }),
      ]);
      const saved = await save(projectleider.id, values, "0".repeat(32));
      expect(statusOf(saved), describeOutcome(saved)).toBe(409);
    }
    expect(await libraryState(test.cast.organisationId)).toEqual(before);
  });

  it("gives no other profile a new version when the edit changes no competency they hold", async () => {
    const projectleider = await currentOf("projectleider");
    const before = await libraryState(test.cast.organisationId);
    const values = valuesOf(projectleider);
    values.name = `${projectleider.profile.name} 2030`;
    // Reordering shared competencies within this profile is not a change of them.
    values.clusters![1]!.competencies!.reverse();
    const reviewed = await review(projectleider.id, values);
    expect(reviewed.shared).toEqual([]);
    expectSaved(await save(projectleider.id, values, reviewed.fingerprint));
    expect(await libraryState(test.cast.organisationId)).toEqual({
      ...before,
      projectleider: { ...before.projectleider, version: projectleider.version + 1 },
    });
  });

  it("gives a new element a key of its own, even when its name is another profile's competency", async () => {
    const projectleider = await currentOf("projectleider");
    const beleid = await currentOf("toepassing-beleid");
    const theirs = storedCompetency(beleid.profile, "kennis-van-het-vak")!;
    const values = valuesOf(projectleider);
    values.clusters![0]!.competencies!.push({
      name: theirs.name,
      description: "Een eigen competentie met dezelfde naam.",
      indicators: [{ text: "kent het vak" }],
    });
    const reviewed = await review(projectleider.id, values);
    expect(reviewed.shared).toEqual([]);
    expectSaved(await save(projectleider.id, values, reviewed.fingerprint));
    const added = (await currentOf("projectleider")).profile.clusters[0]!.competencies.at(-1)!;
    expect(added.name).toBe(theirs.name);
    expect(added.id).not.toBe(theirs.id);
    expect(theirs.indicators.map((i) => i.id)).not.toContain(added.indicators[0]!.id);
    expect((await currentOf("toepassing-beleid")).version).toBe(beleid.version);
  });
});

describe("rounds", () => {
  it("keeps the version a started round took, for the round and each participant", async () => {
    const cycleId = await collectingCycleId(test.db);
    const taken = async () => {
      const cycle = await test.db
        .selectFrom("cycle")
        .select("profile_snapshot_id")
        .where("id", "=", cycleId)
        .executeTakeFirstOrThrow();
      const participants = await test.db
        .selectFrom("participant")
        .select(["id", "profile_snapshot_id"])
        .where("cycle_id", "=", cycleId)
        .orderBy("id")
        .execute();
      const versions = [
        ...new Set(
          [cycle.profile_snapshot_id, ...participants.map((p) => p.profile_snapshot_id)].filter(
            (id): id is string => id !== null,
          ),
        ),
      ].sort();
      return {
        cycle,
        participants,
        contents: await Promise.all(versions.map((id) => readProfileVersion(test.db, id))),
      };
    };
    const before = await taken();
    // The round is on Toepassing beleid, some participants on Medewerker publiekszaken.
    expect(before.contents.map((p) => p.id).sort()).toEqual([
      "medewerker-publiekszaken",
      "toepassing-beleid",
    ]);

    const projectleider = await currentOf("projectleider");
    const values = valuesOf(projectleider);
    const communiceren = competencyIn(values, "communiceren");
    communiceren.indicators!.reverse();
    communiceren.indicators![0]!.text = "legt uit wat de afspraak is, en checkt of het overkwam";
    communiceren.indicators!.splice(1, 1);
    communiceren.indicators!.push({ text: "schrijft helder" });
    const reviewed = await review(projectleider.id, values);
    expect(reviewed.shared.length).toBe(2);
    expectSaved(await save(projectleider.id, values, reviewed.fingerprint));

    const after = await taken();
    expect(after).toEqual(before);
    for (const key of ["toepassing-beleid", "medewerker-publiekszaken"]) {
      const now = await currentOf(key);
      expect(storedCompetency(now.profile, "communiceren")!.indicators.at(-1)!.text).toBe(
        "schrijft helder",
      );
      expect(after.contents.map((p) => JSON.stringify(p))).not.toContain(
        JSON.stringify(now.profile),
      );
    }
  });
});

describe("saves that race", () => {
  it("saves one of two identical saves sent at once", async () => {
    const projectleider = await currentOf("projectleider");
    const before = await libraryState(test.cast.organisationId);
    const values = valuesOf(projectleider);
    competencyIn(values, "communiceren").description = "Tegelijk opgeslagen.";
    const { fingerprint } = await review(projectleider.id, values);
    const outcomes = await Promise.all([
      save(projectleider.id, values, fingerprint),
      save(projectleider.id, values, fingerprint),
    ]);
    expect(outcomes.filter((o) => redirectLocation(o) !== null)).toHaveLength(1);
    expect(outcomes.map(statusOf).sort()).toEqual([302, 409]);
    const after = await libraryState(test.cast.organisationId);
    for (const key of ["projectleider", "toepassing-beleid", "medewerker-publiekszaken"]) {
      expect(after[key]!.version, key).toBe(before[key]!.version + 1);
    }
  });

  it("saves one of two reviewed edits of profiles that share a competency, and loses neither silently", async () => {
    const projectleider = await currentOf("projectleider");
    const beleid = await currentOf("toepassing-beleid");
    const shared = valuesOf(projectleider);
    competencyIn(shared, "samenwerken").indicators![0]!.text =
      "deelt kennis zonder dat erom gevraagd wordt";
    const own = valuesOf(beleid);
    own.name = `${beleid.profile.name} (race)`;
    const [sharedReview, ownReview] = [
      await review(projectleider.id, shared),
      await review(beleid.id, own),
    ];
    const [sharedSave, ownSave] = await Promise.all([
      save(projectleider.id, shared, sharedReview.fingerprint),
      save(beleid.id, own, ownReview.fingerprint),
    ]);
    const savedShared = redirectLocation(sharedSave) !== null;
    const savedOwn = redirectLocation(ownSave) !== null;
    expect([savedShared, savedOwn].filter(Boolean), describeOutcome(sharedSave)).toHaveLength(1);
    const now = await currentOf("toepassing-beleid");
    if (savedShared) {
      // Toepassing beleid's own edit came second: refused, its HR told so.
      expect(statusOf(ownSave)).toBe(409);
      expect(now.profile.name).toBe(beleid.profile.name);
      expect(storedCompetency(now.profile, "samenwerken")!.indicators[0]!.text).toBe(
        "deelt kennis zonder dat erom gevraagd wordt",
      );
    } else {
      // The shared edit came second: its review (which named the old Toepassing beleid) again.
      expect(reviewOf(sharedSave).changedSinceReview).toBe(true);
      expect(now.profile.name).toBe(own.name);
      expect(now.version).toBe(beleid.version + 1);
    }
  });
});

describe("what the editor stores", () => {
  let organisationId: string;
  let hrOfOther: string;
  beforeAll(async () => {
    const other = await createOtherOrganisation(test.db, { isHrAdmin: true });
    organisationId = other.organisationId;
    hrOfOther = await signedInCookie(test.db, other.personId);
  });

  /** A profile of the other organisation's library, as an import would have stored it. */
  async function imported(profile: Profile): Promise<Current> {
    await saveProfileVersion(test.db, { organisationId, personId: null, profile });
    return currentIn(organisationId, profile.id);
  }

  const small = (id: string, competencyKey: string): Profile =>
    ProfileSchema.parse({
      id,
      name: `Profiel ${id}`,
      clusters: [
        {
          id: `${id}-cluster`,
          name: "Vaardigheden",
          competencies: [
            {
              id: competencyKey,
              name: "Plannen",
              description: "Plant het werk.",
              organisationWide: false,
              indicators: [{ id: `${id}-indicator`, text: "maakt een planning" }],
            },
          ],
        },
      ],
    });

  // FINDING: a new indicator's key is its competency's key numbered ("<key>-1"), never
  // shortened; a competency whose key is 79 or 80 characters long (allowed in a profile file
  // and so in the library) gets an indicator key over the 80 characters a profile allows.
  // The editor stores the version without checking it, so the library then holds a version
  // that its own Markdown export cannot bring back in.
  it("stores only versions that are valid profiles (a long competency key)", async () => {
    const longKey = `lange-sleutel-${"x".repeat(65)}`;
    expect(longKey).toHaveLength(79);
    const current = await imported(small("lange-sleutels", longKey));
    const values = valuesOf(current);
    values.clusters![0]!.competencies![0]!.indicators!.push({ text: "houdt de planning bij" });
    const outcome = await reviewAndSave(current.id, values, hrOfOther);
    expect(statusOf(outcome), describeOutcome(outcome)).not.toBe(500);
    const stored = (await currentIn(organisationId, "lange-sleutels")).profile;
    expect(ProfileSchema.safeParse(stored).success).toBe(true);
  });

  /** The current version through the Markdown export and back in. */
  async function exportedAndBack(key: string) {
    const stored = (await currentIn(organisationId, key)).profile;
    const parsed = parseProfileMarkdown(serializeProfileMarkdown(stored), `${key}.md`);
    return { stored, parsed: parsed.ok ? parsed.profile : parsed };
  }

  it("stores what the Markdown export carries: names, `***` and descriptions in paragraphs", async () => {
    const current = await imported(small("rondreis", "plannen"));
    const values = valuesOf(current);
    const competency = values.clusters![0]!.competencies![0]!;
    competency.name = "Plannen & organiseren {#iets} #1";
    competency.organisationWide = true;
    competency.description = "Eerste alinea.\n\n- Tweede alinea, als een opsomming.";
    competency.indicators![0]!.text = "- begint met een streepje {#nep}";
    values.clusters![0]!.name = "# Vaardigheden";
    expectSaved(await reviewAndSave(current.id, values, hrOfOther));
    const { stored, parsed } = await exportedAndBack("rondreis");
    expect(parsed).toEqual(stored);
  });

  // A competency name ending in "***" (HR typing the mark the Markdown format and the
  // import use, instead of ticking the box) would come back from the export as an
  // organisation-wide competency of another name: refused, pointing at the check box.
  it("refuses a competency name ending in *, which the export would read as the *** mark", async () => {
    const current = await imported(small("sterretjes", "plannen-sterretjes"));
    for (const name of ["Plannen ***", "Plannen*"]) {
      const values = valuesOf(current);
      values.clusters![0]!.competencies![0]!.name = name;
      const outcome = await post(
        current.id,
        editFormFields(values, [["intent", "review"]]),
        hrOfOther,
      );
      expect(statusOf(outcome)).toBe(400);
      expect(answerOf(outcome).result.error?.["clusters[0].competencies[0].name"]).toEqual([
        "profiles.edit.issue.starInName",
      ]);
    }
  });

  // FINDING: the editor keeps single line breaks in a description ("line breaks kept"), but
  // the export writes paragraphs only: "Eerste regel.\nTweede regel." comes back from the
  // download as "Eerste regel. Tweede regel.". The round trip file -> library -> file is
  // lossy for anything HR typed on two lines.
  it("stores a description the export carries: single line breaks", async () => {
    const current = await imported(small("regels", "plannen-regels"));
    const values = valuesOf(current);
    values.clusters![0]!.competencies![0]!.description = "Eerste regel.\nTweede regel.";
    expectSaved(await reviewAndSave(current.id, values, hrOfOther));
    const { stored, parsed } = await exportedAndBack("regels");
    expect(parsed).toEqual(stored);
  });
});

describe("a profile that came in through an import", () => {
  let organisationId: string;
  let hrOfOther: string;
  beforeAll(async () => {
    const other = await createOtherOrganisation(test.db, { isHrAdmin: true });
    organisationId = other.organisationId;
    hrOfOther = await signedInCookie(test.db, other.personId);
  });

  /** A profile file as HR uploads it, read by the import's parser and stored; null if refused. */
  async function importedFile(id: string, body: string): Promise<Current | null> {
    const parsed = parseProfileMarkdown(
      `---\nid: ${id}\nname: Profiel ${id}\n---\n\n${body}`,
      `${id}.md`,
    );
    if (!parsed.ok) return null; // the import refuses it: then the editor never meets it
    await saveProfileVersion(test.db, { organisationId, personId: null, profile: parsed.profile });
    return currentIn(organisationId, id);
  }

  /** HR renames the imported profile, touching nothing else, and asks for the review. */
  function renamed(current: Current | null, name: string) {
    if (current === null) throw new Error("the import refused the profile");
    const values = valuesOf(current);
    values.name = name;
    return post(current.id, editFormFields(values, [["intent", "review"]]), hrOfOther);
  }

  // FINDING: the import takes text the editor refuses (here a soft hyphen, as text copied
  // from a web page or a word processor has; likewise zero-width spaces and bidi marks). The
  // editor opens such a profile, but every review of any edit is refused with "not text" on
  // a field HR did not touch and cannot see anything wrong in: the profile cannot be edited
  // until HR finds the invisible character.
  it("lets HR edit an imported profile whose text holds an invisible character", async () => {
    const current = await importedFile(
      "zacht",
      "# Vaardigheden {#vaardigheden}\n\n## Plannen {#plannen}\n\n" +
        "- maakt een werk\u00ADplanning {#plannen-1}\n",
    );
    const outcome = await renamed(current, "Profiel zacht (nieuwe naam)");
    expect(statusOf(outcome), describeOutcome(outcome)).toBe(200);
    expect(reviewOf(outcome).diff.name?.after).toBe("Profiel zacht (nieuwe naam)");
    // The indicator HR did not touch is no change, and keeps its stored text.
    expect(reviewOf(outcome).diff.competencies).toEqual([]);
  });

  // FINDING (fixed by one limit for both): the import had no limit on indicators per
  // competency (or competencies per cluster, or clusters); the editor did (25, 40, 12), so a
  // library profile over a limit could not be edited at all. Now the import refuses it.
  it("refuses at import a profile with more indicators than a profile may have", async () => {
    const bullets = Array.from(
      { length: EDIT_LIMITS.indicatorsPerCompetency + 1 },
      (_, i) => `- doet ding nummer ${i + 1} {#plannen-${i + 1}}`,
    ).join("\n");
    const atLimit = bullets.split("\n").slice(1).join("\n");
    expect(
      await importedFile(
        "veel",
        `# Vaardigheden {#vaardigheden}\n\n## Plannen {#plannen}\n\n${bullets}\n`,
      ),
    ).toBeNull();
    const current = await importedFile(
      "genoeg",
      `# Vaardigheden {#vaardigheden}\n\n## Plannen {#plannen}\n\n${atLimit}\n`,
    );
    const outcome = await renamed(current, "Profiel genoeg (nieuwe naam)");
    expect(statusOf(outcome), describeOutcome(outcome)).toBe(200);
  });

  // FINDING: the import keeps runs of spaces inside a line; the editor collapses them. An
  // edit of only the profile's name then reviews (and saves) rewordings HR never made,
  // invisible in the before/after (two spaces against one), and a shared competency among
  // them would give every other profile holding it a new version for nothing.
  it("shows only what HR changed for an imported profile with double spaces in its text", async () => {
    const current = await importedFile(
      "spaties",
      "# Vaardigheden {#vaardigheden}\n\n## Plannen {#plannen}\n\nPlant  het werk.\n\n" +
        "- maakt een  planning {#plannen-1}\n",
    );
    const reviewed = reviewOf(await renamed(current, "Profiel spaties (nieuwe naam)"));
    expect(reviewed.diff.competencies).toEqual([]);
  });
});

describe("a shared competency that went apart", () => {
  // FINDING: a retired profile keeps the old wording of a shared competency (by design), and
  // so does it once reinstated. When HR then changes that competency in the reinstated
  // profile, however little, the save copies its whole (old) wording into every current
  // profile that holds it: their newer wording is reverted without the review saying so.
  // The review shows this profile's diff (one indicator reworded) and only names the other
  // profiles; what they lose is nowhere. Either the review should show each other profile's
  // own changes, or the save should carry only what HR changed, or refuse.
  it("does not silently revert other profiles to a reinstated profile's old wording", async () => {
    const publiekszaken = await currentOf("medewerker-publiekszaken");
    expect(
      await retireProfile(test.db, test.cast.organisationId, publiekszaken.id, test.cast.hr.id),
    ).toEqual({ status: "retired" });

    // While it is retired, Communiceren gets a new first indicator in Projectleider (and in
    // Toepassing beleid, which holds it too).
    const projectleider = await currentOf("projectleider");
    const newer = valuesOf(projectleider);
    const wording = "vat samen wat de ander zei voordat hij reageert";
    competencyIn(newer, "communiceren").indicators![0]!.text = wording;
    expectSaved(await reviewAndSave(projectleider.id, newer));
    await reinstateProfile(test.db, test.cast.organisationId, publiekszaken.id, test.cast.hr.id);

    // Back in use, Medewerker publiekszaken rewords only the last indicator of Communiceren.
    const reinstated = await currentOf("medewerker-publiekszaken");
    const edit = valuesOf(reinstated);
    competencyIn(edit, "communiceren").indicators!.at(-1)!.text = "stemt de toon af op de klant";
    const reviewed = await review(reinstated.id, edit);
    // The review shows one reworded indicator, and names the others as taking Communiceren.
    expect(reviewed.diff.competencies[0]!.indicators.map((i) => i.kind)).toEqual(["reworded"]);
    const outcome = await save(reinstated.id, edit, reviewed.fingerprint);
    expect(statusOf(outcome)).not.toBe(500);

    // Projectleider's first indicator was not part of what HR reviewed: it must stay.
    const after = storedCompetency((await currentOf("projectleider")).profile, "communiceren")!;
    expect(after.indicators[0]!.text).toBe(wording);
  });
});
