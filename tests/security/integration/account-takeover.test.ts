import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { DB } from "#db/database";
import type { Person } from "#db/schema";
import { getCurrentUser } from "~/auth/guards.server";
import { requestSignIn } from "~/auth/sign-in.server";
import { outboxMailContent } from "~/email/mail-content.server";
import { messageRef } from "~/i18n/messages";
import { createOrganisation } from "~/organisation/create-organisation.server";
import { applyImport } from "~/people/import.server";
import { setPersonActive } from "~/people/person-store.server";
import { action as confirmAction, loader as confirmLoader } from "~/routes/adres-bevestigen.$token";
import { action as personAction } from "~/routes/beheer.mensen.$personId";
import { call, getRequest, postRequest, signedInCookie } from "../../support/requests";
import { createOtherOrganisation, loadCast, type DemoCast } from "../../support/demo-cast";
import { redirectLocation, statusOf } from "../../support/route-outcome";
import { createTestDatabase, useTestDatabase } from "../../support/database";
import { actorOf, stageAndPreview } from "../../support/people-import";

// The reproduced takeover: HR gives an employee an address HR controls (by the person page
// or an import), signs in as them and reads their report, which HR may never see. And the
// cross-organisation variant: HR of one organisation gives an employee the address of
// someone in another. Every step an attacker would take is tried here; none may work.

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
beforeAll(async () => {
  cast = await loadCast(test.db);
});

const ATTACKER = "hr.eigen.adres@aanvaller.example";

/** Someone with a released report in the demo: what a takeover is after. */
async function personWithReport(db: DB, skip: string[] = []): Promise<Person> {
  const row = await db
    .selectFrom("participant")
    .innerJoin("cycle", "cycle.id", "participant.cycle_id")
    .innerJoin("person", "person.id", "participant.person_id")
    .selectAll("person")
    .where("cycle.status", "=", "released")
    .where("person.is_active", "=", 1)
    .where("person.is_hr_admin", "=", 0)
    .where("person.id", "not in", skip.length > 0 ? skip : [""])
    .orderBy("person.last_name")
    .executeTakeFirstOrThrow();
  return row;
}

async function releasedParticipationOf(personId: string): Promise<string> {
  const row = await test.db
    .selectFrom("participant")
    .innerJoin("cycle", "cycle.id", "participant.cycle_id")
    .select("participant.id")
    .where("participant.person_id", "=", personId)
    .where("cycle.status", "=", "released")
    .executeTakeFirstOrThrow();
  return row.id;
}

function personForm(person: Person, overrides: Record<string, string>): [string, string][] {
  const fields: Record<string, string> = {
    intent: "save",
    employeeNumber: person.employee_number ?? "",
    firstName: person.first_name,
    lastName: person.last_name,
    email: person.email,
    teamId: person.team_id ?? "",
    locale: person.locale,
    role: person.is_hr_admin ? "hr_admin" : "employee",
    ...overrides,
  };
  return Object.entries(fields);
}

async function hrSavesPerson(person: Person, overrides: Record<string, string>) {
  const cookie = await signedInCookie(test.db, cast.hr.id);
  return call(
    personAction,
    postRequest(`/beheer/mensen/${person.id}`, personForm(person, overrides), { cookie }),
    { params: { personId: person.id } },
  );
}

async function mailsTo(address: string) {
  return test.db
    .selectFrom("email_outbox")
    .selectAll()
    .where("to_address", "=", address)
    .orderBy("created_at")
    .execute();
}

