import { inTransaction } from "#db/transaction";
import { createHash } from "node:crypto";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import { recordAudit } from "~/audit/audit-log.server";
import type { Locale } from "#db/schema";
import { endAccess } from "~/auth/end-access.server";
import { profileChoices } from "~/profiles/library.server";
import { changeAddress, peopleWhoseAddressNeedsConsent } from "./address-change.server";
import { addressesUsedElsewhere } from "./address-owner.server";
import { parseCsv, type CsvParseResult } from "./csv";
import {
  hasBlockingProblems,
  planImportSteps,
  type ImportContext,
  type ImportPlan,
} from "./import-plan";
import { deactivatePeople, type Actor } from "./person-store.server";
import { teamNameKey, normaliseEmailAddress } from "./text";
import { escapeNul, unescapeNul } from "~/utils/nul-characters";

// A CSV import from upload to application: the text is staged (so the apply form does not carry
// it back and forth), previewed as a plan against the current data, and applied in one
// transaction, all or nothing, only if the plan is still exactly the one HR saw.

/** A staged import is kept for a day; staging a new one removes older ones. */
export const STAGED_IMPORT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface StagedImport {
  id: string;
  fileName: string | null;
  content: string;
  createdAt: string;
}

export async function stageImport(
  db: DB,
  actor: Actor,
  upload: { fileName: string | null; content: string },
  now: Date = new Date(),
): Promise<string> {
  const id = newId();
  await inTransaction(db, async (trx) => {
    const cutoff = new Date(now.getTime() - STAGED_IMPORT_MAX_AGE_MS).toISOString();
    await trx.deleteFrom("staged_import").where("created_at", "<", cutoff).execute();
    await trx
      .insertInto("staged_import")
      .values({
        id,
        organisation_id: actor.organisationId,
        created_by_person_id: actor.id,
        file_name: upload.fileName,
        // As it came, a NUL included (the preview names its line), which PostgreSQL cannot
        // keep in text unescaped.
        content: escapeNul(upload.content),
        created_at: now.toISOString(),
      })
      .execute();
  });
  return id;
}

/** A staged import of the organisation, not older than a day; null otherwise. */
export async function loadStagedImport(
  db: DB,
  organisationId: string,
  importId: string,
  now: Date = new Date(),
): Promise<StagedImport | null> {
  const cutoff = new Date(now.getTime() - STAGED_IMPORT_MAX_AGE_MS).toISOString();
  const row = await db
    .selectFrom("staged_import")
    .select(["id", "file_name", "content", "created_at"])
    .where("id", "=", importId)
    .where("organisation_id", "=", organisationId)
    .where("created_at", ">=", cutoff)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    fileName: row.file_name,
    content: unescapeNul(row.content),
    createdAt: row.created_at,
  };
}

/**
 * The people, teams and profile library of the organisation, as the plan compares the file
 * with them, and which of the file's addresses belong to people of other organisations.
 */
