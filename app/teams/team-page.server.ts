import type { DB } from "#db/database";
import type { CycleStatus } from "#db/schema";
import { fullName, fullNameOrNull } from "~/people/full-name";
import { compareByName, inDutchOrder } from "~/people/dutch-order";

export interface TeamPage {
  id: string;
  name: string;
  parent: { id: string; name: string } | null;
  leadName: string | null;
  subTeams: { id: string; name: string }[];
  members: {
    id: string;
    name: string;
    jobTitle: string | null;
    latestCycle: {
      cycleName: string;
      status: CycleStatus;
      /**
       * Whether the member shared that cycle's report with this viewer (their manager then):
       * nobody else learns whether they shared it, or with whom.
       */
      sharedWithYou: boolean;
      /** The report to open, only when it is shared with this viewer and released. */
      reportParticipantId: string | null;
    } | null;
  }[];
}

/**
 * A team with its members and the stage of each member's latest cycle, as `viewerPersonId` may
 * see it; no answers, no raters. With the organisation (for the caller's access check only).
 */
export async function loadTeamPage(
  db: DB,
  teamId: string,
  viewerPersonId: string,
): Promise<{ organisationId: string; page: TeamPage } | null> {
  const team = await db
    .selectFrom("team")
    .leftJoin("team as parent", "parent.id", "team.parent_team_id")
    .leftJoin("person as lead", "lead.id", "team.lead_person_id")
    .select([
      "team.id",
      "team.name",
      "team.organisation_id",
      "parent.id as parent_id",
      "parent.name as parent_name",
      "lead.first_name as lead_first_name",
      "lead.last_name as lead_last_name",
    ])
    .where("team.id", "=", teamId)
    .executeTakeFirst();
  if (!team) return null;

  const [subTeams, members, participations] = await Promise.all([
    db.selectFrom("team").select(["id", "name"]).where("parent_team_id", "=", teamId).execute(),
    db
      .selectFrom("person")
      .select(["id", "first_name", "last_name", "job_title"])
      .where("team_id", "=", teamId)
      .where("is_active", "=", 1)
      .execute(),
    db
      .selectFrom("participant")
      .innerJoin("cycle", "cycle.id", "participant.cycle_id")
      .innerJoin("person", "person.id", "participant.person_id")
      .select([
        "participant.id",
        "participant.person_id",
        "participant.manager_person_id",
        "participant.shared_with_lead_at",
        "cycle.name",
        "cycle.status",
        "cycle.lead_access",
        "cycle.created_at",
      ])
      .where("person.team_id", "=", teamId)
      .where("cycle.status", "!=", "draft")
      .orderBy("cycle.created_at", "desc")
      .execute(),
  ]);

  const latest = new Map<string, (typeof participations)[number]>();
  for (const row of participations) if (!latest.has(row.person_id)) latest.set(row.person_id, row);

  const page: TeamPage = {
    id: team.id,
    name: team.name,
    parent:
      team.parent_id && team.parent_name ? { id: team.parent_id, name: team.parent_name } : null,
    leadName: fullNameOrNull({ first_name: team.lead_first_name, last_name: team.lead_last_name }),
    subTeams: subTeams.sort(compareByName),
    members: inDutchOrder(members).map((member) => {
      const participation = latest.get(member.id);
      const sharedWithYou =
        participation !== undefined &&
        participation.lead_access === "with_consent" &&
        participation.shared_with_lead_at !== null &&
        participation.manager_person_id === viewerPersonId;
      return {
        id: member.id,
        name: fullName(member),
        jobTitle: member.job_title,
        latestCycle: participation
          ? {
              cycleName: participation.name,
              status: participation.status,
              sharedWithYou,
              reportParticipantId:
                sharedWithYou && participation.status === "released" ? participation.id : null,
            }
          : null,
      };
    }),
  };
  return { organisationId: team.organisation_id, page };
}