async function personById(id: string) {
  return test.db.selectFrom("person").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

async function sessionCount(personId: string) {
  const rows = await test.db
    .selectFrom("session")
    .select("id")
    .where("person_id", "=", personId)
    .execute();
  return rows.length;
}

async function liveSignIns(personId: string) {
  const rows = await test.db
    .selectFrom("sign_in_token")
    .select("id")
    .where("person_id", "=", personId)
    .where("used_at", "is", null)
    .execute();
  return rows.length;
}

/** The confirmation link's key, read from the mail as it would be sent now. */
async function confirmationKeyMailedTo(address: string): Promise<string> {
  const mails = (await mailsTo(address)).filter((mail) => mail.kind === "address-change");
  const last = mails.at(-1);
  if (!last) throw new Error(`No confirmation mail to ${address}`);
  const content = await outboxMailContent(test.db, last, new Date());
  const match = /\/adres-bevestigen\/([A-Za-z0-9_-]+)/.exec(content?.text ?? "");
  if (!match?.[1]) throw new Error("No confirmation link in the mail");
  return match[1];
}

/** Whatever sign-in an address can start: a person it would sign in as, active, right now. */
async function accountsAt(address: string) {
  return test.db
    .selectFrom("person")
    .select("id")
    .where("email", "=", address)
    .where("is_active", "=", 1)
    .execute();
}

describe("HR changes an employee's address to one it controls", () => {
  it("by the person page: nothing changes until the employee confirms from their own address", async () => {
    const victim = await personWithReport(test.db);
    const victimSession = await signedInCookie(test.db, victim.id);

    const saved = await hrSavesPerson(victim, { email: ATTACKER });
    expect(redirectLocation(saved)).toBe(`/beheer/mensen/${victim.id}?melding=adres-wacht`);

    // HR asks to sign in with the address it now "gave" the employee: there is no one to
    // sign in as, so no link and no code, and the report stays out of reach.
    const asked = await requestSignIn(test.db, {
      email: ATTACKER,
      clientAddress: "198.51.100.9",
      browser: "hr-browser",
      redirectTo: `/rapporten/${await releasedParticipationOf(victim.id)}`,
    });
    expect(asked.status).toBe("sent");
    expect(await accountsAt(ATTACKER)).toEqual([]);
    expect((await personById(victim.id)).email).toBe(victim.email);
    expect(await mailsTo(ATTACKER)).toEqual([]);
    expect(await liveSignIns(victim.id)).toBe(0);
    // The employee is told, at the address in force, and their session is untouched.
    const told = await mailsTo(victim.email);
    expect(told.map((mail) => mail.kind)).toContain("address-change");
    expect(
      await getCurrentUser(getRequest("/mijn", { cookie: victimSession }), test.db),
    ).not.toBeNull();

    // The audit log has both addresses, masked.
    const entry = await test.db
      .selectFrom("audit_log")
      .select(["details", "actor_person_id"])
      .where("action", "=", "person_address_change_requested")
      .where("subject_id", "=", victim.id)
      .executeTakeFirstOrThrow();
    expect(entry.actor_person_id).toBe(cast.hr.id);
    const details = JSON.parse(entry.details ?? "{}") as Record<string, string>;
    expect(details.from).toBe(
      `${victim.email.slice(0, 1)}***${victim.email.slice(victim.email.indexOf("@"))}`,
    );
    expect(details.to).toBe("h***@aanvaller.example");
    expect(JSON.stringify(entry)).not.toContain(ATTACKER);
    expect(JSON.stringify(entry)).not.toContain(victim.email);
  });

  it("by an import: the same", async () => {
    const victim = await personWithReport(test.db, [(await personWithReport(test.db)).id]);
    const attacker = "import.aanvaller@aanvaller.example";
    const file = [
      "Personeelsnummer;Voornaam;Achternaam;E-mail",
      `${victim.employee_number};${victim.first_name};${victim.last_name};${attacker}`,
    ].join("\r\n");
    const { importId, preview } = await stageAndPreview(test.db, cast.hr, file);
    expect(preview.plan.counts.errors).toBe(0);
    const result = await applyImport(test.db, actorOf(cast.hr), {
      importId,
      planHash: preview.planHash,
      deactivatePersonIds: [],
    });
    expect(result.status).toBe("applied");
    expect(await accountsAt(attacker)).toEqual([]);
    expect((await personById(victim.id)).email).toBe(victim.email);
    expect(await mailsTo(attacker)).toEqual([]);
    expect((await mailsTo(victim.email)).map((mail) => mail.kind)).toContain("address-change");
  });

  it("the employee's confirmation makes the change, and ends their sessions and sign-ins", async () => {
    const victim = await personWithReport(test.db);
    const newAddress = "nieuw.adres@gemeente.example";
    await hrSavesPerson(await personById(victim.id), { email: newAddress });
    const key = await confirmationKeyMailedTo(victim.email);
    const session = await signedInCookie(test.db, victim.id);
    await test.db
      .insertInto("sign_in_token")
      .values({
        id: "pending-sign-in-of-victim",
        person_id: victim.id,
        link_token_hash: "x".repeat(64),
        code_hash: "y".repeat(64),
        created_at: new Date().toISOString(),
        expires_at: new Date(Date.now() + 60_000).toISOString(),
      })
      .execute();

    // Opening the link shows what will change and changes nothing (mail scanners follow links).
    const shown = await call(confirmLoader, getRequest(`/adres-bevestigen/${key}`), {
      params: { token: key },
    });
    expect(statusOf(shown)).toBe(200);
    expect((await personById(victim.id)).email).toBe(victim.email);

    const confirmed = await call(confirmAction, postRequest(`/adres-bevestigen/${key}`, []), {
      params: { token: key },
    });
    expect(statusOf(confirmed)).toBe(200);
    expect((await personById(victim.id)).email).toBe(newAddress);
    expect(await sessionCount(victim.id)).toBe(0);
    expect(await liveSignIns(victim.id)).toBe(0);
    expect(await getCurrentUser(getRequest("/mijn", { cookie: session }), test.db)).toBeNull();

    // The link works once.
    const again = await call(confirmAction, postRequest(`/adres-bevestigen/${key}`, []), {
      params: { token: key },
    });
    expect(statusOf(again)).toBe(404);
    const changed = await test.db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "person_address_changed")
      .where("subject_id", "=", victim.id)
      .executeTakeFirstOrThrow();
    expect(changed.details).not.toContain(newAddress);
  });

  it("a link that is guessed, or of another request, changes nothing", async () => {
    const wrong = "A".repeat(43);
    const outcome = await call(confirmAction, postRequest(`/adres-bevestigen/${wrong}`, []), {
      params: { token: wrong },
    });
    expect(statusOf(outcome)).toBe(404);
  });
});

