import { inTransaction } from "#db/transaction";
import { createHmac } from "node:crypto";
import { sql } from "kysely";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import type { Locale } from "#db/schema";
import { recordAudit } from "~/audit/audit-log.server";
import { endAccess } from "~/auth/end-access.server";
import { instanceSecret } from "~/auth/secrets.server";
import type { EmailContent } from "~/email/layout.server";
import { enqueueEmail, enqueueEmailBuiltWhenSent } from "~/email/outbox.server";
import {
  addressChangedEmail,
  confirmAddressEmail,
  confirmAddressSubject,
} from "~/email/templates/address-change.server";
import { appUrl } from "~/utils/env.server";
import { hashToken } from "~/utils/tokens.server";
import { ADDRESS_CHANGE_VALID_DAYS } from "./address-change-rules";
import { normaliseEmailAddress } from "./text";
import { maskEmail } from "./mask-email";

// A person signs in with their e-mail address, so whoever controls the address controls the
// account, and with it the person's reports, which HR may never read. An HR admin who could
// simply change the address to one they hold could read any report. So:
// - the address of someone with anything to protect (a report, a round they rate or lead in,
//   a team they lead) changes only once the person confirms it from the address in force;
//   until then nothing changes, and whoever holds the new address gets nothing;
// - someone with nothing to protect yet (a new hire whose address had a typo) changes at
//   once, and the old address is told;
// - either way, the change ends every session and unused sign-in of the person, and the
//   audit log records it with both addresses masked.

const ADDRESS_CHANGE_VALID_MS = ADDRESS_CHANGE_VALID_DAYS * 24 * 60 * 60 * 1000;
const KEY_NAME = "address-change";

export interface AddressChangeSubject {
  organisationId: string;
  organisationName: string;
  personId: string;
  firstName: string;
  locale: Locale;
  /** The address in force. */
  email: string;
}

export type AddressChangeOutcome = "unchanged" | "applied" | "pending";

/**
 * Whether the person has anything an account takeover could reveal or misuse: a round they
 * take part in or are the manager of, an invitation or nomination to rate, a team they lead.
 * Or whether they ever signed in: then their address demonstrably reaches them, and HR could
 * otherwise take their ties away, change the address at once and give the ties back.
 */
export async function addressChangeNeedsConsent(db: DB, personId: string): Promise<boolean> {
  const found = await db
    .selectNoFrom((eb) => [
      eb
        .exists(
          eb
            .selectFrom("participant")
            .select("id")
            .where((w) =>
              w.or([w("person_id", "=", personId), w("manager_person_id", "=", personId)]),
            ),
        )
        .as("in_round"),
      eb
        .exists(eb.selectFrom("invitation").select("id").where("rater_person_id", "=", personId))
        .as("invited"),
      eb
        .exists(eb.selectFrom("nomination").select("id").where("rater_person_id", "=", personId))
        .as("nominated"),
      eb
        .exists(eb.selectFrom("team").select("id").where("lead_person_id", "=", personId))
        .as("leads"),
      eb
        .exists(
          eb
            .selectFrom("audit_log")
            .select("id")
            .where("actor_person_id", "=", personId)
            .where("action", "=", "sign_in"),
        )
        .as("signed_in"),
    ])
    .executeTakeFirstOrThrow();
  return Boolean(
    found.in_round || found.invited || found.nominated || found.leads || found.signed_in,
  );
}

/** Everyone of the organisation for whom addressChangeNeedsConsent holds, in four reads. */
export async function peopleWhoseAddressNeedsConsent(
  db: DB,
  organisationId: string,
): Promise<Set<string>> {
  const [participants, invitations, nominations, leads, signedIn] = await Promise.all([
    db
      .selectFrom("participant")
      .innerJoin("cycle", "cycle.id", "participant.cycle_id")
      .select(["participant.person_id", "participant.manager_person_id"])
      .where("cycle.organisation_id", "=", organisationId)
      .execute(),
    db
      .selectFrom("invitation")
      .innerJoin("cycle", "cycle.id", "invitation.cycle_id")
      .select("invitation.rater_person_id")
      .where("cycle.organisation_id", "=", organisationId)
      .where("invitation.rater_person_id", "is not", null)
      .execute(),
    db
      .selectFrom("nomination")
      .innerJoin("participant", "participant.id", "nomination.participant_id")
      .innerJoin("cycle", "cycle.id", "participant.cycle_id")
      .select("nomination.rater_person_id")
      .where("cycle.organisation_id", "=", organisationId)
      .where("nomination.rater_person_id", "is not", null)
      .execute(),
    db
      .selectFrom("team")
      .select("lead_person_id")
      .where("organisation_id", "=", organisationId)
      .where("lead_person_id", "is not", null)
      .execute(),
    db
      .selectFrom("audit_log")
      .select("actor_person_id")
      .distinct()
      .where("organisation_id", "=", organisationId)
      .where("action", "=", "sign_in")
      .execute(),
  ]);
  const ids = new Set<string>();
  for (const row of participants) {
    ids.add(row.person_id);
    if (row.manager_person_id) ids.add(row.manager_person_id);
  }
  for (const row of [...invitations, ...nominations])
    if (row.rater_person_id) ids.add(row.rater_person_id);
  for (const row of leads) if (row.lead_person_id) ids.add(row.lead_person_id);
  for (const row of signedIn) if (row.actor_person_id) ids.add(row.actor_person_id);
  return ids;
}

