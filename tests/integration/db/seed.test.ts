import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listLibrary, readProfileVersion } from "~/profiles/library.server";
import { loadProfilesFromDirectory } from "~/profiles/load.server";
import type { Profile } from "~/profiles/schema";
import type { Questionnaire } from "~/rater/questionnaire";
import { readQuestionnaire } from "~/rater/questionnaire.server";
import { openSealedAnswers, type SubmittedAnswer } from "~/rater/sealed-answers.server";
import type { ReportContent } from "~/reports/report-content";
import { loadTeamProfile } from "~/team-profiles/team-profile.server";
import { hashToken } from "~/utils/tokens.server";
import { answerSealKey, unsealText } from "#db/answer-seal";
import type { DB } from "#db/database";
import { seedDemo, seedIfEmpty, type DemoSummary } from "#db/seed/demo";
import { getDemoEntrances } from "#db/seed/demo-entrances";
import { TABLES_IN_DELETE_ORDER } from "#db/seed/reset";
import { createTestDatabase } from "../../support/database";
import { currentUserOf } from "../../support/requests";

const TODAY = new Date(2026, 10, 28, 14, 30);
const TODAY_DAY = "2026-11-28";

const builtInProfiles = loadProfilesFromDirectory(path.resolve("surveys"));

function loadSeedProfile(): Profile {
  const profile = builtInProfiles.find((candidate) => candidate.id === "toepassing-beleid");
  if (!profile) throw new Error("surveys/toepassing-beleid.md ontbreekt");
  return profile;
}

const profile = loadSeedProfile();
const cleanups: (() => Promise<void>)[] = [];

async function seededDatabase(
  seed?: string,
  today = TODAY,
  libraryProfiles: readonly Profile[] = builtInProfiles,
): Promise<{ db: DB; summary: DemoSummary }> {
  const { db, cleanup } = await createTestDatabase();
  cleanups.push(cleanup);
  const summary = await seedDemo(db, { profile, libraryProfiles, seed, today });
  return { db, summary };
}

afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/**
 * Every row of every table, as sorted JSON lines. Sealed drafts and answers are compared by
 * what they hold: each database has its own seal key, and every seal its own random IV.
 */