describe("a change that waits", () => {
  it("keeps the old address held: an import cannot give it to someone else meanwhile", async () => {
    const victim = await personWithReport(test.db);
    const current = await personById(victim.id);
    const file = [
      "Personeelsnummer;Voornaam;Achternaam;E-mail",
      `${current.employee_number};${current.first_name};${current.last_name};elders.heen@aanvaller.example`,
      `990777;Nieuwe;Bezitter;${current.email}`,
    ].join("\r\n");
    const { importId, preview } = await stageAndPreview(test.db, cast.hr, file);
    const problems = preview.plan.rows.flatMap((row) =>
      row.kind === "error" ? row.problems.map((problem) => [row.line, problem.code]) : [],
    );
    expect(problems).toEqual([[3, "emailHeldUntilConfirmed"]]);
    const result = await applyImport(test.db, actorOf(cast.hr), {
      importId,
      planHash: preview.planHash,
      deactivatePersonIds: [],
    });
    expect(result.status).toBe("has_errors");
  });

  it("is withdrawn when HR saves the address in force again, and its link stops working", async () => {
    const victim = await personById((await personWithReport(test.db)).id);
    await hrSavesPerson(victim, { email: "ingetrokken@aanvaller.example" });
    const key = await confirmationKeyMailedTo(victim.email);
    await hrSavesPerson(await personById(victim.id), { email: victim.email });
    const outcome = await call(confirmAction, postRequest(`/adres-bevestigen/${key}`, []), {
      params: { token: key },
    });
    expect(statusOf(outcome)).toBe(404);
    expect((await personById(victim.id)).email).toBe(victim.email);
    const withdrawn = await test.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "person_address_change_withdrawn")
      .where("subject_id", "=", victim.id)
      .execute();
    expect(withdrawn).toHaveLength(1);
  });
});

describe("someone with nothing to protect yet (a new hire's typo)", () => {
  it("gets the new address at once; the old address is told, sessions end, the log is masked", async () => {
    const fresh = await createFreshPerson(test.db);
    const session = await signedInCookie(test.db, fresh.id);
    const saved = await hrSavesPerson(fresh, { email: "gecorrigeerd@gemeente.example" });
    expect(redirectLocation(saved)).toBe(`/beheer/mensen/${fresh.id}?melding=adres-gewijzigd`);
    expect((await personById(fresh.id)).email).toBe("gecorrigeerd@gemeente.example");
    expect((await mailsTo(fresh.email)).map((mail) => mail.kind)).toEqual(["address-changed"]);
    expect(await sessionCount(fresh.id)).toBe(0);
    expect(await getCurrentUser(getRequest("/mijn", { cookie: session }), test.db)).toBeNull();
  });
});

describe("someone who ever signed in", () => {
  it("confirms a new address even when HR has taken away every tie first", async () => {
    const person = await createFreshPerson(test.db);
    await test.db
      .insertInto("audit_log")
      .values({
        id: `sign-in-of-${person.id}`,
        organisation_id: cast.organisationId,
        actor_person_id: person.id,
        action: "sign_in",
        details: JSON.stringify({ method: "code" }),
        created_at: new Date().toISOString(),
      })
      .execute();
    const saved = await hrSavesPerson(person, { email: "na-losmaken@aanvaller.example" });
    expect(redirectLocation(saved)).toBe(`/beheer/mensen/${person.id}?melding=adres-wacht`);
    expect((await personById(person.id)).email).toBe(person.email);
  });
});

