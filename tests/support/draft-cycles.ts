import { insertionOrder } from "./dialect";
import { type Updateable } from "kysely";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import type { Cycle, CycleTable, Relationship } from "#db/schema";
import {
  cycleSettingsFormValues,
  defaultCycleSettings,
  type CycleSettings,
} from "~/cycles/cycle-schema";
import { createCycle } from "~/cycles/cycles.server";
import { addTeams } from "~/cycles/participants.server";
import type { DemoCast } from "./demo-cast";
import type { Fields } from "./requests";

// Rounds of the demo made as HR makes them (settings, a draft, its team), and reading them back.

let counter = 0;

/** Valid settings (the defaults) for a round of the demo; every round gets its own name. */
export function settingsFor(overrides: Partial<CycleSettings> = {}): CycleSettings {
  counter += 1;
  return {
    name: `Testronde ${counter}`,
    profileKey: "toepassing-beleid",
    nominationDeadline: "2030-03-18",
    answerDeadline: "2030-04-08",
    ...defaultCycleSettings(),
    ...overrides,
  };
}

/** The settings as the form posts them. */
export function settingsFields(
  settings: CycleSettings,
  overrides: Record<string, string> = {},
): Fields {
  return Object.entries({ ...cycleSettingsFormValues(settings), ...overrides });
}

/** A round in draft, created by the demo's HR admin. */
export async function draftCycle(
  db: DB,
  cast: DemoCast,
  overrides: Partial<CycleSettings> = {},
): Promise<string> {
  return createCycle(db, {
    organisationId: cast.organisationId,
    actorPersonId: cast.hr.id,
    settings: settingsFor(overrides),
  });
}

/** A draft round with the members of the cast's team as participants. */
export async function draftCycleWithTeam(
  db: DB,
  cast: DemoCast,
  overrides: Partial<CycleSettings> = {},
): Promise<string> {
  const cycleId = await draftCycle(db, cast, overrides);
  await addTeams(db, {
    organisationId: cast.organisationId,
    cycleId,
    actorPersonId: cast.hr.id,
    teamIds: [cast.team.id],
    includeSubTeams: false,
  });
  return cycleId;
}

/** Puts a round straight into a stage or past a deadline, as the tests need it. */
export async function updateCycle(
  db: DB,
  cycleId: string,
  changes: Updateable<CycleTable>,
): Promise<void> {
  await db.updateTable("cycle").set(changes).where("id", "=", cycleId).execute();
}

export function cycleRow(db: DB, cycleId: string): Promise<Cycle> {
  return db.selectFrom("cycle").selectAll().where("id", "=", cycleId).executeTakeFirstOrThrow();
}

export async function participantsOf(db: DB, cycleId: string) {
  return db
    .selectFrom("participant")
    .innerJoin("person", "person.id", "participant.person_id")
    .select([
      "participant.id",
      "participant.person_id",
      "participant.manager_person_id",
      "participant.nomination_status",
      "person.first_name",
      "person.last_name",
    ])
    .where("participant.cycle_id", "=", cycleId)
    .orderBy("person.last_name")
    .execute();
}

/** The audit actions about a round (or a person in it), in the order they were logged. */
export async function auditOf(db: DB, subjectId: string) {
  return db
    .selectFrom("audit_log")
    .select(["action", "actor_person_id", "details", "subject_type"])
    .where("subject_id", "=", subjectId)
    .orderBy(insertionOrder())
    .execute();
}

/** A proposed nomination, as the participant's nomination page would store it. */
export async function proposeNomination(
  db: DB,
  participantId: string,
  rater: { name: string; email: string; relationship?: Relationship; personId?: string | null },
) {
  await db
    .insertInto("nomination")
    .values({
      id: newId(),
      participant_id: participantId,
      relationship: rater.relationship ?? "colleague",
      rater_person_id: rater.personId ?? null,
      rater_name: rater.name,
      rater_email: rater.email,
      status: "proposed",
      created_at: new Date().toISOString(),
    })
    .execute();
  await db
    .updateTable("participant")
    .set({ nomination_status: "submitted", nominations_submitted_at: new Date().toISOString() })
    .where("id", "=", participantId)
    .execute();
}

export function cycleParams(cycleId: string) {
  return { params: { cycleId } };
}