async function dumpAllTables(db: DB): Promise<Record<string, string[]>> {
  const key = await answerSealKey(db);
  const dump: Record<string, string[]> = {};
  for (const table of TABLES_IN_DELETE_ORDER) {
    const rows = (await db.selectFrom(table).selectAll().execute()).filter(
      // The fingerprint of each database's own seal key.
      (row: Record<string, unknown>) => row.name !== "answer_seal_key_check",
    ) as Record<string, unknown>[];
    for (const row of rows) {
      if (table === "draft") {
        row.answers = unsealText(key, "draft", String(row.invitation_id), String(row.answers));
      }
      if (table === "sealed_answer") {
        row.sealed = unsealText(key, "answer", String(row.cycle_id), String(row.sealed));
      }
      // Link tokens come from the instance's own invitation key, never from the seed.
      if (table === "invitation") delete row.token_hash;
      if (table === "instance_secret" && row.name === "invitation-links") {
        Object.assign(row, { value: "(key)", created_at: "(made by the instance)" });
      }
    }
    dump[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return dump;
}

/** The answers of the collecting cycle wait sealed for its close; these are those answers. */
async function sealedAnswers(db: DB): Promise<SubmittedAnswer[]> {
  const cycles = await db.selectFrom("sealed_answer").select("cycle_id").distinct().execute();
  const answers: SubmittedAnswer[] = [];
  for (const { cycle_id } of cycles) answers.push(...(await openSealedAnswers(db, cycle_id)));
  return answers;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function standardDeviation(values: readonly number[]): number {
  const average = mean(values);
  return Math.sqrt(mean(values.map((value) => (value - average) ** 2)));
}

/**
 * Every participant with the profile they are rated on (their own, or the round's where they
 * have none) and their person's function profile.
 */
async function participantProfiles(db: DB) {
  const rows = await db
    .selectFrom("participant")
    .innerJoin("cycle", "cycle.id", "participant.cycle_id")
    .innerJoin("person", "person.id", "participant.person_id")
    .select([
      "participant.id",
      "participant.cycle_id as cycleId",
      "participant.person_id as personId",
      "participant.profile_key as ownKey",
      "participant.profile_snapshot_id as ownSnapshotId",
      "cycle.profile_key as cycleKey",
      "cycle.profile_snapshot_id as cycleSnapshotId",
      "person.profile_key as functionKey",
    ])
    .execute();
  return rows.map((row) => ({
    ...row,
    key: row.ownKey ?? row.cycleKey,
    snapshotId: row.ownSnapshotId ?? row.cycleSnapshotId ?? "",
  }));
}

/** Questionnaires by snapshot id, each read once. */
function questionnaireReader(db: DB): (snapshotId: string) => Promise<Questionnaire> {
  const read = new Map<string, Promise<Questionnaire>>();
  return (snapshotId) => {
    const questionnaire = read.get(snapshotId) ?? readQuestionnaire(db, snapshotId);
    read.set(snapshotId, questionnaire);
    return questionnaire;
  };
}

const indicatorIdsOf = (questionnaire: Questionnaire) =>
  questionnaire.competencies.flatMap((competency) => competency.indicators.map((item) => item.id));

/** Per participant and competency: self score and others' score (each rater weighs equally). */
async function competencyScores(db: DB, cycleId: string) {
  const rows = await db
    .selectFrom("rating")
    .innerJoin("response", "response.id", "rating.response_id")
    .innerJoin("profile_indicator", "profile_indicator.id", "rating.indicator_id")
    .where("response.cycle_id", "=", cycleId)
    .where("rating.score", "is not", null)
    .select([
      "response.participant_id as participantId",
      "response.relationship",
      "profile_indicator.competency_id as competencyId",
      (eb) => eb.fn.avg<number>("rating.score").as("mean"),
    ])
    .groupBy(["response.id", "profile_indicator.competency_id"])
    .execute();
  const scores = new Map<string, Map<string, { self?: number; others: number[] }>>();
  for (const row of rows) {
    const perCompetency = scores.get(row.participantId) ?? new Map();
    const entry = perCompetency.get(row.competencyId) ?? { others: [] };
    if (row.relationship === "self") entry.self = Number(row.mean);
    else entry.others.push(Number(row.mean));
    perCompetency.set(row.competencyId, entry);
    scores.set(row.participantId, perCompetency);
  }
  return scores;
}

describe("seedDemo", () => {
  let db: DB;
  let summary: DemoSummary;
  let releasedId: string;
  let collectingId: string;

  beforeAll(async () => {
    ({ db, summary } = await seededDatabase());
    // The spring round (released last), in which everyone took part.
    const cycles = await db
      .selectFrom("cycle")
      .select(["id", "status"])
      .orderBy("released_at", "desc")
      .execute();
    releasedId = cycles.find((cycle) => cycle.status === "released")?.id ?? "";
    collectingId = cycles.find((cycle) => cycle.status === "collecting")?.id ?? "";
  });

  it("creates the demo municipality with about 65 people", async () => {
    const organisations = await db.selectFrom("organisation").selectAll().execute();
    const people = await db.selectFrom("person").selectAll().execute();

    expect(organisations).toHaveLength(1);
    expect(organisations[0]).toMatchObject({
      name: "Gemeente Rondedam",
      is_demo: 1,
      demo_seed: "rondom-demo",
    });
    expect(people.length).toBeGreaterThanOrEqual(55);
    expect(people.length).toBeLessThanOrEqual(70);
    expect(summary.people).toBe(people.length);
    expect(new Set(people.map((person) => person.email)).size).toBe(people.length);
    for (const person of people) {
      expect(person.email).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+@rondedam\.example$/);
      expect(person.employee_number).toMatch(/^\d+$/);
      expect(person.job_title).toBeTruthy();
    }
    expect(people.filter((person) => person.locale === "en").length).toBeGreaterThanOrEqual(1);
    const inactive = people.filter((person) => person.is_active === 0).length;
    expect(inactive).toBeGreaterThanOrEqual(1);
    expect(inactive).toBeLessThanOrEqual(2);
    expect(people.filter((person) => person.is_hr_admin === 1)).toHaveLength(1);
    expect(people.some((person) => person.last_name.startsWith("van "))).toBe(true);
  });

  it("organises seven teams of 7–11 under two departments with a head; one lead leads two", async () => {
    const teams = await db.selectFrom("team").selectAll().execute();
    const people = await db.selectFrom("person").select(["id", "team_id"]).execute();
    const departments = teams.filter((team) => team.parent_team_id === null);
    const workTeams = teams.filter((team) => team.parent_team_id !== null);

    expect(departments).toHaveLength(2);
    expect(workTeams).toHaveLength(7);
    expect(
      departments.map(
        (department) => workTeams.filter((team) => team.parent_team_id === department.id).length,
      ),
    ).toEqual(expect.arrayContaining([3, 4]));
    for (const department of departments) expect(department.lead_person_id).toBeTruthy();
    // One lead leads two teams (so a plain team lead can compare team profiles); they are a
    // member of the first of them only.
    const leadsOfTwo = workTeams.filter((team) =>
      workTeams.some(
        (other) => other.id !== team.id && other.lead_person_id === team.lead_person_id,
      ),
    );
    expect(leadsOfTwo).toHaveLength(2);
    for (const team of workTeams) {
      const members = people.filter((person) => person.team_id === team.id);
      expect(members.length).toBeGreaterThanOrEqual(6);
      expect(members.length).toBeLessThanOrEqual(11);
      const leadIsMember = members.some((member) => member.id === team.lead_person_id);
      expect(leadIsMember).toBe(!leadsOfTwo.includes(team) || team.name !== "Lokale Belastingen");
    }
  });

  it("has an earlier and a spring cycle released, and an autumn cycle that is collecting", async () => {
    const cycles = await db.selectFrom("cycle").selectAll().orderBy("created_at").execute();

    expect(cycles.map((cycle) => cycle.status)).toEqual(["released", "released", "collecting"]);
    const [earlier, released, collecting] = cycles;
    expect(earlier).toMatchObject({ name: "Feedbackronde najaar 2025", status: "released" });
    expect(released).toMatchObject({ name: "Feedbackronde voorjaar 2026", min_group_size: 3 });
    for (const field of [
      "launched_at",
      "closed_at",
      "released_at",
      "thresholds_locked_at",
    ] as const) {
      expect(released?.[field]).toBeTruthy();
    }
    expect(collecting).toMatchObject({ name: "Feedbackronde najaar 2026", closed_at: null });
    expect(collecting?.nomination_deadline ?? "").toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((collecting?.nomination_deadline ?? "") < TODAY_DAY).toBe(true);
    expect((collecting?.answer_deadline ?? "") > TODAY_DAY).toBe(true);
    expect(released?.profile_snapshot_id).toBeTruthy();
    expect(collecting?.profile_snapshot_id).toBe(released?.profile_snapshot_id);
    const indicators = await db
      .selectFrom("profile_indicator")
      .select("id")
      .where("snapshot_id", "=", released!.profile_snapshot_id!)
      .execute();
    expect(indicators).toHaveLength(37);
  });

  it("has every built-in profile in the library as version 1; the rounds are on the demo's", async () => {
    const organisation = await db.selectFrom("organisation").select("id").executeTakeFirstOrThrow();
    const library = await listLibrary(db, organisation.id);
    expect(library.map((entry) => entry.key).sort()).toEqual([
      "medewerker-publiekszaken",
      "projectleider",
      "toepassing-beleid",
    ]);
    expect(new Set(library.map((entry) => entry.id)).size).toBe(3);
    for (const entry of library) {
      expect(entry, entry.key).toMatchObject({ version: 1, retired: false });
    }
    const rows = await db.selectFrom("profile").select(["key", "current_snapshot_id"]).execute();
    for (const row of rows) {
      const builtIn = builtInProfiles.find((candidate) => candidate.id === row.key);
      expect(await readProfileVersion(db, row.current_snapshot_id), row.key).toEqual(builtIn);
    }
    const demoSnapshot = rows.find((row) => row.key === profile.id)?.current_snapshot_id;
    const cycles = await db
      .selectFrom("cycle")
      .select(["profile_key", "profile_snapshot_id"])
      .execute();
    expect(cycles.length).toBeGreaterThan(0);
    for (const cycle of cycles) {
      expect(cycle).toEqual({ profile_key: profile.id, profile_snapshot_id: demoSnapshot });
    }
  });

  it("gives people function profiles: mostly the demo's, one team of publiekszaken staff, project leads in several teams", async () => {
    const people = await db
      .selectFrom("person")
      .select(["id", "team_id", "profile_key", "job_title"])
      .execute();
    const library = new Set(builtInProfiles.map((candidate) => candidate.id));
    for (const person of people) expect(library.has(person.profile_key ?? "")).toBe(true);
    const holding = (key: string) => people.filter((person) => person.profile_key === key);

    expect(holding(profile.id).length / people.length).toBeGreaterThan(0.6);
    const publiekszaken = holding("medewerker-publiekszaken");
    expect(publiekszaken.length).toBeGreaterThanOrEqual(5);
    expect(new Set(publiekszaken.map((person) => person.team_id)).size).toBe(1);
    const projectLeads = holding("projectleider");
    expect(projectLeads.length).toBeGreaterThanOrEqual(3);
    expect(new Set(projectLeads.map((person) => person.team_id)).size).toBeGreaterThanOrEqual(2);
    // Their job says so, and only theirs.
    for (const person of people) {
      expect(person.job_title?.startsWith("Projectleider"), person.job_title ?? "").toBe(
        person.profile_key === "projectleider",
      );
    }
  });

  it("rates each participant on their own function profile; the latest released and the collecting round mix them", async () => {
    const participants = await participantProfiles(db);
    const versions = await db
      .selectFrom("profile")
      .select(["key", "current_snapshot_id"])
      .execute();
    const versionOf = new Map(versions.map((row) => [row.key, row.current_snapshot_id]));
    for (const participant of participants) {
      // As HR's participants page does it: null where the function is the round's profile.
      const own = participant.functionKey === participant.cycleKey ? null : participant.functionKey;
      expect(participant, participant.id).toMatchObject({
        ownKey: own,
        ownSnapshotId: own === null ? null : versionOf.get(own),
      });
    }
    const profilesIn = (cycleId: string) =>
      new Set(participants.filter((row) => row.cycleId === cycleId).map((row) => row.key));
    expect(profilesIn(releasedId)).toEqual(new Set(builtInProfiles.map((built) => built.id)));
    expect(profilesIn(collectingId).size).toBeGreaterThanOrEqual(2);
  });

  it("answers each participant's own questionnaire: every item of it, comments on its competencies", async () => {
    const profileOf = new Map((await participantProfiles(db)).map((row) => [row.id, row]));
    const questionnaireOf = questionnaireReader(db);
    const responses = await db.selectFrom("response").select(["id", "participant_id"]).execute();
    const ratings = await db.selectFrom("rating").select(["response_id", "indicator_id"]).execute();
    const comments = await db
      .selectFrom("comment")
      .select(["response_id", "competency_id"])
      .where("competency_id", "is not", null)
      .execute();
    const answers = [
      ...responses.map((response) => ({
        participantId: response.participant_id,
        rated: ratings
          .filter((rating) => rating.response_id === response.id)
          .map((rating) => rating.indicator_id),
        commentedOn: comments
          .filter((comment) => comment.response_id === response.id)
          .map((comment) => comment.competency_id ?? ""),
      })),
      ...(await sealedAnswers(db)).map((answer) => ({
        participantId: answer.participantId,
        rated: Object.keys(answer.ratings),
        commentedOn: Object.keys(answer.comments),
      })),
    ];
    const ratedOn = new Set<string>();
    for (const answer of answers) {
      const participant = profileOf.get(answer.participantId)!;
      const questionnaire = await questionnaireOf(participant.snapshotId);
      expect(answer.rated.sort(), answer.participantId).toEqual(
        indicatorIdsOf(questionnaire).sort(),
      );
      const competencyIds = new Set(questionnaire.competencies.map((competency) => competency.id));
      expect(answer.commentedOn.every((id) => competencyIds.has(id))).toBe(true);
      ratedOn.add(participant.key);
    }
    expect(ratedOn.size).toBe(3);
  });

  it("stores each report on exactly its participant's profile", async () => {
    const profileOf = new Map((await participantProfiles(db)).map((row) => [row.id, row]));
    const questionnaireOf = questionnaireReader(db);
    const reports = await db.selectFrom("report").select(["participant_id", "content"]).execute();
    const scores = await db
      .selectFrom("competency_score")
      .select(["participant_id", "competency_key"])
      .execute();
    const released = [...profileOf.values()].filter((row) =>
      reports.some((report) => report.participant_id === row.id),
    );
    expect(new Set(released.map((row) => row.key)).size).toBe(3);
    for (const report of reports) {
      const participant = profileOf.get(report.participant_id)!;
      const questionnaire = await questionnaireOf(participant.snapshotId);
      const content = JSON.parse(report.content) as ReportContent;
      expect(
        content.competencies.map((competency) => [competency.id, competency.key]),
        report.participant_id,
      ).toEqual(questionnaire.competencies.map((competency) => [competency.id, competency.key]));
      expect(
        content.competencies.map((competency) =>
          competency.indicators.map((indicator) => indicator.id),
        ),
      ).toEqual(
        questionnaire.competencies.map((competency) => competency.indicators.map((i) => i.id)),
      );
      const keys = new Set(questionnaire.competencies.map((competency) => competency.key));
      const own = scores.filter((score) => score.participant_id === report.participant_id);
      expect(own.every((score) => keys.has(score.competency_key))).toBe(true);
    }
  });

  it("shows every lead figures in their team's profile, a mixed one where functions mix", async () => {
    const participants = (await participantProfiles(db)).filter(
      (row) => row.cycleId === releasedId,
    );
    const ownTeams = await db
      .selectFrom("participant_team")
      .select(["participant_id", "team_id"])
      .where("cycle_id", "=", releasedId)
      .where("depth", "=", 0)
      .execute();
    const teamOf = new Map(ownTeams.map((row) => [row.participant_id, row.team_id]));
    const teams = await db
      .selectFrom("team")
      .innerJoin("team as department", "department.id", "team.parent_team_id")
      .select([
        "team.id",
        "team.name",
        "team.lead_person_id",
        "department.lead_person_id as headId",
      ])
      .orderBy("team.name")
      .execute();
    const questionnaireOf = questionnaireReader(db);
    const keysOf = async (snapshotId: string) =>
      new Set((await questionnaireOf(snapshotId)).competencies.map((c) => c.key));

    const scores = await db
      .selectFrom("competency_score")
      .select(["participant_id", "competency_key"])
      .where("cycle_id", "=", releasedId)
      .execute();
    const scored = new Set(scores.map((row) => `${row.participant_id} ${row.competency_key}`));

    const mixed: string[] = [];
    for (const team of teams) {
      const members = participants.filter((row) => teamOf.get(row.id) === team.id);
      const memberKeys = await Promise.all(members.map((member) => keysOf(member.snapshotId)));
      const scoredOn = (key: string) =>
        members.filter((member) => scored.has(`${member.id} ${key}`)).length;
      const notRatedOn = (key: string) => memberKeys.filter((keys) => !keys.has(key)).length;
      // The head of the department sees figures of the team too (the e2e tests compare them).
      const head = await loadTeamProfile(db, await currentUserOf(db, team.headId!), team.id, null);
      expect(head?.status === "ready" && head.anyShown, `${team.name}: its head`).toBe(true);
      const user = await currentUserOf(db, team.lead_person_id!);
      const teamProfile = await loadTeamProfile(db, user, team.id, releasedId);
      expect(teamProfile?.status, team.name).toBe("ready");
      if (teamProfile?.status !== "ready") continue;
      const shown = teamProfile.rows.flatMap((row) =>
        row.team.shown
          ? [{ key: row.key, wide: row.organisationWide, members: row.team.members }]
          : [],
      );
      // Their lead knows some of them (reports shared with them), never so many that no
      // figure is left.
      expect(shown.length, `${team.name}: its lead`).toBeGreaterThan(0);
      // Each figure rests on exactly the members with a score on it (rated on it: the stored
      // reports' competencies are their own profile's, see above).
      for (const row of shown) {
        expect(row.members, `${team.name}: ${row.key}`).toBe(scoredOn(row.key));
        expect(row.members).toBeLessThanOrEqual(members.length - notRatedOn(row.key));
      }
      // Mixed: the organisation-wide competencies (everyone's), and a function's own that some
      // of the team are not rated on, with its own count of members.
      const wide = shown.some((row) => row.wide && notRatedOn(row.key) === 0);
      const functionOwn = shown.some((row) => !row.wide && notRatedOn(row.key) > 0);
      if (wide && functionOwn) mixed.push(team.name);
    }
    expect(mixed.length, "teams whose lead sees a mixed profile").toBeGreaterThanOrEqual(1);
  });

  it("gives every participant of the released cycle a self and a manager response", async () => {
    const participants = await db
      .selectFrom("participant")
      .where("cycle_id", "=", releasedId)
      .select("id")
      .execute();
    const responses = await db
      .selectFrom("response")
      .where("cycle_id", "=", releasedId)
      .select(["participant_id", "relationship"])
      .execute();

    expect(participants.length).toBeGreaterThanOrEqual(40);
    for (const participant of participants) {
      const own = responses.filter((response) => response.participant_id === participant.id);
      expect(own.filter((response) => response.relationship === "self")).toHaveLength(1);
      expect(own.filter((response) => response.relationship === "manager")).toHaveLength(1);
    }
  });

  it("invites 3–8 colleagues per participant and has as many responses as submissions", async () => {
    const invitations = await db
      .selectFrom("invitation")
      .select(["participant_id", "relationship", "status"])
      .execute();
    const responses = [
      ...(await db.selectFrom("response").select(["participant_id", "relationship"]).execute()),
      ...(await sealedAnswers(db)).map((answer) => ({
        participant_id: answer.participantId,
        relationship: answer.relationship,
      })),
    ];
    const participants = new Set(invitations.map((invitation) => invitation.participant_id));

    for (const participantId of participants) {
      const own = invitations.filter((invitation) => invitation.participant_id === participantId);
      const colleagues = own.filter((invitation) => invitation.relationship === "colleague");
      expect(colleagues.length).toBeGreaterThanOrEqual(3);
      expect(colleagues.length).toBeLessThanOrEqual(8);
      for (const relationship of ["self", "manager", "colleague", "customer"] as const) {
        const submitted = own.filter(
          (invitation) =>
            invitation.relationship === relationship && invitation.status === "submitted",
        ).length;
        const answered = responses.filter(
          (response) =>
            response.participant_id === participantId && response.relationship === relationship,
        ).length;
        expect(answered).toBe(submitted);
      }
    }
  });

  it("includes participants whose groups are too small to show, and one without customers", async () => {
    const counts = await db
      .selectFrom("participant")
      .leftJoin("response", (join) =>
        join
          .onRef("response.participant_id", "=", "participant.id")
          .on("response.relationship", "in", ["colleague", "customer"]),
      )
      .where("participant.cycle_id", "=", releasedId)
      .select([
        "participant.id",
        (eb) =>
          eb.fn
            .sum<number>(
              eb.case().when("response.relationship", "=", "colleague").then(1).else(0).end(),
            )
            .as("colleagues"),
        (eb) =>
          eb.fn
            .sum<number>(
              eb.case().when("response.relationship", "=", "customer").then(1).else(0).end(),
            )
            .as("customers"),
      ])
      .groupBy("participant.id")
      .execute();
    const customerInvitations = await db
      .selectFrom("invitation")
      .where("cycle_id", "=", releasedId)
      .where("relationship", "=", "customer")
      .select("participant_id")
      .execute();

    expect(counts.some((row) => Number(row.colleagues) < 3)).toBe(true);
    expect(counts.some((row) => Number(row.customers) > 0 && Number(row.customers) < 3)).toBe(true);
    const withCustomers = new Set(customerInvitations.map((row) => row.participant_id));
    expect(counts.some((row) => !withCustomers.has(row.id))).toBe(true);
  });

  it("scores 1–5 or not-able-to-judge, with 5–15% not able to judge", async () => {
    const ratings = [
      ...(await db.selectFrom("rating").select("score").execute()),
      ...(await sealedAnswers(db)).flatMap((answer) =>
        Object.values(answer.ratings).map((score) => ({ score })),
      ),
    ];
    const nulls = ratings.filter((rating) => rating.score === null).length;

    expect(ratings.length).toBe(summary.ratings);
    expect(ratings.length).toBeGreaterThan(10_000);
    expect(ratings.every((r) => r.score === null || [1, 2, 3, 4, 5].includes(r.score))).toBe(true);
    expect(nulls / ratings.length).toBeGreaterThan(0.05);
    expect(nulls / ratings.length).toBeLessThan(0.15);
  });

  it("writes Dutch comments, per competency and for the two general questions", async () => {
    const comments = [
      ...(await db.selectFrom("comment").selectAll().execute()),
      ...(await sealedAnswers(db)).flatMap((answer) => [
        ...Object.entries(answer.comments).map(([competency_id, text]) => ({
          question: "competency",
          competency_id,
          text,
        })),
        ...Object.entries(answer.general).map(([question, text]) => ({
          question,
          competency_id: null,
          text,
        })),
      ]),
    ];
    const dutchWords = /\b(de|het|een|en|van|ik|op|te|niet|met|zich|wat|meer|als|bij|voor|ook)\b/i;
    const englishWords = /\b(the|and|you|with|this|that)\b/i;

    expect(comments.length).toBe(summary.comments);
    const dutch = comments.filter((comment) => dutchWords.test(comment.text));
    expect(dutch.length / comments.length).toBeGreaterThan(0.9);
    expect(new Set(comments.map((comment) => comment.question))).toEqual(
      new Set(["competency", "went_well", "could_improve"]),
    );
    for (const comment of comments) {
      expect(comment.text.trim()).not.toBe("");
      expect(comment.text).not.toMatch(englishWords);
      expect(comment.text).not.toMatch(/[{}]/);
      expect(comment.competency_id === null).toBe(comment.question !== "competency");
    }
  });

  it("leaves open invitations and a half-filled draft in the collecting cycle", async () => {
    const invitations = await db
      .selectFrom("invitation")
      .where("cycle_id", "=", collectingId)
      .selectAll()
      .execute();
    const drafts = await db.selectFrom("draft").selectAll().execute();
    const profileOf = new Map((await participantProfiles(db)).map((row) => [row.id, row]));
    const questionnaireOf = questionnaireReader(db);
    const open = invitations.filter((invitation) => invitation.status === "open");
    const submitted = invitations.filter((invitation) => invitation.status === "submitted");
    const declined = invitations.filter((invitation) => invitation.status === "declined");

    expect(open.length).toBeGreaterThan(0);
    expect(submitted.length / invitations.length).toBeGreaterThan(0.25);
    expect(submitted.length / invitations.length).toBeLessThan(0.55);
    expect(declined.length).toBeGreaterThanOrEqual(1);
    expect(declined.length).toBeLessThanOrEqual(2);
    expect(declined.every((invitation) => invitation.decline_reason)).toBe(true);
    expect(invitations.some((invitation) => invitation.reminder_count > 0)).toBe(true);
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    for (const draft of drafts) {
      expect(open.map((invitation) => invitation.id)).toContain(draft.invitation_id);
      // The participant's own questionnaire, half answered.
      const invitation = open.find((candidate) => candidate.id === draft.invitation_id)!;
      const questionnaire = await questionnaireOf(
        profileOf.get(invitation.participant_id)!.snapshotId,
      );
      const indicatorIds = new Set(indicatorIdsOf(questionnaire));
      expect(draft.answers).not.toMatch(/ratings|went_well/);
      const opened = unsealText(
        await answerSealKey(db),
        "draft",
        draft.invitation_id,
        draft.answers,
      );
      const answers = JSON.parse(opened) as {
        ratings: Record<string, number | null>;
        comments: Record<string, string>;
        general: { went_well: string; could_improve: string };
      };
      const rated = Object.keys(answers.ratings);
      expect(rated.length).toBeGreaterThan(0);
      expect(rated.length).toBeLessThan(indicatorIds.size);
      expect(rated.every((id) => indicatorIds.has(id))).toBe(true);
      const competencyIds = new Set(questionnaire.competencies.map((competency) => competency.id));
      expect(Object.keys(answers.comments).every((id) => competencyIds.has(id))).toBe(true);
      expect(typeof answers.general.went_well).toBe("string");
    }
  });

  it("answers realistically: people and competencies clearly differ, and some see themselves wrongly", async () => {
    const scores = await competencyScores(db, releasedId);
    const participantMeans: number[] = [];
    const participantRanges: number[] = [];
    const byCompetency = new Map<string, number[]>();
    let blindSpots = 0;
    let hiddenStrengths = 0;
    for (const perCompetency of scores.values()) {
      const others: number[] = [];
      let blindSpot = false;
      let hiddenStrength = false;
      for (const [competencyId, entry] of perCompetency) {
        if (entry.others.length === 0) continue;
        const othersScore = mean(entry.others);
        others.push(othersScore);
        byCompetency.set(competencyId, [...(byCompetency.get(competencyId) ?? []), othersScore]);
        if (entry.self !== undefined && entry.self - othersScore >= 4 / 3) blindSpot = true;
        if (entry.self !== undefined && othersScore - entry.self >= 4 / 3) hiddenStrength = true;
      }
      participantMeans.push(mean(others));
      participantRanges.push(Math.max(...others) - Math.min(...others));
      if (blindSpot) blindSpots++;
      if (hiddenStrength) hiddenStrengths++;
    }
    const competencyMeans = [...byCompetency.values()].map(mean);

    expect(standardDeviation(participantMeans)).toBeGreaterThan(0.15);
    expect(mean(participantRanges)).toBeGreaterThan(0.7);
    expect(Math.max(...competencyMeans) - Math.min(...competencyMeans)).toBeGreaterThan(0.2);
    expect(blindSpots).toBeGreaterThanOrEqual(3);
    expect(hiddenStrengths).toBeGreaterThanOrEqual(2);
  });

  it("offers entrances whose tokens open open invitations of the collecting cycle", async () => {
    const entrances = await getDemoEntrances(db);
    const openHashes = new Set(
      (
        await db
          .selectFrom("invitation")
          .where("cycle_id", "=", collectingId)
          .where("status", "=", "open")
          .select("token_hash")
          .execute()
      ).map((row) => row.token_hash),
    );

    expect(entrances?.organisationName).toBe("Gemeente Rondedam");
    expect(entrances?.people.hrAdmins).toHaveLength(1);
    expect(entrances?.people.departmentHeads).toHaveLength(2);
    expect(entrances?.people.teamLeads).toHaveLength(6);
    expect(entrances?.people.employees.length).toBeGreaterThanOrEqual(4);
    expect(entrances?.people.employees.length).toBeLessThanOrEqual(6);
    const highlights = entrances?.people.employees.flatMap((employee) => employee.highlights);
    expect(highlights).toContain("blind_spot");
    expect(highlights).toContain("released_report");

    const invitations = entrances?.invitations ?? [];
    expect(invitations.length).toBeGreaterThanOrEqual(5);
    expect(new Set(invitations.map((invitation) => invitation.relationship))).toEqual(
      new Set(["self", "manager", "colleague", "customer"]),
    );
    expect(invitations.some((invitation) => invitation.hasDraft)).toBe(true);
    for (const invitation of invitations) {
      expect(invitation.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(openHashes.has(hashToken(invitation.token))).toBe(true);
      expect(invitation.cycleName).toBe("Feedbackronde najaar 2026");
    }
  });

  it("is deterministic: the same seed and day give identical tables, another seed differs", async () => {
    const first = await seededDatabase("determinisme");
    // Another time on the same day: only the calendar day counts.
    const second = await seededDatabase("determinisme", new Date(2026, 10, 28, 0, 5));

    const dump = await dumpAllTables(first.db);
    expect(await dumpAllTables(second.db)).toEqual(dump);
    expect(dump.rating?.length).toBeGreaterThan(0);

    const other = await dumpAllTables(db);
    expect(other.person).not.toEqual(dump.person);
    expect(other.rating).not.toEqual(dump.rating);
  });

  it("seeds the same organisation without the other built-ins, everyone on the demo's profile", async () => {
    const withLibrary = await dumpAllTables(db);
    const aloneDb = (await seededDatabase(undefined, TODAY, [])).db;
    const alone = await dumpAllTables(aloneDb);

    for (const table of ["organisation", "team"] as const) {
      expect(alone[table], table).toEqual(withLibrary[table]);
    }
    // The same people with the same jobs; only the function profiles the library lacks differ.
    const withoutProfile = (rows: string[] = []) =>
      rows.map((row) => JSON.stringify({ ...JSON.parse(row), profile_key: null }));
    expect(withoutProfile(alone.person)).toEqual(withoutProfile(withLibrary.person));
    expect(alone.person?.every((row) => JSON.parse(row).profile_key === profile.id)).toBe(true);
    expect(withLibrary.profile_snapshot).toEqual(
      expect.arrayContaining(alone.profile_snapshot ?? []),
    );
    expect(alone.profile).toHaveLength(1);
    expect(withLibrary.profile).toHaveLength(3);
    // Every participant is rated on the round's profile.
    const participants = await participantProfiles(aloneDb);
    expect(participants.length).toBeGreaterThan(0);
    expect(participants.every((row) => row.ownKey === null && row.ownSnapshotId === null)).toBe(
      true,
    );
  });
});

describe("getDemoEntrances", () => {
  it("returns null without an organisation and for a real organisation", async () => {
    const { db, cleanup } = await createTestDatabase();
    cleanups.push(cleanup);
    expect(await getDemoEntrances(db)).toBeNull();

    await db
      .insertInto("organisation")
      .values({
        id: "org",
        name: "Gemeente Echtdorp",
        default_locale: "nl",
        retention_months: 24,
        is_demo: 0,
        created_at: new Date().toISOString(),
      })
      .execute();
    expect(await getDemoEntrances(db)).toBeNull();
  });
});

describe("seedIfEmpty", () => {
  it("seeds an empty database once and leaves it alone afterwards", async () => {
    const { db, cleanup } = await createTestDatabase();
    cleanups.push(cleanup);

    const options = { today: TODAY, libraryProfiles: builtInProfiles };
    expect(await seedIfEmpty(db, profile, options)).toBe(true);
    const people = await db.selectFrom("person").select("id").execute();
    expect(await db.selectFrom("profile").select("id").execute()).toHaveLength(3);
    expect(await seedIfEmpty(db, profile, options)).toBe(false);

    expect(await db.selectFrom("organisation").select("id").execute()).toHaveLength(1);
    expect(await db.selectFrom("person").select("id").execute()).toHaveLength(people.length);
  });
});
