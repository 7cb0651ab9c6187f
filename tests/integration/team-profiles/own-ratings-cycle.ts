import path from "node:path";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import type { Relationship } from "#db/schema";
import { loadProfilesFromDirectory } from "~/profiles/load.server";
import { snapshotProfile } from "~/profiles/snapshot.server";
import { readQuestionnaire } from "~/rater/questionnaire.server";
import { computeCycleReports } from "~/reports/release.server";
import { hashToken } from "~/utils/tokens.server";
import { insertOrganisation, insertTeam, setTeamLead } from "../../support/fixtures/rows";

// A small released round written the way the app writes one (invitations, responses and
// ratings, then computeCycleReports), in which the person who looks at the team profile rated
// team members themselves: HR added as a late rater, or the team lead as the members' manager.

export type RaterName = "viewer" | "x" | "y" | "z";

export interface OwnRatingsCycleSpec {
  /** The round's threshold. */
  k: number;
  /** Who looks: HR (rated as a late "colleague") or the team's lead (rated as "manager"). */
  viewer: "hr" | "lead";
  /** How the viewer answered; by default as above. */
  viewerRelationship?: Relationship;
  /** Members who shared their report with the lead (their round manager). */
  sharedWithLead?: string[];
  /** Other raters who answered as a manager (a second manager, say); by default colleagues. */
  otherManagers?: RaterName[];
  /** The team's members, each with the people who rated them. */
  members: { name: string; raters: RaterName[] }[];
  /** Seed of the ratings (integers 1–5, every item answered). */
  seed: number;
}

export interface OwnRatingsCycle {
  organisationId: string;
  cycleId: string;
  teamId: string;
  viewerId: string;
  competencyKeys: string[];
  participantIdOf: Map<string, string>;
  /** Rater → member name → competency key → that rater's mean over the competency's items. */
  means: Map<RaterName, Map<string, Record<string, number>>>;
}

function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function createOwnRatingsCycle(
  db: DB,
  spec: OwnRatingsCycleSpec,
): Promise<OwnRatingsCycle> {
  const random = mulberry32(spec.seed);
  const at = (day: string) => `${day}T10:00:00.000Z`;
  const organisationId = await insertOrganisation(db, {
    name: `Gemeente Eigendam ${spec.seed}`,
    createdAt: at("2029-01-01"),
  });

  let personNumber = 0;
  const person = async (firstName: string, options: { teamId?: string; hr?: boolean } = {}) => {
    const id = newId();
    personNumber++;
    await db
      .insertInto("person")
      .values({
        id,
        organisation_id: organisationId,
        employee_number: `E${spec.seed}-${personNumber}`,
        first_name: firstName,
        last_name: "Eigendam",
        email: `${firstName.toLowerCase()}.${spec.seed}@eigendam.example`,
        team_id: options.teamId ?? null,
        is_hr_admin: options.hr ? 1 : 0,
        created_at: at("2029-01-01"),
        updated_at: at("2029-01-01"),
      })
      .execute();
    return id;
  };

  const hrId = await person("Hanna", { hr: true });
  const teamId = await insertTeam(db, {
    organisationId,
    name: "Team Eigen",
    createdAt: at("2029-01-01"),
  });
  const leadId = await person("Lotte", { teamId });
  await setTeamLead(db, teamId, leadId);
  const viewerId = spec.viewer === "hr" ? hrId : leadId;
  const raterIds: Record<RaterName, string> = {
    viewer: viewerId,
    x: await person("Xander"),
    y: await person("Yara"),
    z: await person("Zeno"),
  };

  const profile = loadProfilesFromDirectory(path.resolve("surveys")).find(
    (candidate) => candidate.id === "toepassing-beleid",
  );
  if (!profile) throw new Error("surveys/toepassing-beleid.md is missing");
  const snapshotId = await snapshotProfile(db, organisationId, profile, {
    now: at("2029-02-01"),
  });
  const questionnaire = await readQuestionnaire(db, snapshotId);
  const cycleId = newId();
  await db
    .insertInto("cycle")
    .values({
      id: cycleId,
      organisation_id: organisationId,
      name: "Ronde eigen oordeel",
      profile_key: profile.id,
      profile_snapshot_id: snapshotId,
      status: "released",
      min_group_size: spec.k,
      lead_access: "with_consent",
      launched_at: at("2029-03-01"),
      closed_at: at("2029-04-01"),
      released_at: at("2029-04-02"),
      created_by_person_id: hrId,
      created_at: at("2029-02-15"),
      updated_at: at("2029-04-02"),
    })
    .execute();

  const participantIdOf = new Map<string, string>();
  const means = new Map<RaterName, Map<string, Record<string, number>>>();
  for (const member of spec.members) {
    const memberId = await person(member.name, { teamId });
    const participantId = newId();
    participantIdOf.set(member.name, participantId);
    await db
      .insertInto("participant")
      .values({
        id: participantId,
        cycle_id: cycleId,
        person_id: memberId,
        manager_person_id: leadId,
        nomination_status: "approved",
        shared_with_lead_at: spec.sharedWithLead?.includes(member.name) ? at("2029-04-03") : null,
        created_at: at("2029-02-15"),
      })
      .execute();
    for (const rater of member.raters) {
      const relationship: Relationship =
        rater !== "viewer"
          ? spec.otherManagers?.includes(rater)
            ? "manager"
            : "colleague"
          : (spec.viewerRelationship ?? (spec.viewer === "lead" ? "manager" : "colleague"));
      await db
        .insertInto("invitation")
        .values({
          id: newId(),
          cycle_id: cycleId,
          participant_id: participantId,
          relationship,
          rater_person_id: raterIds[rater],
          rater_name: rater,
          rater_email: `${rater}.${spec.seed}@eigendam.example`,
          token_hash: hashToken(`${participantId}-${rater}`),
          status: "submitted",
          sent_at: at("2029-03-01"),
          created_at: at("2029-03-01"),
        })
        .execute();
      const responseId = newId();
      await db
        .insertInto("response")
        .values({
          id: responseId,
          cycle_id: cycleId,
          participant_id: participantId,
          relationship,
          submitted_on: "2029-03-10",
        })
        .execute();
      const perCompetency: Record<string, number> = {};
      for (const competency of questionnaire.competencies) {
        const scores = competency.indicators.map(() => 1 + Math.floor(random() * 5));
        await db
          .insertInto("rating")
          .values(
            competency.indicators.map((indicator, i) => ({
              response_id: responseId,
              indicator_id: indicator.id,
              score: scores[i]!,
            })),
          )
          .execute();
        perCompetency[competency.key] = scores.reduce((a, b) => a + b, 0) / scores.length;
      }
      const byMember = means.get(rater) ?? new Map<string, Record<string, number>>();
      byMember.set(member.name, perCompetency);
      means.set(rater, byMember);
    }
  }
  await computeCycleReports(db, cycleId, new Date(at("2029-04-02")));
  return {
    organisationId,
    cycleId,
    teamId,
    viewerId,
    competencyKeys: questionnaire.competencies.map((competency) => competency.key),
    participantIdOf,
    means,
  };
}
