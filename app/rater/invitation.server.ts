import { inTransaction } from "#db/transaction";
import { answerSealKey } from "#db/answer-seal";
import type { DB } from "#db/database";
import { scheduleAtRestCleanup } from "#db/wal";
import type { LeadAccess, Locale, Relationship } from "#db/schema";
import { dayInOrganisation } from "~/utils/dates";
import { hashToken } from "~/utils/tokens.server";
import {
  GENERAL_QUESTIONS,
  NOT_APPLICABLE,
  type AnswerValues,
  type GeneralQuestion,
} from "./questionnaire";
import { openDraft, sealDraft, storeSealedAnswer } from "./sealed-answers.server";
import { fullName } from "~/people/full-name";

export type InvitationState = "open" | "submitted" | "declined" | "closed";

export interface RaterInvitation {
  id: string;
  state: InvitationState;
  relationship: Relationship;
  raterName: string;
  locale: Locale;
  cycle: {
    id: string;
    name: string;
    answerDeadline: string | null;
    minGroupSize: number;
    managerIdentifiable: boolean;
    leadAccess: LeadAccess;
    organisationName: string;
  };
  participant: {
    id: string;
    firstName: string;
    fullName: string;
    /** The version of the profile this participant is rated on: the questionnaire. */
    profileSnapshotId: string;
  };
}

/**
 * The invitation behind a link, or null for unknown, revoked and expired links alike, so the
 * page cannot tell them apart. The lookup is one hashed, indexed query whatever the input.
 */
export async function findInvitationByToken(
  db: DB,
  token: string,
  now: Date = new Date(),
): Promise<RaterInvitation | null> {
  // Malformed tokens take the same path: their hash simply matches nothing.
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom("invitation as i")
    .innerJoin("cycle as c", "c.id", "i.cycle_id")
    .innerJoin("organisation as o", "o.id", "c.organisation_id")
    .innerJoin("participant as p", "p.id", "i.participant_id")
    .innerJoin("person as subject", "subject.id", "p.person_id")
    .select([
      "i.id",
      "i.status",
      "i.relationship",
      "i.rater_name",
      "i.locale",
      "i.expires_at",
      "c.id as cycleId",
      "c.name as cycleName",
      "c.status as cycleStatus",
      "c.answer_deadline",
      "c.min_group_size",
      "c.manager_identifiable",
      "c.lead_access",
      // The participant's own profile; the round's where HR gave them none of their own.
      (eb) => eb.fn.coalesce("p.profile_snapshot_id", "c.profile_snapshot_id").as("snapshotId"),
      "o.name as organisationName",
      "p.id as participantId",
      "subject.first_name",
      "subject.last_name",
    ])
    .where("i.token_hash", "=", tokenHash)
    .executeTakeFirst();

  if (!row) return null;
  if (row.status === "revoked") return null;
  if (row.expires_at && row.expires_at <= now.toISOString()) return null;
  if (!row.snapshotId) return null;

  return {
    id: row.id,
    state: invitationState(row.status, row.cycleStatus, row.answer_deadline, now),
    relationship: row.relationship,
    raterName: row.rater_name,
    locale: row.locale,
    cycle: {
      id: row.cycleId,
      name: row.cycleName,
      answerDeadline: row.answer_deadline,
      minGroupSize: row.min_group_size,
      managerIdentifiable: row.manager_identifiable === 1,
      leadAccess: row.lead_access,
      organisationName: row.organisationName,
    },
    participant: {
      id: row.participantId,
      firstName: row.first_name,
      fullName: fullName(row),
      profileSnapshotId: row.snapshotId,
    },
  };
}

function invitationState(
  status: string,
  cycleStatus: string,
  answerDeadline: string | null,
  now: Date,
): InvitationState {
  if (status === "submitted") return "submitted";
  if (status === "declined") return "declined";
  const pastDeadline = answerDeadline !== null && dayInOrganisation(now) > answerDeadline;
  return cycleStatus === "collecting" && !pastDeadline ? "open" : "closed";
}

export async function loadDraft(db: DB, invitationId: string): Promise<AnswerValues | null> {
  const row = await db
    .selectFrom("draft")
    .select("answers")
    .where("invitation_id", "=", invitationId)
    .executeTakeFirst();
  if (!row) return null;
  const stored = openDraft(await answerSealKey(db), invitationId, row.answers);
  if (!stored) return null;
  const ratings: AnswerValues["ratings"] = {};
  for (const [indicatorId, score] of Object.entries(stored.ratings)) {
    ratings[indicatorId] = score === null ? NOT_APPLICABLE : String(score);
  }
  return { ratings, comments: { ...stored.comments }, general: { ...stored.general } };
}

/**
 * Parsed form answers (validated by the answers schema) as they are stored, in a draft and
 * in a (sealed, later published) answer: a null rating is "kan ik niet beoordelen".
 */
export interface CleanAnswers {
  ratings: Record<string, number | null>;
  comments: Record<string, string>;
  general: Partial<Record<GeneralQuestion, string>>;
}

