import { insertionOrder } from "./dialect";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import type { CycleStatus, Locale, NewCycle, Person } from "#db/schema";
import type { Actor } from "~/nominations/participant-context.server";
import type { DemoCast } from "./demo-cast";

// Nominating rounds of the demo municipality for these tests (the demo itself has only a
// collecting and a released round).

export const NOMINATION_DEADLINE = "2030-03-18";

export interface NominatingCycle {
  cycleId: string;
  /** participant id per person id */
  participantOf: Map<string, string>;
}

let cycleCounter = 0;

/** The manager rule of the rounds: the lead of one's team; for a lead, the parent team's lead. */
export async function managerOf(db: DB, personId: string): Promise<string | null> {
  const person = await db
    .selectFrom("person")
    .leftJoin("team", "team.id", "person.team_id")
    .leftJoin("team as parent", "parent.id", "team.parent_team_id")
    .select(["team.lead_person_id as lead", "parent.lead_person_id as parent_lead"])
    .where("person.id", "=", personId)
    .executeTakeFirstOrThrow();
  return person.lead === personId ? person.parent_lead : person.lead;
}

/** A round of the demo in the nominating stage (by default), with these people taking part. */
export async function createNominatingCycle(
  db: DB,
  cast: DemoCast,
  people: readonly Pick<Person, "id">[],
  settings: Partial<NewCycle> = {},
): Promise<NominatingCycle> {
  const now = new Date().toISOString();
  const cycleId = newId();
  cycleCounter += 1;
  await db
    .insertInto("cycle")
    .values({
      id: cycleId,
      organisation_id: cast.organisationId,
      name: `Voordrachtronde ${cycleCounter}`,
      profile_key: "toepassing-beleid",
      status: "nominating" satisfies CycleStatus,
      nomination_deadline: NOMINATION_DEADLINE,
      answer_deadline: "2030-04-15",
      colleague_min: 2,
      colleague_max: 3,
      customer_min: 0,
      customer_max: 2,
      created_by_person_id: cast.hr.id,
      created_at: now,
      updated_at: now,
      ...settings,
    })
    .execute();
  const participantOf = new Map<string, string>();
  for (const person of people) {
    const id = newId();
    await db
      .insertInto("participant")
      .values({
        id,
        cycle_id: cycleId,
        person_id: person.id,
        manager_person_id: await managerOf(db, person.id),
        created_at: now,
      })
      .execute();
    participantOf.set(person.id, id);
  }
  return { cycleId, participantOf };
}

export function participantIdOf(cycle: NominatingCycle, person: Pick<Person, "id">): string {
  const id = cycle.participantOf.get(person.id);
  if (!id) throw new Error(`${person.id} does not take part`);
  return id;
}

/** A round (nominating by default) in which the cast's member alone takes part, and their participation. */
export async function memberCycle(
  db: DB,
  cast: DemoCast,
  settings: Partial<NewCycle> = {},
): Promise<NominatingCycle & { participantId: string }> {
  const cycle = await createNominatingCycle(db, cast, [cast.member], settings);
  return { ...cycle, participantId: participantIdOf(cycle, cast.member) };
}

export function actorOf(person: Person): Actor {
  return {
    id: person.id,
    organisationId: person.organisation_id,
    isHrAdmin: person.is_hr_admin === 1,
  };
}

/** Active people of the demo who can rate the participant: not them, not their manager, no HR. */
export async function possibleColleagues(
  db: DB,
  cast: DemoCast,
  participant: Pick<Person, "id">,
  count: number,
): Promise<Person[]> {
  const manager = await managerOf(db, participant.id);
  const people = await db
    .selectFrom("person")
    .selectAll()
    .where("organisation_id", "=", cast.organisationId)
    .where("is_active", "=", 1)
    .where("is_hr_admin", "=", 0)
    .where("id", "not in", [participant.id, manager ?? participant.id])
    .orderBy("email")
    .execute();
  if (people.length < count) throw new Error("not enough people in the demo");
  return people.slice(0, count);
}

export async function setLocale(db: DB, personId: string, locale: Locale): Promise<void> {
  await db.updateTable("person").set({ locale }).where("id", "=", personId).execute();
}

export async function participantRow(db: DB, participantId: string) {
  return db
    .selectFrom("participant")
    .selectAll()
    .where("id", "=", participantId)
    .executeTakeFirstOrThrow();
}

export async function nominationRows(db: DB, participantId: string) {
  return (
    db
      .selectFrom("nomination")
      .selectAll()
      .where("participant_id", "=", participantId)
      // Not the order of insertion: nominations are updated (withdrawn, decided, brought
      // back), and an update moves a row on PostgreSQL. Oldest first, and by name within one
      // moment (the clock stands still in these tests): compare them as a set.
      .orderBy("created_at")
      .orderBy("rater_name")
      .orderBy("id")
      .execute()
  );
}

/** Rows (as arrays) in one order, whatever order they came in: for comparing them as a set. */
export function inOneOrder<Row extends readonly unknown[]>(rows: readonly Row[]): Row[] {
  const key = (row: Row) => JSON.stringify(row);
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The outbox rows of one kind to one address, oldest first. */
export async function mailsOfKind(db: DB, kind: string, to: string) {
  return db
    .selectFrom("email_outbox")
    .selectAll()
    .where("kind", "=", kind)
    .where("to_address", "=", to)
    .orderBy(insertionOrder())
    .execute();
}

/** The audit actions about a participation (details name it), in the order they were logged. */
export async function auditFor(db: DB, participantId: string) {
  const rows = await db
    .selectFrom("audit_log")
    .select(["action", "actor_person_id", "subject_id", "details"])
    .where("details", "like", `%${participantId}%`)
    .orderBy(insertionOrder())
    .execute();
  return rows.map((row) => ({
    action: row.action,
    actor: row.actor_person_id,
    subject: row.subject_id,
    details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
  }));
}