export async function loadImportContext(
  db: DB,
  actor: Actor,
  csv: CsvParseResult,
): Promise<ImportContext> {
  const [
    organisation,
    people,
    teams,
    currentProfiles,
    retiredProfiles,
    addressesElsewhere,
    addressProtectedIds,
  ] = await Promise.all([
    db
      .selectFrom("organisation")
      .select("default_locale")
      .where("id", "=", actor.organisationId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("person")
      .selectAll()
      .where("organisation_id", "=", actor.organisationId)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("team")
      .selectAll()
      .where("organisation_id", "=", actor.organisationId)
      .orderBy("id")
      .execute(),
    profileChoices(db, actor.organisationId),
    // Only to keep a retired profile for whoever holds it, and to say why it is refused.
    db
      .selectFrom("profile")
      .select(["key", "name"])
      .where("organisation_id", "=", actor.organisationId)
      .where("retired_at", "is not", null)
      .orderBy("key")
      .execute(),
    addressesUsedElsewhere(db, actor.organisationId, addressLikeFields(csv)),
    peopleWhoseAddressNeedsConsent(db, actor.organisationId),
  ]);
  return {
    addressesElsewhere,
    addressProtectedIds,
    defaultLocale: organisation.default_locale,
    actorPersonId: actor.id,
    people: people.map((person) => ({
      id: person.id,
      employeeNumber: person.employee_number,
      firstName: person.first_name,
      lastName: person.last_name,
      email: person.email,
      locale: person.locale,
      teamId: person.team_id,
      profileKey: person.profile_key,
      isHrAdmin: person.is_hr_admin === 1,
      isActive: person.is_active === 1,
    })),
    teams: teams.map((team) => ({
      id: team.id,
      name: team.name,
      parentTeamId: team.parent_team_id,
      leadPersonId: team.lead_person_id,
    })),
    profiles: {
      current: currentProfiles.map((choice) => ({ key: choice.id, name: choice.name })),
      retired: retiredProfiles,
    },
  };
}

/** Every field that could be an address (whatever column it is in): few, and enough. */
function addressLikeFields(csv: CsvParseResult): string[] {
  if (!csv.ok) return [];
  return csv.rows.flatMap((row) =>
    row.kind === "record" ? row.fields.filter((field) => field.includes("@")) : [],
  );
}

/** How long the planner may keep the server busy before it lets other requests in. */
const PLAN_SLICE_MS = 10;

/**
 * The plan, as buildImportPlan makes it, with a pause (setImmediate) after every 10 ms of work:
 * a large file takes as long, but the server answers other requests meanwhile. (Awaiting the
 * database does not pause: better-sqlite3 answers synchronously.)
 */
export async function buildImportPlanYielding(
  csv: CsvParseResult,
  context: ImportContext,
): Promise<ImportPlan> {
  const steps = planImportSteps(csv, context);
  let sliceStarted = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStarted >= PLAN_SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStarted = performance.now();
    }
  }
}

/** A fingerprint of a plan: equal plans, equal hashes (the plan is built deterministically). */
export function hashPlan(plan: ImportPlan): string {
  return createHash("sha256").update(JSON.stringify(plan)).digest("base64url");
}

export interface ImportPreview {
  staged: { id: string; fileName: string | null; createdAt: string };
  plan: ImportPlan;
  planHash: string;
}

export async function previewImport(
  db: DB,
  actor: Actor,
  importId: string,
  now: Date = new Date(),
): Promise<ImportPreview | null> {
  const staged = await loadStagedImport(db, actor.organisationId, importId, now);
  if (!staged) return null;
  const csv = parseCsv(staged.content);
  const plan = await buildImportPlanYielding(csv, await loadImportContext(db, actor, csv));
  return {
    staged: { id: staged.id, fileName: staged.fileName, createdAt: staged.createdAt },
    plan,
    planHash: hashPlan(plan),
  };
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  reactivated: number;
  deactivated: number;
  teamsCreated: number;
  teamsMoved: number;
  leadsSet: number;
  /** People the import gives a function profile or another one. */
  profilesSet: number;
}

export type ApplyImportResult =
  | { status: "applied"; counts: ImportCounts }
  | { status: "not_found" }
  /** The file or the organisation's data changed since the preview: the plan differs. */
  | { status: "stale" }
  | { status: "has_errors" }
  /** Someone ticked for deactivation who was not offered (a tampered form). */
  | { status: "invalid_selection" };

/**
 * Applies a previewed import in one transaction: new teams, team placements, new and changed
 * people, leads, and the deactivations HR ticked. Nothing is written unless the recomputed
 * plan has the hash of the one shown and no errors.
 */