export function cleanAnswers(values: {
  ratings?: Record<string, string | undefined>;
  comments?: Record<string, string | undefined>;
  general?: Partial<Record<string, string | undefined>>;
}): CleanAnswers {
  const ratings: CleanAnswers["ratings"] = {};
  for (const [indicatorId, value] of Object.entries(values.ratings ?? {})) {
    if (value === undefined) continue;
    ratings[indicatorId] = value === NOT_APPLICABLE ? null : Number(value);
  }
  const comments: CleanAnswers["comments"] = {};
  for (const [competencyId, text] of Object.entries(values.comments ?? {})) {
    if (text?.trim()) comments[competencyId] = text.trim();
  }
  const general: CleanAnswers["general"] = {};
  for (const question of GENERAL_QUESTIONS) {
    const text = values.general?.[question]?.trim();
    if (text) general[question] = text;
  }
  return { ratings, comments, general };
}

/**
 * Saves (or replaces) the draft of an open invitation, sealed (app/rater/sealed-answers.server.ts).
 * Returns false when the invitation is no longer open or its round no longer collecting: a
 * save that arrives after the close must not bring back a draft the close deleted.
 */
export async function saveDraft(
  db: DB,
  invitationId: string,
  answers: CleanAnswers,
  now: Date = new Date(),
): Promise<boolean> {
  const key = await answerSealKey(db);
  return inTransaction(db, async (trx) => {
    const open = await trx
      .selectFrom("invitation")
      .innerJoin("cycle", "cycle.id", "invitation.cycle_id")
      .select("invitation.id")
      .where("invitation.id", "=", invitationId)
      .where("invitation.status", "=", "open")
      .where("cycle.status", "=", "collecting")
      .executeTakeFirst();
    if (!open) return false;
    const values = {
      invitation_id: invitationId,
      answers: sealDraft(key, invitationId, answers),
      updated_at: now.toISOString(),
    };
    await trx
      .insertInto("draft")
      .values(values)
      .onConflict((oc) =>
        oc.column("invitation_id").doUpdateSet({
          answers: values.answers,
          updated_at: values.updated_at,
        }),
      )
      .execute();
    return true;
  });
}

/**
 * Accepts complete answers, in one transaction: the invitation is marked submitted (its
 * reminder bookkeeping cleared, since it would bound the moment of submission), the draft is
 * deleted, and the answer is stored sealed, with no reference to the invitation or rater; it
 * becomes an anonymous response, among all others of the round, when the round closes
 * (app/rater/sealed-answers.server.ts says why). Exactly one answer per invitation, also when
 * two submissions race: the second finds the invitation no longer open and writes nothing.
 */
export async function submitResponse(
  db: DB,
  invitation: Pick<RaterInvitation, "id" | "relationship" | "cycle" | "participant">,
  answers: CleanAnswers,
  now: Date = new Date(),
): Promise<"submitted" | "already-closed"> {
  const day = dayInOrganisation(now);
  const key = await answerSealKey(db);
  const outcome = await inTransaction(db, async (trx) => {
    // Checked again inside the transaction: the cycle may have closed since the page loaded.
    const cycle = await trx
      .selectFrom("cycle")
      .select(["status", "answer_deadline"])
      .where("id", "=", invitation.cycle.id)
      .executeTakeFirst();
    const pastDeadline = cycle?.answer_deadline != null && day > cycle.answer_deadline;
    if (!cycle || cycle.status !== "collecting" || pastDeadline) return "already-closed";

    const claimed = await trx
      .updateTable("invitation")
      .set({ status: "submitted", reminder_count: 0, last_reminded_at: null })
      .where("id", "=", invitation.id)
      .where("status", "=", "open")
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return "already-closed";

    await storeSealedAnswer(trx, key, invitation.cycle.id, {
      participantId: invitation.participant.id,
      relationship: invitation.relationship,
      ...answers,
    });
    await trx.deleteFrom("draft").where("invitation_id", "=", invitation.id).execute();
    // Thresholds lock at the first answer; the day only.
    await trx
      .updateTable("cycle")
      .set({ thresholds_locked_at: `${day}T00:00:00.000Z` })
      .where("id", "=", invitation.cycle.id)
      .where("thresholds_locked_at", "is", null)
      .execute();
    return "submitted" as const;
  });
  if (outcome === "submitted") scheduleAtRestCleanup(db);
  return outcome;
}

/** Declines an open invitation; the draft, if any, is deleted. */
export async function declineInvitation(
  db: DB,
  invitationId: string,
  reason: string | null,
  now: Date = new Date(),
): Promise<boolean> {
  const declined = await inTransaction(db, async (trx) => {
    const result = await trx
      .updateTable("invitation")
      .set({ status: "declined", declined_at: now.toISOString(), decline_reason: reason })
      .where("id", "=", invitationId)
      .where("status", "=", "open")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await trx.deleteFrom("draft").where("invitation_id", "=", invitationId).execute();
    return true;
  });
  if (declined) scheduleAtRestCleanup(db);
  return declined;
}
