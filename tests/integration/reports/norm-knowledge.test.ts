import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "#db/ids";
import { computeCycleReports } from "~/reports/release.server";
import { normMinParticipants, type ReportContent } from "~/reports/report-content";
import { call, getRequest, signedInCookie } from "../../support/requests";
import { describeOutcome, valueOf } from "../../support/route-outcome";
import { useTestDatabase } from "../../support/database";
import { contentOf, reportPage, type ReportLoaderData } from "./helpers";
import { latestReleasedCycle, type CycleRow } from "../../support/demo-cast";

// The organisation norm in a participant's report, with what that participant knows: their
// own score, and the ratings they gave other participants of the same round. A participant
// whose score rests on fewer than k raters besides the viewer is as good as known to them;
// with fewer than k participants left unknown, the norm would give those away together.
//
// The demo's latest round is cut down to the smallest norm there can be: normMinParticipants(k)
// participants with answers. The viewer rated enough of them (each with exactly k raters, the
// viewer among them) that fewer than k remain unknown.

const test = useTestDatabase({ seed: true });

interface Someone {
  participantId: string;
  personId: string;
}

let cycle: CycleRow;
let k: number;
let viewer: Someone;
/** Participants the viewer rated, each left with exactly k raters besides themselves. */
let rated: Someone[];
/** The other participants in the norm: the viewer did not rate them. */
let unrated: Someone[];

async function storedReport(participantId: string): Promise<ReportContent> {
  return contentOf(
    await test.db
      .selectFrom("report")
      .select("content")
      .where("participant_id", "=", participantId)
      .executeTakeFirstOrThrow(),
  );
}

/** Who the person rated in the round: submitted invitations to other participants. */
async function ratedBy(personId: string, ownParticipantId: string): Promise<string[]> {
  const rows = await test.db
    .selectFrom("invitation")
    .select("participant_id")
    .where("cycle_id", "=", cycle.id)
    .where("rater_person_id", "=", personId)
    .where("status", "=", "submitted")
    .where("participant_id", "!=", ownParticipantId)
    .execute();
  return rows.map((row) => row.participant_id);
}

/**
 * The rule, worked out here from the stored reports: per competency of the norm, the
 * participants with an "all others" score, less the viewer and everyone the viewer rated whose
 * score rests on fewer than k others besides the viewer.
 */
async function expectedWithheld(someone: Someone): Promise<string[]> {
  const own = await storedReport(someone.participantId);
  const ratedReports = await Promise.all(
    (await ratedBy(someone.personId, someone.participantId)).map(storedReport),
  );
  const participants = await test.db
    .selectFrom("report")
    .select("content")
    .where("cycle_id", "=", cycle.id)
    .execute();
  const othersN = (report: ReportContent, key: string) =>
    report.competencies.find((c) => c.key === key)?.figures.others?.n ?? null;
  return Object.keys(own.norm ?? {}).filter((key) => {
    const inNorm = participants.filter((row) => othersN(contentOf(row), key) !== null).length;
    expect(own.norm![key]!.participants).toBe(inNorm);
    const known =
      (othersN(own, key) !== null ? 1 : 0) +
      ratedReports.filter((report) => {
        const n = othersN(report, key);
        return n !== null && n - 1 < k;
      }).length;
    return inNorm - known < k;
  });
}

async function openWithNorm(someone: Someone) {
  const cookie = await signedInCookie(test.db, someone.personId);
  const outcome = await call(
    reportPage.loader,
    getRequest(`/rapporten/${someone.participantId}?reeks=norm`, { cookie }),
    { params: { participantId: someone.participantId } },
  );
  const data = valueOf<ReportLoaderData>(outcome);
  if (data.report.status !== "ready") throw new Error(describeOutcome(outcome));
  return data.report.view;
}

