import { inTransaction } from "#db/transaction";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import { recordAudit } from "~/audit/audit-log.server";
import type { Actor } from "./person-store.server";
import type { TeamFormValues } from "./team-schema";
import { teamsByPath, wouldCreateCycle } from "./team-tree";
import { teamNameKey } from "./text";
import { fullName, fullNameOrNull } from "./full-name";
import { inDutchOrder } from "./dutch-order";
import { withDescendants } from "~/teams/tree";

// Teams of one organisation as HR lists and edits them: name, the team above, the lead.

export interface TeamListItem {
  id: string;
  name: string;
  /** "Afdeling > Team". */
  path: string;
  parentName: string | null;
  leadName: string | null;
  /** Active people in the team. */
  memberCount: number;
}

export async function listTeams(db: DB, organisationId: string): Promise<TeamListItem[]> {
  const teams = await db
    .selectFrom("team")
    .leftJoin("person as lead", "lead.id", "team.lead_person_id")
    .select([
      "team.id",
      "team.name",
      "team.parent_team_id",
      "lead.first_name as lead_first_name",
      "lead.last_name as lead_last_name",
    ])
    .where("team.organisation_id", "=", organisationId)
    .execute();
  const counts = await db
    .selectFrom("person")
    .select(["team_id", (eb) => eb.fn.countAll<number>().as("members")])
    .where("organisation_id", "=", organisationId)
    .where("is_active", "=", 1)
    .where("team_id", "is not", null)
    .groupBy("team_id")
    .execute();
  const membersByTeam = new Map(counts.map((row) => [row.team_id, Number(row.members)]));
  const nodes = teams.map((team) => ({
    id: team.id,
    name: team.name,
    parentTeamId: team.parent_team_id,
  }));
  const byId = new Map(teams.map((team) => [team.id, team]));
  return teamsByPath(nodes).map(({ id, label }) => {
    const team = byId.get(id)!;
    const parent = team.parent_team_id ? byId.get(team.parent_team_id) : undefined;
    return {
      id,
      name: team.name,
      path: label,
      parentName: parent?.name ?? null,
      leadName: fullNameOrNull({
        first_name: team.lead_first_name,
        last_name: team.lead_last_name,
      }),
      memberCount: membersByTeam.get(id) ?? 0,
    };
  });
}

export interface TeamRecord {
  id: string;
  name: string;
  parentTeamId: string | null;
  leadPersonId: string | null;
}

export async function loadTeam(
  db: DB,
  organisationId: string,
  teamId: string,
): Promise<TeamRecord | null> {
  const team = await db
    .selectFrom("team")
    .select(["id", "name", "parent_team_id", "lead_person_id"])
    .where("id", "=", teamId)
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  if (!team) return null;
  return {
    id: team.id,
    name: team.name,
    parentTeamId: team.parent_team_id,
    leadPersonId: team.lead_person_id,
  };
}

export interface Option {
  id: string;
  label: string;
}

/** Teams to choose from, labelled with their path; without `excludeTreeOf` and its sub-teams. */
export async function listTeamOptions(
  db: DB,
  organisationId: string,
  excludeTreeOf?: string,
): Promise<Option[]> {
  const nodes = await loadTeamNodes(db, organisationId);
  const excluded = excludeTreeOf ? withDescendants([excludeTreeOf], nodes) : new Set();
  return teamsByPath(nodes).filter((option) => !excluded.has(option.id));
}

/** Active people who can lead a team, by last name, labelled "Name (employee number)". */
export async function listLeadOptions(db: DB, organisationId: string): Promise<Option[]> {
  const people = await db
    .selectFrom("person")
    .select(["id", "first_name", "last_name", "employee_number"])
    .where("organisation_id", "=", organisationId)
    .where("is_active", "=", 1)
    .execute();
  return inDutchOrder(people).map((person) => ({
    id: person.id,
    label: person.employee_number
      ? `${fullName(person)} (${person.employee_number})`
      : fullName(person),
  }));
}

async function loadTeamNodes(db: DB, organisationId: string) {
  const rows = await db
    .selectFrom("team")
    .select(["id", "name", "parent_team_id"])
    .where("organisation_id", "=", organisationId)
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, parentTeamId: row.parent_team_id }));
}

export type SaveTeamResult =
  | { status: "saved"; teamId: string }
  | { status: "name_taken" }
  | { status: "invalid_parent" }
  | { status: "invalid_lead" }
  | { status: "not_found" };

/**
 * Creates a team (teamId null) or changes one. The name is unique in the organisation
 * (regardless of case and accents, as the import matches names); the team above may not be
 * the team itself or a team under it; the lead is an active person of the organisation.
 */
export async function saveTeam(
  db: DB,
  actor: Actor,
  teamId: string | null,
  values: TeamFormValues,
  now: Date = new Date(),
): Promise<SaveTeamResult> {
  return inTransaction(db, async (trx) => {
    const current = teamId ? await loadTeam(trx, actor.organisationId, teamId) : null;
    if (teamId && !current) return { status: "not_found" };
    const nodes = await loadTeamNodes(trx, actor.organisationId);
    const key = teamNameKey(values.name);
    if (nodes.some((team) => team.id !== teamId && teamNameKey(team.name) === key)) {
      return { status: "name_taken" };
    }
    const parentId = values.parentTeamId || null;
    if (parentId !== null) {
      const parentExists = nodes.some((team) => team.id === parentId);
      if (!parentExists || (teamId && wouldCreateCycle(teamId, parentId, nodes))) {
        return { status: "invalid_parent" };
      }
    }
    const leadId = values.leadPersonId || null;
    if (leadId !== null && !(await isActivePerson(trx, actor.organisationId, leadId))) {
      return { status: "invalid_lead" };
    }

    const columns = { name: values.name, parent_team_id: parentId, lead_person_id: leadId };
    if (!current) {
      const id = newId();
      await trx
        .insertInto("team")
        .values({
          id,
          organisation_id: actor.organisationId,
          ...columns,
          created_at: now.toISOString(),
        })
        .execute();
      await auditTeam(trx, actor, "team_created", id, now);
      return { status: "saved", teamId: id };
    }
    const before = {
      name: current.name,
      parent_team_id: current.parentTeamId,
      lead_person_id: current.leadPersonId,
    };
    const changed = (Object.keys(columns) as (keyof typeof columns)[]).filter(
      (column) => before[column] !== columns[column],
    );
    if (changed.length > 0) {
      await trx.updateTable("team").set(columns).where("id", "=", current.id).execute();
      await auditTeam(trx, actor, "team_updated", current.id, now, changed.join(","));
    }
    return { status: "saved", teamId: current.id };
  });
}

async function isActivePerson(db: DB, organisationId: string, personId: string) {
  const person = await db
    .selectFrom("person")
    .select("id")
    .where("id", "=", personId)
    .where("organisation_id", "=", organisationId)
    .where("is_active", "=", 1)
    .executeTakeFirst();
  return person !== undefined;
}

async function auditTeam(
  db: DB,
  actor: Actor,
  action: "team_created" | "team_updated",
  teamId: string,
  now: Date,
  fields?: string,
) {
  await recordAudit(
    db,
    {
      organisationId: actor.organisationId,
      actorPersonId: actor.id,
      action,
      subjectType: "team",
      subjectId: teamId,
      details: fields ? { fields } : undefined,
    },
    now,
  );
}
