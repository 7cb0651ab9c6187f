import { managerOf } from "~/cycles/manager";
import type { ImportContext, ImportPlan } from "~/people/import-plan";
import { teamNameKey } from "~/people/text";

// The people import's plan applied in memory (the database version is in the integration
// tests), for the planner's unit tests: whether importing the same file again changes nothing,
// and whom everyone has as manager once a plan is applied.

/** What applying the plan would leave behind, as the context of a next import. */
export function applyInMemory(result: ImportPlan, context: ImportContext): ImportContext {
  let nextId = 0;
  const teams = context.teams.map((team) => ({ ...team }));
  const teamByKey = (name: string) =>
    teams.find((team) => teamNameKey(team.name) === teamNameKey(name));
  for (const creation of result.teamsToCreate) {
    teams.push({
      id: `team-${nextId++}`,
      name: creation.name,
      parentTeamId: null,
      leadPersonId: null,
    });
  }
  for (const { name, parentName } of [
    ...result.teamsToCreate,
    ...result.teamMoves.map((move) => ({ name: move.name, parentName: move.toParent })),
  ]) {
    if (parentName) teamByKey(name)!.parentTeamId = teamByKey(parentName)!.id;
  }
  const people = context.people.map((existing) => ({ ...existing }));
  for (const row of result.rows) {
    if (row.kind !== "new" && row.kind !== "changed") continue;
    const values = {
      employeeNumber: row.person.employeeNumber,
      firstName: row.person.firstName,
      lastName: row.person.lastName,
      email: row.person.email,
      locale: row.person.locale,
      teamId: row.person.teamName ? teamByKey(row.person.teamName)!.id : null,
      profileKey: row.person.profile?.key ?? null,
      isHrAdmin: row.person.role === "hr_admin",
      isActive: true,
    };
    if (row.kind === "new") people.push({ id: `person-${nextId++}`, ...values });
    else
      Object.assign(
        people.find((existing) => existing.id === row.personId)!,
        values,
      );
  }
  for (const change of result.leadChanges) {
    const lead = people.find((person) =>
      change.to.personId === null
        ? person.employeeNumber === change.to.employeeNumber
        : person.id === change.to.personId,
    )!;
    teamByKey(change.teamName)!.leadPersonId = lead.id;
  }
  return { ...context, people, teams };
}

/**
 * Everyone in the file with their manager in a round once the plan is applied
 * (app/cycles/manager.ts), both by employee number; null for no manager.
 */
export function managersAfter(
  result: ImportPlan,
  context: ImportContext,
): Record<string, string | null> {
  const after = applyInMemory(result, context);
  const teamsById = new Map(after.teams.map((team) => [team.id, team]));
  const peopleById = new Map(after.people.map((person) => [person.id, person]));
  const isActive = (id: string) => peopleById.get(id)?.isActive ?? false;
  const managers: Record<string, string | null> = {};
  for (const row of result.rows) {
    if (row.kind === "error") continue;
    const { employeeNumber } = row.person;
    const person = after.people.find((candidate) => candidate.employeeNumber === employeeNumber)!;
    const managerId = managerOf(person, teamsById, isActive);
    managers[employeeNumber] = managerId ? peopleById.get(managerId)!.employeeNumber : null;
  }
  return managers;
}
