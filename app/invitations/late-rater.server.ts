import { inTransaction } from "#db/transaction";
import type { Kysely } from "kysely";
import type { DB } from "#db/database";
import type { Database, Locale } from "#db/schema";
import { recordAudit } from "~/audit/audit-log.server";
import { loadCycleMailContext } from "./cycle-mail-context.server";
import { issueInvitation } from "./issue.server";
import {
  judgeLateRater,
  lateRaterGroups,
  type LateRaterGroup,
  type LateRaterRefusal,
} from "./late-rater-rules";
import { mailLocale } from "./mail-locale";
import { isUniqueViolation, OneVoiceViolation } from "./one-voice.server";
import { peopleAtAddress } from "./rater-address.server";
import { enqueueRaterLinkMails } from "./rater-mails.server";
import { fullName } from "~/people/full-name";

/** A colleague from the directory, or someone outside it by name and address. */
export type LateRater =
  | { kind: "person"; personId: string; relationship: LateRaterGroup }
  | { kind: "external"; name: string; email: string; relationship: LateRaterGroup };

export interface AddLateRaterRequest {
  organisationId: string;
  cycleId: string;
  participantId: string;
  actorPersonId: string;
  rater: LateRater;
}

export type AddLateRaterOutcome =
  | { status: "added" }
  /** No such participant in a collecting cycle of the organisation. */
  | { status: "not_found" }
  | { status: "refused"; reason: LateRaterRefusal | "unknown_person" };

interface ResolvedRater {
  personId: string | null;
  name: string;
  email: string;
  personLocale: Locale | null;
  /**
   * Everyone the rater may be, for one voice per rater: their person, or everyone whose
   * directory address reaches the same mailbox (those who left too; see peopleAtAddress).
   */
  candidatePersonIds: string[];
}

/**
 * The rater as the invitation will name them. Someone added by address who is in the
 * directory (by that address, a "+tag" alias of it, or as someone who has left since) is
 * linked to their person: "Mijn Rondom" shows them the link, and one voice per rater and the
 * figures that recognise a viewer's own answers know them by person.
 */
async function resolveRater(
  db: Kysely<Database>,
  organisationId: string,
  rater: LateRater,
): Promise<ResolvedRater | null> {
  if (rater.kind === "person") {
    const person = await db
      .selectFrom("person")
      .select(["id", "first_name", "last_name", "email", "locale"])
      .where("organisation_id", "=", organisationId)
      .where("id", "=", rater.personId)
      .where("is_active", "=", 1)
      .executeTakeFirst();
    if (!person) return null;
    return {
      personId: person.id,
      name: fullName(person),
      email: person.email,
      personLocale: person.locale,
      candidatePersonIds: [person.id],
    };
  }
  const known = await peopleAtAddress(db, organisationId, rater.email);
  return {
    personId: known[0]?.id ?? null,
    name: rater.name,
    email: rater.email.trim(),
    personLocale: known[0]?.locale ?? null,
    candidatePersonIds: known.map((person) => person.id),
  };
}

/**
 * Adds a late rater to a participant of a collecting cycle: one invitation (token rules as
 * at launch) and its mail at once. Refuses the participant themself and a rater (person or
 * address) who has or had an invitation for this participant in this round, withdrawn ones
 * included (one voice per rater). Audited as invitation_added, naming the rater.
 */
export async function addLateRater(
  db: DB,
  request: AddLateRaterRequest,
  now: Date = new Date(),
): Promise<AddLateRaterOutcome> {
  try {
    return await addInTransaction(db, request, now);
  } catch (error) {
    // Two requests for the same rater that raced past the check (a double click, two
    // servers): the database's one-voice index stops the second, which rolled back whole.
    if (isUniqueViolation(error) || error instanceof OneVoiceViolation) {
      return { status: "refused", reason: "duplicate" };
    }
    throw error;
  }
}

function addInTransaction(
  db: DB,
  request: AddLateRaterRequest,
  now: Date,
): Promise<AddLateRaterOutcome> {
  return inTransaction(db, async (trx) => {
    const context = await loadCycleMailContext(trx, request.cycleId);
    if (
      !context ||
      context.organisation.id !== request.organisationId ||
      context.cycle.status !== "collecting"
    ) {
      return { status: "not_found" };
    }
    const participant = await trx
      .selectFrom("participant")
      .innerJoin("person", "person.id", "participant.person_id")
      .innerJoin("cycle", "cycle.id", "participant.cycle_id")
      .select([
        "participant.id",
        "person.id as person_id",
        "person.first_name",
        "person.last_name",
        "person.email",
        "cycle.include_reports_group",
      ])
      .where("participant.id", "=", request.participantId)
      .where("participant.cycle_id", "=", request.cycleId)
      .executeTakeFirst();
    if (!participant) return { status: "not_found" };

    const rater = await resolveRater(trx, request.organisationId, request.rater);
    if (!rater) return { status: "refused", reason: "unknown_person" };
    // Every invitation of the participant, withdrawn ones too: one voice per rater.
    const existing = await trx
      .selectFrom("invitation")
      .select(["rater_person_id", "rater_email"])
      .where("participant_id", "=", participant.id)
      .execute();
    // Judged as each person the rater may be (by address, more than one person can be: an
    // address handed on to a newcomer): refused if any of them is refused.
    const identities =
      rater.candidatePersonIds.length > 0
        ? rater.candidatePersonIds.map((personId) => ({ personId, email: rater.email }))
        : [{ personId: null, email: rater.email }];
    const refusals = identities.map((identity) =>
      judgeLateRater({
        participant: { personId: participant.person_id, email: participant.email },
        rater: identity,
        group: request.rater.relationship,
        groups: lateRaterGroups(participant.include_reports_group === 1),
        existing: existing.map((row) => ({
          personId: row.rater_person_id,
          email: row.rater_email,
        })),
      }),
    );
    const refusal = refusals.find((reason) => reason === "self") ?? refusals.find(Boolean);
    if (refusal) return { status: "refused", reason: refusal };

    const issued = await issueInvitation(
      trx,
      context,
      {
        participantId: participant.id,
        participantName: fullName(participant),
        relationship: request.rater.relationship,
        raterPersonId: rater.personId,
        raterName: rater.name,
        raterEmail: rater.email,
        locale: mailLocale({
          cycleMailLocale: context.cycle.mailLocale,
          personLocale: rater.personLocale,
          organisationDefault: context.organisation.defaultLocale,
        }),
      },
      now,
    );
    await enqueueRaterLinkMails(trx, context, "invitation", [issued], now);
    await recordAudit(
      trx,
      {
        organisationId: request.organisationId,
        actorPersonId: request.actorPersonId,
        action: "invitation_added",
        subjectType: "person",
        subjectId: participant.person_id,
        details: {
          participantId: participant.id,
          cycleId: request.cycleId,
          relationship: request.rater.relationship,
          raterName: rater.name,
        },
      },
      now,
    );
    return { status: "added" };
  });
}
