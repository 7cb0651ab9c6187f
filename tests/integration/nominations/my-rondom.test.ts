import { beforeAll, describe, expect, it } from "vitest";
import type { Person } from "#db/schema";
import { discloseGroups } from "~/cycles/progress";
import { loadGroupCounts } from "~/cycles/progress.server";
import type { MyRondom } from "~/mine/my-rondom.server";
import { proposeNomination, submitNominations } from "~/nominations/nominations.server";
import * as myPage from "~/routes/mijn._index";
import { call, getRequest, signedInCookie } from "../../support/requests";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { useTestDatabase } from "../../support/database";
import { valueOf } from "../../support/route-outcome";
import {
  actorOf,
  createNominatingCycle,
  participantIdOf,
  possibleColleagues,
} from "../../support/nominating-cycles";

// "Mijn Rondom" in the nominating stage (to-do for participant and lead) and while collecting
// (the participant's own counts per group, counts only).

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let colleagues: Person[];

beforeAll(async () => {
  cast = await loadCast(test.db);
  colleagues = await possibleColleagues(test.db, cast, cast.member, 2);
});

async function openMine(person: Person): Promise<MyRondom> {
  const cookie = await signedInCookie(test.db, person.id);
  return valueOf<MyRondom>(await call(myPage.loader, getRequest("/mijn", { cookie })));
}

describe("Mijn Rondom while nominating", () => {
  it("shows the participant's nominating round with its status, and the lead what waits", async () => {
    const leadBefore = (await openMine(cast.teamLead)).reviewsWaiting;
    const headBefore = (await openMine(cast.departmentHead)).reviewsWaiting;
    const hrBefore = (await openMine(cast.hr)).reviewsWaiting;
    const cycle = await createNominatingCycle(test.db, cast, [cast.member], { colleague_min: 1 });
    const participantId = participantIdOf(cycle, cast.member);

    const open = (await openMine(cast.member)).cycles.find(
      (entry) => entry.participantId === participantId,
    );
    expect(open).toMatchObject({
      status: "nominating",
      nominationStatus: "open",
      nominationDeadline: "2030-03-18",
      groupCounts: null,
    });

    await proposeNomination(test.db, actorOf(cast.member), participantId, {
      group: "colleague",
      personId: colleagues[0]!.id,
    });
    await submitNominations(test.db, actorOf(cast.member), participantId);
    const submitted = (await openMine(cast.member)).cycles.find(
      (entry) => entry.participantId === participantId,
    );
    expect(submitted?.nominationStatus).toBe("submitted");
    expect((await openMine(cast.teamLead)).reviewsWaiting).toBe(leadBefore + 1);
    // Only the lead's own people count: not for the lead above, not for HR.
    expect((await openMine(cast.departmentHead)).reviewsWaiting).toBe(headBefore);
    expect((await openMine(cast.hr)).reviewsWaiting).toBe(hrBefore);
    expect((await openMine(cast.member)).reviewsWaiting).toBe(0);
  });
});

describe("Mijn Rondom while collecting", () => {
  it("shows each collecting participation's own counts per group, and none for released rounds", async () => {
    const participations = await test.db
      .selectFrom("participant")
      .innerJoin("cycle", "cycle.id", "participant.cycle_id")
      .select(["participant.id", "participant.person_id", "cycle.status"])
      .where("cycle.organisation_id", "=", cast.organisationId)
      .where("cycle.status", "=", "collecting")
      .execute();
    expect(participations.length).toBeGreaterThan(0);
    const participation = participations[0]!;
    const person = await test.db
      .selectFrom("person")
      .selectAll()
      .where("id", "=", participation.person_id)
      .executeTakeFirstOrThrow();
    const mine = await openMine(person);
    const entry = mine.cycles.find((r) => r.participantId === participation.id);
    const expected = (await loadGroupCounts(test.db, [participation.id])).get(participation.id)!;
    // While collecting, a group of one (the manager) shows no answers (see groups-of-one.test),
    // and no group sends more than the table shows.
    expect(entry?.groupCounts).toEqual(
      discloseGroups(expected, true).map((group) =>
        group.shown
          ? {
              relationship: group.relationship,
              shown: true,
              invited: group.invited,
              answered: group.answered,
              declined: group.declined,
            }
          : { relationship: group.relationship, shown: false, invited: group.invited },
      ),
    );
    expect(entry?.groupCounts?.find((group) => group.relationship === "manager")).toMatchObject({
      shown: false,
    });
    expect(entry?.groupCounts?.map((group) => group.relationship)).toContain("self");
    // Counts only: nothing in them names a rater.
    expect(JSON.stringify(entry?.groupCounts)).not.toMatch(/@|rater|name/i);
    for (const other of mine.cycles.filter((r) => r.status === "released")) {
      expect(other.groupCounts).toBeNull();
    }
  });
});