/**
 * HR (by page or import) gives a person another address. Runs in the caller's transaction;
 * the caller has checked the new address is free.
 */
export async function changeAddress(
  db: DB,
  actorPersonId: string,
  person: AddressChangeSubject,
  newEmail: string,
  via: "page" | "import",
  now: Date = new Date(),
  /** When the caller has decided it already (an import, for everyone at once). */
  options: { needsConsent?: boolean } = {},
): Promise<AddressChangeOutcome> {
  if (normaliseEmailAddress(newEmail) === normaliseEmailAddress(person.email)) {
    // Saving the address in force again withdraws a change that waits, and its link. The
    // same mailbox written differently (capitals, spaces) has nothing to take over.
    await withdrawPendingChange(db, actorPersonId, person, via, now);
    if (newEmail !== person.email) {
      await db
        .updateTable("person")
        .set({ email: newEmail, updated_at: now.toISOString() })
        .where("id", "=", person.personId)
        .execute();
    }
    return "unchanged";
  }
  const needsConsent =
    options.needsConsent ?? (await addressChangeNeedsConsent(db, person.personId));
  if (!needsConsent) {
    await applyAddressChange(db, person, newEmail, { actorPersonId, via }, now);
    await enqueueEmail(
      db,
      {
        organisationId: person.organisationId,
        kind: "address-changed",
        to: person.email,
        toName: person.firstName,
        locale: person.locale,
        ...addressChangedEmail({ ...person, newEmail }),
      },
      now,
    );
    return "applied";
  }

  const pending = await pendingAddressChange(db, person.personId, now);
  // The same change asked again (a re-import of the same file): the mail already went.
  if (pending?.newEmail === newEmail) return "pending";
  await cancelPendingChanges(db, person.personId, now);

  const id = newId();
  const key = await confirmationKey(db, id);
  await db
    .insertInto("address_change")
    .values({
      id,
      organisation_id: person.organisationId,
      person_id: person.personId,
      old_email: person.email,
      new_email: newEmail,
      token_hash: hashToken(key),
      requested_by_person_id: actorPersonId,
      requested_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ADDRESS_CHANGE_VALID_MS).toISOString(),
    })
    .execute();
  await enqueueEmailBuiltWhenSent(
    db,
    {
      organisationId: person.organisationId,
      kind: "address-change",
      to: person.email,
      toName: person.firstName,
      locale: person.locale,
      subject: confirmAddressSubject(person.locale, person.organisationName),
    },
    { type: "address-change", changeId: id },
    [],
    now,
  );
  await recordAudit(
    db,
    {
      organisationId: person.organisationId,
      actorPersonId,
      action: "person_address_change_requested",
      subjectType: "person",
      subjectId: person.personId,
      details: { from: maskEmail(person.email), to: maskEmail(newEmail), via },
    },
    now,
  );
  return "pending";
}

