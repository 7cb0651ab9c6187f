import path from "node:path";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import type { CycleStatus, Locale, NominationStatus, Relationship } from "#db/schema";
import { loadProfilesFromDirectory } from "~/profiles/load.server";
import { snapshotProfile } from "~/profiles/snapshot.server";

/**
 * A small organisation of its own with one cycle whose nominations are done, for the
 * invitation tests:
 * - Lotte (nl) leads the team; Mo (en), Noor and Piet (nl) are members; Ina has left.
 * - Participants: Mo, Noor and Piet (manager Lotte) and Lotte herself (no manager).
 * - Approved nominations: for Mo, Noor and Piet as colleagues and the outside customer
 *   Karin (klant@extern.example); for Noor, Mo and Karin again (address in other case);
 *   for Piet, Ina (inactive). Plus a removed and a proposed one that must not count.
 */
export interface RoundFixture {
  organisationId: string;
  cycleId: string;
  cycleName: string;
  people: Record<"lotte" | "mo" | "noor" | "piet" | "ina", { id: string; email: string }>;
  participants: Record<"lotte" | "mo" | "noor" | "piet", string>;
  customerEmail: string;
}

export const CUSTOMER_EMAIL = "klant@extern.example";

let profileCache: ReturnType<typeof loadProfilesFromDirectory>[number] | undefined;
function demoProfile() {
  profileCache ??= loadProfilesFromDirectory(path.resolve("surveys")).find(
    (candidate) => candidate.id === "toepassing-beleid",
  );
  if (!profileCache) throw new Error("surveys/toepassing-beleid.md is missing");
  return profileCache;
}

export async function createRoundFixture(
  db: DB,
  options: {
    status?: CycleStatus;
    mailLocale?: Locale | null;
    answerDeadline?: string;
    reminderDays?: string;
    managerIdentifiable?: boolean;
    includeReportsGroup?: boolean;
    /** Build the round inside this organisation (e.g. the demo's, for its HR admin). */
    organisationId?: string;
  } = {},
): Promise<RoundFixture> {
  const now = new Date().toISOString();
  const suffix = newId()
    .slice(0, 6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "x");
  const organisationId = options.organisationId ?? newId();
  if (!options.organisationId) {
    await db
      .insertInto("organisation")
      .values({ id: organisationId, name: `Gemeente Proefstad ${suffix}`, created_at: now })
      .execute();
  }
  const teamId = newId();
  await db
    .insertInto("team")
    .values({
      id: teamId,
      organisation_id: organisationId,
      name: `Team Proef ${suffix}`,
      parent_team_id: null,
      lead_person_id: null,
      created_at: now,
    })
    .execute();

  const person = async (firstName: string, locale: Locale, isActive = true) => {
    const id = newId();
    const email = `${firstName.toLowerCase()}.${suffix}@proefstad.example`;
    await db
      .insertInto("person")
      .values({
        id,
        organisation_id: organisationId,
        employee_number: `${firstName}-${suffix}`,
        first_name: firstName,
        last_name: "Proef",
        email,
        locale,
        team_id: teamId,
        is_active: isActive ? 1 : 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return { id, email };
  };
  const people = {
    lotte: await person("Lotte", "nl"),
    mo: await person("Mo", "en"),
    noor: await person("Noor", "nl"),
    piet: await person("Piet", "nl"),
    ina: await person("Ina", "nl", false),
  };
  await db
    .updateTable("team")
    .set({ lead_person_id: people.lotte.id })
    .where("id", "=", teamId)
    .execute();

  const snapshotId = await snapshotProfile(db, organisationId, demoProfile());
  const cycleId = newId();
  const cycleName = `Ronde ${suffix}`;
  await db
    .insertInto("cycle")
    .values({
      id: cycleId,
      organisation_id: organisationId,
      name: cycleName,
      profile_key: "toepassing-beleid",
      profile_snapshot_id: snapshotId,
      status: options.status ?? "collecting",
      answer_deadline: options.answerDeadline ?? "2030-03-20",
      reminder_days: options.reminderDays ?? "7,2",
      mail_locale: options.mailLocale ?? null,
      manager_identifiable: options.managerIdentifiable ? 1 : 0,
      include_reports_group: options.includeReportsGroup ? 1 : 0,
      launched_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();

  const participant = async (personId: string, managerId: string | null) => {
    const id = newId();
    await db
      .insertInto("participant")
      .values({
        id,
        cycle_id: cycleId,
        person_id: personId,
        manager_person_id: managerId,
        nomination_status: "approved",
        created_at: now,
      })
      .execute();
    return id;
  };
  const participants = {
    lotte: await participant(people.lotte.id, null),
    mo: await participant(people.mo.id, people.lotte.id),
    noor: await participant(people.noor.id, people.lotte.id),
    piet: await participant(people.piet.id, people.lotte.id),
  };

  const nominate = async (
    participantId: string,
    relationship: Relationship,
    rater: { id: string | null; name: string; email: string },
    status: NominationStatus = "approved",
  ) => {
    await db
      .insertInto("nomination")
      .values({
        id: newId(),
        participant_id: participantId,
        relationship,
        rater_person_id: rater.id,
        rater_name: rater.name,
        rater_email: rater.email,
        status,
        created_at: now,
      })
      .execute();
  };
  const colleague = (who: "mo" | "noor" | "piet" | "ina") => ({
    id: people[who].id,
    name: `${who[0]!.toUpperCase()}${who.slice(1)} Proef`,
    email: people[who].email,
  });
  await nominate(participants.mo, "colleague", colleague("noor"));
  await nominate(participants.mo, "colleague", colleague("piet"));
  await nominate(participants.mo, "customer", {
    id: null,
    name: "Karin Klant",
    email: CUSTOMER_EMAIL,
  });
  await nominate(participants.mo, "colleague", colleague("ina"), "removed");
  await nominate(participants.noor, "colleague", colleague("mo"));
  await nominate(participants.noor, "customer", {
    id: null,
    name: "Karin Klant",
    email: CUSTOMER_EMAIL.toUpperCase(),
  });
  await nominate(participants.noor, "colleague", colleague("piet"), "proposed");
  await nominate(participants.piet, "colleague", colleague("ina"));

  return {
    organisationId,
    cycleId,
    cycleName,
    people,
    participants,
    customerEmail: CUSTOMER_EMAIL,
  };
}