export async function applyImport(
  db: DB,
  actor: Actor,
  request: { importId: string; planHash: string; deactivatePersonIds: string[] },
  now: Date = new Date(),
): Promise<ApplyImportResult> {
  return inTransaction(db, async (trx): Promise<ApplyImportResult> => {
    const staged = await loadStagedImport(trx, actor.organisationId, request.importId, now);
    if (!staged) return { status: "not_found" };
    const csv = parseCsv(staged.content);
    const context = await loadImportContext(trx, actor, csv);
    const plan = await buildImportPlanYielding(csv, context);
    if (hashPlan(plan) !== request.planHash) return { status: "stale" };
    if (hasBlockingProblems(plan)) return { status: "has_errors" };
    const offered = new Set(plan.deactivationCandidates.map((candidate) => candidate.personId));
    const deactivate = [...new Set(request.deactivatePersonIds)];
    if (deactivate.some((personId) => !offered.has(personId))) {
      return { status: "invalid_selection" };
    }

    const teamIds = await writeTeams(trx, actor, plan, now);
    const personIds = await writePeople(trx, actor, plan, teamIds, context, now);
    for (const change of plan.leadChanges) {
      const leadId = change.to.personId ?? personIds.get(change.to.employeeNumber ?? "");
      const teamId = teamIds.get(teamNameKey(change.teamName));
      if (!leadId || !teamId) throw new Error(`Import: lead of ${change.teamName} not resolved`);
      await trx
        .updateTable("team")
        .set({ lead_person_id: leadId })
        .where("id", "=", teamId)
        .execute();
    }
    await deactivatePeople(trx, actor, deactivate, now, { via: "import" });

    const counts: ImportCounts = {
      created: plan.counts.new,
      updated: plan.counts.changed,
      unchanged: plan.counts.unchanged,
      reactivated: plan.counts.reactivated,
      deactivated: deactivate.length,
      teamsCreated: plan.counts.teamsToCreate,
      teamsMoved: plan.counts.teamMoves,
      leadsSet: plan.counts.leadChanges,
      profilesSet: plan.rows.filter(
        (row) =>
          (row.kind === "new" && row.person.profile !== null) ||
          (row.kind === "changed" && row.changes.some((change) => change.field === "profile")),
      ).length,
    };
    await recordAudit(
      trx,
      {
        organisationId: actor.organisationId,
        actorPersonId: actor.id,
        action: "people_imported",
        details: { ...counts },
      },
      now,
    );
    await trx.deleteFrom("staged_import").where("id", "=", staged.id).execute();
    return { status: "applied", counts };
  });
}

/** Creates the new teams and places new and moved teams; returns every team's id by name key. */
async function writeTeams(
  db: DB,
  actor: Actor,
  plan: ImportPlan,
  now: Date,
): Promise<Map<string, string>> {
  const existing = await db
    .selectFrom("team")
    .select(["id", "name"])
    .where("organisation_id", "=", actor.organisationId)
    .execute();
  const teamIds = new Map(existing.map((team) => [teamNameKey(team.name), team.id]));
  for (const team of plan.teamsToCreate) {
    const id = newId();
    teamIds.set(teamNameKey(team.name), id);
    await db
      .insertInto("team")
      .values({
        id,
        organisation_id: actor.organisationId,
        name: team.name,
        parent_team_id: null,
        lead_person_id: null,
        created_at: now.toISOString(),
      })
      .execute();
  }
  const placements = [
    ...plan.teamsToCreate.map((team) => ({ name: team.name, parentName: team.parentName })),
    ...plan.teamMoves.map((move) => ({ name: move.name, parentName: move.toParent })),
  ];
  for (const { name, parentName } of placements) {
    if (parentName === null) continue;
    await db
      .updateTable("team")
      .set({ parent_team_id: teamIds.get(teamNameKey(parentName)) ?? null })
      .where("id", "=", teamIds.get(teamNameKey(name)) ?? "")
      .execute();
  }
  return teamIds;
}

