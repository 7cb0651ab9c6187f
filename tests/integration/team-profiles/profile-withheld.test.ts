import { beforeAll, describe, expect, it } from "vitest";
import * as profileCsvRoute from "~/routes/teams.$teamId.profiel[.csv]";
import * as profileRoute from "~/routes/teams.$teamId.profiel";
import { readQuestionnaire } from "~/rater/questionnaire.server";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { responseOf } from "../../support/route-outcome";
import { useTestDatabase } from "../../support/database";
import { asPerson, csvLines, cycleByName, readyProfile } from "./profile-helpers";

// The case the issue names: a team of 3 members with results, 2 of whom shared their report
// with the lead. The lead knows those 2; a team mean would give away the third member's
// score, so the lead sees no team figure at all (HR, who knows none, does).

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let cycleId: string;
let kept: { id: string; person_id: string; manager_person_id: string | null }[];

beforeAll(async () => {
  cast = await loadCast(test.db);
  cycleId = (await cycleByName(test.db, "najaar 2029")).id;
  const members = await test.db
    .selectFrom("participant")
    .innerJoin("participant_team", "participant_team.participant_id", "participant.id")
    .select(["participant.id", "participant.person_id", "participant.manager_person_id"])
    .where("participant.cycle_id", "=", cycleId)
    .where("participant_team.team_id", "=", cast.team.id)
    .where("participant_team.depth", "=", 0)
    .orderBy("participant.id")
    .execute();
  const others = members.filter((member) => member.person_id !== cast.teamLead.id);
  kept = others.slice(0, 3);
  expect(kept.every((member) => member.manager_person_id === cast.teamLead.id)).toBe(true);
  // Only three members keep their scores (the lead's own report included: it goes too).
  await test.db
    .deleteFrom("competency_score")
    .where("cycle_id", "=", cycleId)
    .where(
      "participant_id",
      "in",
      members.filter((member) => !kept.includes(member)).map((member) => member.id),
    )
    .execute();
  // Two of the three shared their report with the lead, the third did not.
  await test.db
    .updateTable("participant")
    .set({ shared_with_lead_at: null })
    .where("cycle_id", "=", cycleId)
    .where("manager_person_id", "=", cast.teamLead.id)
    .execute();
  await test.db
    .updateTable("participant")
    .set({ shared_with_lead_at: new Date().toISOString() })
    .where("id", "in", [kept[0]!.id, kept[1]!.id])
    .execute();
});

const openProfile = (personId: string) =>
  asPerson(test.db, personId, `/teams/${cast.team.id}/profiel`, profileRoute.loader, {
    teamId: cast.team.id,
  });

describe("a team of three with results, two of whom shared with the lead", () => {
  it("shows the lead no team figure, only the explanation", async () => {
    const profile = readyProfile(await openProfile(cast.teamLead.id));
    expect(profile.anyShown).toBe(false);
    // The page shows no table then, only why: no rows, no norm, no trend in its data.
    expect(profile.rows).toEqual([]);
    expect(profile.previousCycleName).toBeNull();
    // Only the competencies the three were rated on: none is "too few", all are "known".
    expect(profile.withheldReasons).toEqual(["known_members"]);
    expect(profile.reading).toBeNull();
    // The two who shared are listed for the lead (they consented); the third is not.
    expect((profile.memberResults?.members ?? []).map((line) => line.participantId).sort()).toEqual(
      [kept[0]!.id, kept[1]!.id].sort(),
    );
    expect(JSON.stringify(profile)).not.toContain(kept[2]!.id);
  });

  it("leaves every team figure out of the lead's CSV", async () => {
    const response = responseOf(
      await asPerson(
        test.db,
        cast.teamLead.id,
        `/teams/${cast.team.id}/profiel.csv`,
        profileCsvRoute.loader,
        { teamId: cast.team.id },
      ),
    );
    expect(response.status).toBe(200);
    const [, ...lines] = csvLines(await response.text());
    // The three are rated on one profile; the round's other profiles' competencies have no
    // member of this team at all.
    const snapshots = await test.db
      .selectFrom("participant")
      .innerJoin("cycle", "cycle.id", "participant.cycle_id")
      .select((eb) =>
        eb.fn.coalesce("participant.profile_snapshot_id", "cycle.profile_snapshot_id").as("id"),
      )
      .distinct()
      .where(
        "participant.id",
        "in",
        kept.map((member) => member.id),
      )
      .execute();
    expect(snapshots).toHaveLength(1);
    const theirs = new Set(
      (await readQuestionnaire(test.db, snapshots[0]!.id!)).competencies.map((c) => c.name),
    );
    expect(lines.filter((fields) => theirs.has(fields[0]!))).toHaveLength(theirs.size);
    for (const fields of lines) {
      expect([3, 4, 7, 8, 9, 10, 11].map((index) => fields[index]).join("")).toBe("");
      expect(fields[12]).toBe(
        theirs.has(fields[0]!)
          ? "niet getoond om herleidbaarheid te voorkomen"
          : "te weinig teamleden",
      );
    }
  });

  it("still shows HR, who knows none of them, the team of three", async () => {
    const profile = readyProfile(await openProfile(cast.hr.id));
    const shown = profile.rows.filter((row) => row.team.shown);
    expect(shown.length).toBeGreaterThan(0);
    for (const row of shown) if (row.team.shown) expect(row.team.members).toBe(3);
    expect(profile.memberResults).toBeNull();
  });
});
