import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "#db/ids";
import type { Relationship } from "#db/schema";
import { startNominating } from "~/cycles/lifecycle.server";
import { saveProfileVersion } from "~/profiles/library.server";
import type { Profile } from "~/profiles/schema";
import { findInvitationByToken } from "~/rater/invitation.server";
import { loadQuestionnaire } from "~/rater/questionnaire.server";
import { computeCycleReports } from "~/reports/release.server";
import type { ReportContent } from "~/reports/report-content";
import { loadCycleProfile, ratedCompetenciesByTeam } from "~/team-profiles/cycle-figures.server";
import { generateToken, hashToken } from "~/utils/tokens.server";
import { useTestDatabase } from "../../support/database";
import { demoProfile, loadCast, type DemoCast } from "../../support/demo-cast";
import { draftCycleWithTeam, participantsOf } from "../../support/draft-cycles";

// One round, two functions: a participant whose person holds another function profile is
// rated on that profile, from the questionnaire their raters get to the report they read,
// while the organisation-wide competencies stay the axes the two profiles share.

const test = useTestDatabase({ seed: true });
let cast: DemoCast;

/** The demo profile's organisation-wide competencies, plus one of the function's own. */
function projectLeadProfile(indicatorText = "stuurt op het afgesproken resultaat"): Profile {
  const base = structuredClone(demoProfile());
  const shared = base.clusters.map((cluster) => ({
    ...cluster,
    competencies: cluster.competencies.filter((competency) => competency.organisationWide),
  }));
  const withShared = shared.filter((cluster) => cluster.competencies.length > 0);
  withShared[0]!.competencies.push({
    id: "resultaatgericht-test",
    name: "Resultaatgericht (test)",
    description: "zet zich in voor het behalen van resultaten.",
    organisationWide: false,
    indicators: [{ id: "resultaatgericht-test-1", text: indicatorText }],
  });
  return { ...base, id: "projectleider-test", name: "Projectleider (test)", clusters: withShared };
}

const keysOf = (profile: Profile) =>
  profile.clusters.flatMap((cluster) => cluster.competencies.map((competency) => competency.id));

beforeAll(async () => {
  cast = await loadCast(test.db);
  await saveProfileVersion(test.db, {
    organisationId: cast.organisationId,
    personId: cast.hr.id,
    profile: projectLeadProfile(),
  });
  await test.db
    .updateTable("person")
    .set({ profile_key: "projectleider-test" })
    .where("id", "=", cast.member.id)
    .execute();
});