/**
 * Inserts the new people and updates the changed ones; returns the ids of the new people by
 * employee number. An address changes as by hand (address-change.server.ts): at once for
 * someone with nothing to protect, else only once they confirm it from their current address.
 * Addresses that change at once are first parked on a unique placeholder, so that two people
 * may swap addresses without tripping the uniqueness of addresses mid-way.
 */
async function writePeople(
  db: DB,
  actor: Actor,
  plan: ImportPlan,
  teamIds: Map<string, string>,
  context: ImportContext,
  now: Date,
): Promise<Map<string, string>> {
  const at = now.toISOString();
  const teamIdOf = (name: string | null) =>
    name === null ? null : (teamIds.get(teamNameKey(name)) ?? null);
  const columnsOf = (row: Extract<ImportPlan["rows"][number], { person: unknown }>) => ({
    employee_number: row.person.employeeNumber,
    first_name: row.person.firstName,
    last_name: row.person.lastName,
    locale: row.person.locale,
    is_hr_admin: row.person.role === "hr_admin" ? (1 as const) : (0 as const),
    team_id: teamIdOf(row.person.teamName),
    profile_key: row.person.profile?.key ?? null,
  });

  const addressChanges = plannedAddressChanges(plan, context.addressProtectedIds ?? new Set());
  for (const change of addressChanges) {
    if (change.needsConsent) continue;
    await db
      .updateTable("person")
      .set({ email: `${change.personId}@import.invalid` })
      .where("id", "=", change.personId)
      .execute();
  }
  for (const row of plan.rows) {
    if (row.kind !== "changed") continue;
    await db
      .updateTable("person")
      .set({ ...columnsOf(row), is_active: 1, updated_at: at })
      .where("id", "=", row.personId)
      .where("organisation_id", "=", actor.organisationId)
      .execute();
    // A new HR role, or a return from deactivation: signed in afresh, nothing old revived.
    if (row.changes.some((change) => change.field === "role" || change.field === "active")) {
      await endAccess(db, row.personId, now);
    }
  }
  const organisation = await db
    .selectFrom("organisation")
    .select("name")
    .where("id", "=", actor.organisationId)
    .executeTakeFirstOrThrow();
  for (const change of addressChanges) {
    await changeAddress(
      db,
      actor.id,
      {
        organisationId: actor.organisationId,
        organisationName: organisation.name,
        personId: change.personId,
        firstName: change.firstName,
        locale: change.locale,
        email: change.from,
      },
      change.to,
      "import",
      now,
      { needsConsent: change.needsConsent },
    );
  }
  const created = new Map<string, string>();
  for (const row of plan.rows) {
    if (row.kind !== "new") continue;
    const id = newId();
    created.set(row.person.employeeNumber, id);
    await db
      .insertInto("person")
      .values({
        id,
        organisation_id: actor.organisationId,
        ...columnsOf(row),
        email: row.person.email,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  return created;
}

interface PlannedAddressChange {
  personId: string;
  firstName: string;
  locale: Locale;
  from: string;
  to: string;
  needsConsent: boolean;
}

/**
 * The address changes of a plan, each marked whether it waits for the person's consent. No
 * change that goes at once can take an address that stays held by a waiting one: the plan
 * refuses such a line (emailHeldUntilConfirmed).
 */
function plannedAddressChanges(
  plan: ImportPlan,
  protectedIds: ReadonlySet<string>,
): PlannedAddressChange[] {
  return plan.rows.flatMap((row) => {
    if (row.kind !== "changed") return [];
    const email = row.changes.find((change) => change.field === "email");
    if (!email?.from || !email.to) return [];
    const sameMailbox = normaliseEmailAddress(email.from) === normaliseEmailAddress(email.to);
    return [
      {
        personId: row.personId,
        firstName: row.person.firstName,
        locale: row.person.locale,
        from: email.from,
        to: email.to,
        needsConsent: !sameMailbox && protectedIds.has(row.personId),
      },
    ];
  });
}