describe("one account per address across organisations", () => {
  it("HR cannot give an employee the address of someone in another organisation", async () => {
    const other = await createOtherOrganisation(test.db, { email: "olga@elders.example" });
    const third = await createOtherOrganisation(test.db, {
      name: "Gemeente Derde",
      email: "derde@derde.example",
    });
    const victim = await createFreshPerson(test.db);
    const refused = await hrSavesPerson(victim, { email: other.email });
    expect(statusOf(refused)).toBe(400);
    expect(JSON.stringify(refused)).toContain(messageRef("people.issue.emailTakenElsewhere"));
    // Written differently changes nothing.
    const refusedCaps = await hrSavesPerson(victim, { email: " OLGA@Elders.example " });
    expect(statusOf(refusedCaps)).toBe(400);
    expect((await personById(victim.id)).email).toBe(victim.email);

    const file = [
      "Personeelsnummer;Voornaam;Achternaam;E-mail",
      `${victim.employee_number};${victim.first_name};${victim.last_name};${other.email}`,
      `990001;Nieuw;Mens;DERDE@derde.example`,
    ].join("\r\n");
    expect(third.email).toBe("derde@derde.example");
    const { preview } = await stageAndPreview(test.db, cast.hr, file);
    const problems = preview.plan.rows.flatMap((row) =>
      row.kind === "error" ? row.problems.map((problem) => [row.line, problem.code]) : [],
    );
    expect(problems).toEqual([
      [2, "emailTakenElsewhere"],
      [3, "emailTakenElsewhere"],
    ]);
  });
});

describe("a new organisation's first HR admin", () => {
  it("cannot get an address that has an account anywhere, however it is written there", async () => {
    const { db, cleanup } = await createTestDatabase();
    onTestFinished(cleanup);
    await createOtherOrganisation(db, {
      name: "Gemeente Hoofdletters",
      email: "Kees@Elders.example",
    });
    await expect(
      createOrganisation(db, {
        name: "Gemeente Kaper",
        hrFirstName: "Kees",
        hrLastName: "Kaper",
        hrEmail: "kees@elders.example",
      }),
    ).rejects.toThrow(/al een account/);
  });

  it("is never made next to a demo that is switched on (whose HR admin anyone can be)", async () => {
    await expect(
      createOrganisation(test.db, {
        name: "Gemeente Echt",
        hrFirstName: "Echte",
        hrLastName: "Beheerder",
        hrEmail: "hr@echt.example",
      }),
    ).rejects.toThrow(/demo-organisatie/);
  });
});

describe("sessions end when what an account stands for changes", () => {
  it("deactivation ends them, and reactivation does not bring them back", async () => {
    const person = await createFreshPerson(test.db);
    const cookie = await signedInCookie(test.db, person.id);
    await setPersonActive(test.db, actorOf(cast.hr), person.id, false);
    expect(await sessionCount(person.id)).toBe(0);
    await setPersonActive(test.db, actorOf(cast.hr), person.id, true);
    expect(await getCurrentUser(getRequest("/mijn", { cookie }), test.db)).toBeNull();
  });

  it("a change of HR role ends them", async () => {
    const person = await createFreshPerson(test.db);
    const cookie = await signedInCookie(test.db, person.id);
    const saved = await hrSavesPerson(person, { role: "hr_admin" });
    expect(redirectLocation(saved)).toBe(`/beheer/mensen/${person.id}?melding=opgeslagen`);
    expect(await getCurrentUser(getRequest("/mijn", { cookie }), test.db)).toBeNull();
  });
});

let freshCount = 0;
/** A person of the demo organisation who takes part in nothing. */
async function createFreshPerson(db: DB): Promise<Person> {
  freshCount += 1;
  const now = new Date().toISOString();
  const id = `fresh-person-${freshCount}`;
  await db
    .insertInto("person")
    .values({
      id,
      organisation_id: cast.organisationId,
      employee_number: `88000${freshCount}`,
      first_name: "Nieuwe",
      last_name: `Collega ${freshCount}`,
      email: `nieuw.${freshCount}@gemeente-typo.example`,
      locale: "nl",
      created_at: now,
      updated_at: now,
    })
    .execute();
  return personById(id);
}