describe("a round over two function profiles", () => {
  it("rates each participant on their own profile, and keeps its version when it changes later", async () => {
    const cycleId = await draftCycleWithTeam(test.db, cast);
    const participants = await test.db
      .selectFrom("participant")
      .select(["id", "person_id", "profile_key", "profile_snapshot_id"])
      .where("cycle_id", "=", cycleId)
      .execute();
    const member = participants.find((row) => row.person_id === cast.member.id)!;
    const other = participants.find((row) => row.person_id !== cast.member.id)!;
    expect(member.profile_key).toBe("projectleider-test");
    expect(other.profile_key).toBeNull();

    const outcome = await startNominating(test.db, {
      organisationId: cast.organisationId,
      cycleId,
      actorPersonId: cast.hr.id,
    });
    expect(outcome.status).toBe("done");
    // A later rewording is a new version; the round keeps the one it started with.
    await saveProfileVersion(test.db, {
      organisationId: cast.organisationId,
      personId: cast.hr.id,
      profile: projectLeadProfile("stuurt op resultaat, ook als het tegenzit"),
    });
    await test.db
      .updateTable("cycle")
      .set({ status: "collecting" })
      .where("id", "=", cycleId)
      .execute();

    // The raters of each participant get that participant's questionnaire.
    const questionnaireFor = async (participantId: string) => {
      const token = generateToken();
      await test.db
        .insertInto("invitation")
        .values({
          id: newId(),
          cycle_id: cycleId,
          participant_id: participantId,
          relationship: "colleague",
          rater_name: "Buiten Staander",
          rater_email: `${newId().slice(0, 8).toLowerCase()}@extern.example`,
          token_hash: hashToken(token),
          status: "open",
          sent_at: new Date().toISOString(),
          created_at: new Date().toISOString(),
        })
        .execute();
      const invitation = await findInvitationByToken(test.db, token);
      return loadQuestionnaire(test.db, invitation!.participant.profileSnapshotId);
    };
    const memberQuestionnaire = await questionnaireFor(member.id);
    expect(memberQuestionnaire.competencies.map((c) => c.key)).toEqual(
      keysOf(projectLeadProfile()),
    );
    const ownCompetency = memberQuestionnaire.competencies.find(
      (competency) => competency.key === "resultaatgericht-test",
    );
    expect(ownCompetency?.indicators[0]?.text).toBe("stuurt op het afgesproken resultaat");
    const otherQuestionnaire = await questionnaireFor(other.id);
    expect(otherQuestionnaire.competencies.map((c) => c.key)).toEqual(keysOf(demoProfile()));
  });

  it("reports each participant on their own profile; team figures meet on the shared competencies", async () => {
    const cycleId = await draftCycleWithTeam(test.db, cast);
    await startNominating(test.db, {
      organisationId: cast.organisationId,
      cycleId,
      actorPersonId: cast.hr.id,
    });
    const participants = await participantsOf(test.db, cycleId);
    // Three colleagues and the participant themself answer every item with a 4.
    for (const participant of participants) {
      const snapshot = await test.db
        .selectFrom("participant")
        .innerJoin("cycle", "cycle.id", "participant.cycle_id")
        .select((eb) =>
          eb.fn.coalesce("participant.profile_snapshot_id", "cycle.profile_snapshot_id").as("id"),
        )
        .where("participant.id", "=", participant.id)
        .executeTakeFirstOrThrow();
      const questionnaire = await loadQuestionnaire(test.db, snapshot.id!);
      const relationships: Relationship[] = ["self", "colleague", "colleague", "colleague"];
      for (const relationship of relationships) {
        const responseId = newId();
        await test.db
          .insertInto("response")
          .values({
            id: responseId,
            cycle_id: cycleId,
            participant_id: participant.id,
            relationship,
            submitted_on: "2030-03-04",
          })
          .execute();
        await test.db
          .insertInto("rating")
          .values(
            questionnaire.competencies.flatMap((competency) =>
              competency.indicators.map((indicator) => ({
                response_id: responseId,
                indicator_id: indicator.id,
                score: 4,
              })),
            ),
          )
          .execute();
      }
    }
    await test.db
      .updateTable("cycle")
      .set({ status: "released", released_at: new Date().toISOString() })
      .where("id", "=", cycleId)
      .execute();
    await computeCycleReports(test.db, cycleId);

    const reports = await test.db
      .selectFrom("report")
      .innerJoin("participant", "participant.id", "report.participant_id")
      .select(["participant.person_id", "report.content"])
      .where("report.cycle_id", "=", cycleId)
      .execute();
    const keysOfReport = (personId: string) =>
      (
        JSON.parse(reports.find((row) => row.person_id === personId)!.content) as ReportContent
      ).competencies.map((competency) => competency.key);
    expect(keysOfReport(cast.member.id)).toEqual(keysOf(projectLeadProfile()));
    const someoneElse = reports.find((row) => row.person_id !== cast.member.id)!;
    expect(keysOfReport(someoneElse.person_id)).toEqual(keysOf(demoProfile()));

    // The team profile's axes: the round's profile, then what the other profile adds.
    const cycleProfile = await loadCycleProfile(test.db, cycleId);
    expect(cycleProfile.competencies.map((competency) => competency.key)).toEqual([
      ...keysOf(demoProfile()),
      "resultaatgericht-test",
    ]);
    // Each competency's score rows come only from the members rated on it.
    const scoreRows = await test.db
      .selectFrom("competency_score")
      .innerJoin("participant", "participant.id", "competency_score.participant_id")
      .select(["participant.person_id", "competency_score.competency_key"])
      .where("competency_score.cycle_id", "=", cycleId)
      .execute();
    const ratedOn = (key: string) =>
      scoreRows.filter((row) => row.competency_key === key).map((row) => row.person_id);
    expect(ratedOn("resultaatgericht-test")).toEqual([cast.member.id]);
    const sharedKey = keysOf(projectLeadProfile())[0]!;
    expect(ratedOn(sharedKey)).toHaveLength(participants.length);
    const demoOnlyKey = keysOf(demoProfile()).find(
      (key) => !keysOf(projectLeadProfile()).includes(key),
    )!;
    // A team profile shows what its own members were rated on: the function competency only
    // in a team that holds someone rated on it.
    const memberParticipant = participants.find((p) => p.person_id === cast.member.id)!;
    const otherParticipant = participants.find((p) => p.person_id !== cast.member.id)!;
    const { keysOfParticipant } = await loadCycleProfile(test.db, cycleId);
    const ratedInTeam = ratedCompetenciesByTeam(
      [
        { participantId: memberParticipant.id, teamPath: ["team-a", "afdeling"] },
        { participantId: otherParticipant.id, teamPath: ["team-b", "afdeling"] },
      ],
      keysOfParticipant,
    );
    expect(ratedInTeam.get("team-a")?.has("resultaatgericht-test")).toBe(true);
    expect(ratedInTeam.get("team-b")?.has("resultaatgericht-test")).toBe(false);
    expect(ratedInTeam.get("afdeling")?.has("resultaatgericht-test")).toBe(true);
    expect(ratedInTeam.get("team-b")?.has(demoOnlyKey)).toBe(true);
    expect(ratedInTeam.get("team-a")?.has(demoOnlyKey)).toBe(false);
    expect(ratedOn(demoOnlyKey)).not.toContain(cast.member.id);
  });
  it("names two competencies of one name after their profiles, so no two rows read the same", async () => {
    // HR kept a "Communiceren" of its own apart from the library's when importing.
    const apart = projectLeadProfile();
    apart.id = "apart-test";
    apart.name = "Apart (test)";
    apart.clusters[0]!.competencies.push({
      id: "communiceren-apart",
      name: "Communiceren",
      description: "een eigen competentie met dezelfde naam",
      organisationWide: false,
      indicators: [{ id: "communiceren-apart-1", text: "zegt wat hij bedoelt" }],
    });
    apart.clusters[0]!.competencies = apart.clusters[0]!.competencies.filter(
      (competency) => competency.id !== "communiceren",
    );
    await saveProfileVersion(test.db, {
      organisationId: cast.organisationId,
      personId: cast.hr.id,
      profile: apart,
    });
    const cycleId = await draftCycleWithTeam(test.db, cast);
    await test.db
      .updateTable("participant")
      .set({ profile_key: "apart-test" })
      .where("cycle_id", "=", cycleId)
      .where("person_id", "=", cast.member.id)
      .execute();
    await startNominating(test.db, {
      organisationId: cast.organisationId,
      cycleId,
      actorPersonId: cast.hr.id,
    });
    const names = (await loadCycleProfile(test.db, cycleId)).competencies.map((c) => [
      c.key,
      c.name,
    ]);
    expect(names).toContainEqual(["communiceren", `Communiceren (${demoProfile().name})`]);
    expect(names).toContainEqual(["communiceren-apart", "Communiceren (Apart (test))"]);
    // Names that are not shared stay as they are.
    expect(names).toContainEqual(["resultaatgericht-test", "Resultaatgericht (test)"]);
  });
});