/** The change of the person's address that waits for their confirmation, if any. */
export async function pendingAddressChange(
  db: DB,
  personId: string,
  now: Date = new Date(),
): Promise<{ newEmail: string; requestedAt: string } | null> {
  const row = await db
    .selectFrom("address_change")
    .select(["new_email", "requested_at"])
    .where("person_id", "=", personId)
    .where("confirmed_at", "is", null)
    .where("cancelled_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .orderBy("requested_at", "desc")
    .executeTakeFirst();
  return row ? { newEmail: row.new_email, requestedAt: row.requested_at } : null;
}

async function withdrawPendingChange(
  db: DB,
  actorPersonId: string,
  person: AddressChangeSubject,
  via: "page" | "import",
  now: Date,
) {
  const pending = await pendingAddressChange(db, person.personId, now);
  if (!pending) return;
  await cancelPendingChanges(db, person.personId, now);
  await recordAudit(
    db,
    {
      organisationId: person.organisationId,
      actorPersonId,
      action: "person_address_change_withdrawn",
      subjectType: "person",
      subjectId: person.personId,
      details: { from: maskEmail(person.email), to: maskEmail(pending.newEmail), via },
    },
    now,
  );
}

async function cancelPendingChanges(db: DB, personId: string, now: Date) {
  await db
    .updateTable("address_change")
    .set({ cancelled_at: now.toISOString() })
    .where("person_id", "=", personId)
    .where("confirmed_at", "is", null)
    .where("cancelled_at", "is", null)
    .execute();
}

async function applyAddressChange(
  db: DB,
  person: AddressChangeSubject,
  newEmail: string,
  by: { actorPersonId: string; via: "page" | "import" | "confirmation" },
  now: Date,
) {
  await db
    .updateTable("person")
    .set({ email: newEmail, updated_at: now.toISOString() })
    .where("id", "=", person.personId)
    .execute();
  await cancelPendingChanges(db, person.personId, now);
  const sessions = await endAccess(db, person.personId, now);
  await recordAudit(
    db,
    {
      organisationId: person.organisationId,
      actorPersonId: by.actorPersonId,
      action: "person_address_changed",
      subjectType: "person",
      subjectId: person.personId,
      details: { from: maskEmail(person.email), to: maskEmail(newEmail), via: by.via, sessions },
    },
    now,
  );
}

async function confirmationKey(db: DB, changeId: string): Promise<string> {
  const secret = await instanceSecret(db, KEY_NAME);
  return createHmac("sha256", secret).update(`address-change:${changeId}`).digest("base64url");
}

/** An open change, by the key in its link. */
async function findOpenChange(db: DB, key: string, now: Date) {
  return (
    db
      .selectFrom("address_change")
      .innerJoin("person", "person.id", "address_change.person_id")
      .innerJoin("organisation", "organisation.id", "address_change.organisation_id")
      .select([
        "address_change.id",
        "address_change.old_email",
        "address_change.new_email",
        "person.id as person_id",
        "person.first_name",
        "person.email",
        "person.locale",
        "person.organisation_id",
        "organisation.name as organisation_name",
      ])
      .where("address_change.token_hash", "=", hashToken(key))
      .where("address_change.confirmed_at", "is", null)
      .where("address_change.cancelled_at", "is", null)
      .where("address_change.expires_at", ">", now.toISOString())
      .where("person.is_active", "=", 1)
      // A change made some other way since (or a newer request) leaves this one behind.
      .where(sql<boolean>`person.email = address_change.old_email`)
      .executeTakeFirst()
  );
}

export interface AddressChangeView {
  firstName: string;
  organisationName: string;
  newEmail: string;
}

/** What the confirmation page shows before the button is pressed; null for a dead link. */
export async function describeAddressChange(
  db: DB,
  key: string,
  now: Date = new Date(),
): Promise<AddressChangeView | null> {
  if (key.length === 0 || key.length > 100) return null;
  const change = await findOpenChange(db, key, now);
  if (!change) return null;
  return {
    firstName: change.first_name,
    organisationName: change.organisation_name,
    newEmail: change.new_email,
  };
}

export type ConfirmAddressOutcome =
  { status: "confirmed"; newEmail: string } | { status: "invalid" } | { status: "taken" };

/** The person confirms from the address in force: the change is made now. */
export async function confirmAddressChange(
  db: DB,
  key: string,
  now: Date = new Date(),
): Promise<ConfirmAddressOutcome> {
  if (key.length === 0 || key.length > 100) return { status: "invalid" };
  return inTransaction(db, async (trx): Promise<ConfirmAddressOutcome> => {
    const change = await findOpenChange(trx, key, now);
    if (!change) return { status: "invalid" };
    // One address, one account: anyone else on the instance who has it.
    const taken = await trx
      .selectFrom("person")
      .select("id")
      .where("id", "!=", change.person_id)
      .where(sql<string>`lower(email)`, "=", normaliseEmailAddress(change.new_email))
      .executeTakeFirst();
    if (taken) return { status: "taken" };
    const claimed = await trx
      .updateTable("address_change")
      .set({ confirmed_at: now.toISOString() })
      .where("id", "=", change.id)
      .where("confirmed_at", "is", null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return { status: "invalid" };
    await applyAddressChange(
      trx,
      {
        organisationId: change.organisation_id,
        organisationName: change.organisation_name,
        personId: change.person_id,
        firstName: change.first_name,
        locale: change.locale,
        email: change.email,
      },
      change.new_email,
      { actorPersonId: change.person_id, via: "confirmation" },
      now,
    );
    return { status: "confirmed", newEmail: change.new_email };
  });
}

/**
 * The confirmation mail, built when it is sent (the outbox never holds the link). Null when
 * the change is no longer open: the mail is not sent.
 */
export async function buildAddressChangeMail(
  db: DB,
  reference: { changeId: string },
  locale: Locale,
  now: Date,
): Promise<EmailContent | null> {
  const key = await confirmationKey(db, reference.changeId);
  const change = await findOpenChange(db, key, now);
  if (!change || change.id !== reference.changeId) return null;
  return confirmAddressEmail({
    locale,
    organisationName: change.organisation_name,
    firstName: change.first_name,
    newEmail: change.new_email,
    link: `${appUrl()}/adres-bevestigen/${key}`,
    validDays: ADDRESS_CHANGE_VALID_DAYS,
  });
}
