import type { DB } from "#db/database";
import type { CycleStatus } from "#db/schema";

export interface TeamPage {
  id: string;
  name: string;
  organisationId: string;
  parent: { id: string; name: string } | null;
  leadName: string | null;
  subTeams: { id: string; name: string }[];
  members: {
    id: string;
    name: string;
    jobTitle: string | null;
    latestRound: {
      participantId: string;
      cycleName: string;
      status: CycleStatus;
      sharedWithLead: boolean;
      managerPersonId: string | null;
    } | null;
  }[];
}

/** A team with its members and the stage of each member's latest round; no answers, no raters. */
export async function loadTeamPage(db: DB, teamId: string): Promise<TeamPage | null> {
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
    db
      .selectFrom("team")
      .select(["id", "name"])
      .where("parent_team_id", "=", teamId)
      .orderBy("name")
      .execute(),
    db
      .selectFrom("person")
      .select(["id", "first_name", "last_name", "job_title"])
      .where("team_id", "=", teamId)
      .where("is_active", "=", 1)
      .orderBy("last_name")
      .orderBy("first_name")
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

  return {
    id: team.id,
    name: team.name,
    organisationId: team.organisation_id,
    parent:
      team.parent_id && team.parent_name ? { id: team.parent_id, name: team.parent_name } : null,
    leadName: team.lead_first_name ? `${team.lead_first_name} ${team.lead_last_name}` : null,
    subTeams,
    members: members.map((member) => {
      const round = latest.get(member.id);
      return {
        id: member.id,
        name: `${member.first_name} ${member.last_name}`,
        jobTitle: member.job_title,
        latestRound: round
          ? {
              participantId: round.id,
              managerPersonId: round.manager_person_id,
              cycleName: round.name,
              status: round.status,
              sharedWithLead:
                round.lead_access === "with_consent" && round.shared_with_lead_at !== null,
            }
          : null,
      };
    }),
  };
}