beforeAll(async () => {
  cycle = await latestReleasedCycle(test.db);
  k = cycle.min_group_size;
  const size = normMinParticipants(k);
  const participants = await test.db
    .selectFrom("participant")
    .select(["id", "person_id"])
    .where("cycle_id", "=", cycle.id)
    .orderBy("id")
    .execute();
  const responses = await test.db
    .selectFrom("response")
    .select(["id", "participant_id", "relationship"])
    .where("cycle_id", "=", cycle.id)
    .orderBy("id")
    .execute();
  const othersOf = (participantId: string) =>
    responses.filter((r) => r.participant_id === participantId && r.relationship !== "self");
  // Participants with plenty of answers, so that each keeps an "all others" score.
  const picks = participants
    .filter((p) => othersOf(p.id).length >= k + 2)
    .slice(0, size)
    .map((p) => ({ participantId: p.id, personId: p.person_id }));
  expect(picks).toHaveLength(size);
  viewer = picks[0]!;
  rated = picks.slice(1, 1 + size - k);
  unrated = picks.slice(1 + size - k);

  // Only the picked participants keep their answers; the rated ones keep exactly k others.
  const keep = new Set(picks.map((p) => p.participantId));
  const dropped = responses
    .filter((r) => !keep.has(r.participant_id))
    .map((r) => r.id)
    .concat(
      rated.flatMap((p) =>
        othersOf(p.participantId)
          .slice(k)
          .map((r) => r.id),
      ),
    );
  await test.db.deleteFrom("rating").where("response_id", "in", dropped).execute();
  await test.db.deleteFrom("comment").where("response_id", "in", dropped).execute();
  await test.db.deleteFrom("response").where("id", "in", dropped).execute();

  // The viewer rated each of them (one of their k): a submitted invitation from the viewer.
  const viewerPerson = await test.db
    .selectFrom("person")
    .select(["first_name", "last_name", "email"])
    .where("id", "=", viewer.personId)
    .executeTakeFirstOrThrow();
  for (const someone of rated) {
    const existing = await test.db
      .selectFrom("invitation")
      .select("id")
      .where("participant_id", "=", someone.participantId)
      .where("rater_person_id", "=", viewer.personId)
      .executeTakeFirst();
    if (existing) {
      await test.db
        .updateTable("invitation")
        .set({ status: "submitted" })
        .where("id", "=", existing.id)
        .execute();
    } else {
      await test.db
        .insertInto("invitation")
        .values({
          id: newId(),
          cycle_id: cycle.id,
          participant_id: someone.participantId,
          relationship: "colleague",
          rater_person_id: viewer.personId,
          rater_name: `${viewerPerson.first_name} ${viewerPerson.last_name}`,
          rater_email: viewerPerson.email,
          token_hash: newId(),
          status: "submitted",
          created_at: cycle.released_at!,
        })
        .execute();
    }
  }

  // Released anew, as at release.
  await test.db.deleteFrom("report").where("cycle_id", "=", cycle.id).execute();
  await test.db.deleteFrom("competency_score").where("cycle_id", "=", cycle.id).execute();
  await test.db.deleteFrom("participant_team").where("cycle_id", "=", cycle.id).execute();
  await computeCycleReports(test.db, cycle.id, new Date(cycle.released_at!));
});

describe("the organisation norm, with what the participant knows", () => {
  it("is withheld from a participant who rated so many of its participants that fewer than k stay unknown", async () => {
    const own = await storedReport(viewer.participantId);
    expect(own.norm).not.toBeNull();
    const expected = await expectedWithheld(viewer);
    // Not vacuous: the round was cut so that the norm gives the unrated ones away.
    expect(expected.length).toBeGreaterThan(0);
    expect(own.normWithheld).toEqual(expected);
    // (The viewer may have rated others in the demo round too: they count where they are in
    // the norm.)
    expect(await ratedBy(viewer.personId, viewer.participantId)).toEqual(
      expect.arrayContaining(rated.map((p) => p.participantId)),
    );

    // What the page sends with the norm on the chart: nothing of the withheld competencies.
    const view = await openWithNorm(viewer);
    expect(view.normWithheld).toBe(true);
    const shown = Object.keys(view.norm?.means ?? {});
    expect(shown.filter((key) => expected.includes(key))).toEqual([]);
    expect(shown.sort()).toEqual(
      Object.keys(own.norm!)
        .filter((key) => !expected.includes(key))
        .sort(),
    );
  });

  it("follows the same rule for everyone else in the round, and leaves the norm whole for who knows none of it", async () => {
    // The norm itself is the same in every report of the round; who may see it differs.
    const norm = (await storedReport(viewer.participantId)).norm;
    for (const someone of [...rated, ...unrated]) {
      const own = await storedReport(someone.participantId);
      expect(own.norm).toEqual(norm);
      expect(own.normWithheld).toEqual(await expectedWithheld(someone));
      const view = await openWithNorm(someone);
      const shown = Object.keys(view.norm?.means ?? {});
      expect(shown.filter((key) => own.normWithheld!.includes(key))).toEqual([]);
    }
    // Someone in the norm who rated none of the others sees all of it.
    const unaware = [...rated, ...unrated].filter((p) => p.participantId !== viewer.participantId);
    const seeAll = [];
    for (const someone of unaware) {
      if ((await expectedWithheld(someone)).length === 0) seeAll.push(someone);
    }
    expect(seeAll.length).toBeGreaterThan(0);
    for (const someone of seeAll) {
      const view = await openWithNorm(someone);
      expect(Object.keys(view.norm?.means ?? {}).sort()).toEqual(Object.keys(norm!).sort());
      expect(view.normWithheld).toBe(false);
    }
  });

  it("is worked out when read for a report released before the rule (no normWithheld stored)", async () => {
    const row = await test.db
      .selectFrom("report")
      .select(["id", "content"])
      .where("participant_id", "=", viewer.participantId)
      .executeTakeFirstOrThrow();
    const { normWithheld, ...older } = contentOf(row);
    expect(normWithheld!.length).toBeGreaterThan(0);
    await test.db
      .updateTable("report")
      .set({ content: JSON.stringify(older) })
      .where("id", "=", row.id)
      .execute();
    try {
      const view = await openWithNorm(viewer);
      const shown = Object.keys(view.norm?.means ?? {});
      expect(shown.filter((key) => normWithheld!.includes(key))).toEqual([]);
      expect(view.normWithheld).toBe(true);
    } finally {
      await test.db
        .updateTable("report")
        .set({ content: row.content })
        .where("id", "=", row.id)
        .execute();
    }
  });
});
