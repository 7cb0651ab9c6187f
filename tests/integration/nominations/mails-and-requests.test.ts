import { beforeAll, describe, expect, it } from "vitest";
import type { Person } from "#db/schema";
import { proposeNomination, submitNominations } from "~/nominations/nominations.server";
import { approveOpenNominations, enqueueNominationRequests } from "~/nominations/requests.server";
import { approveNominations } from "~/nominations/review.server";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { useTestDatabase } from "../../support/database";
import {
  actorOf,
  createNominatingCycle,
  mailsOfKind,
  nominationRows,
  participantIdOf,
  participantRow,
  possibleColleagues,
  setLocale,
} from "../../support/nominating-cycles";

// The three mails of the nominating stage, each in the recipient's language (or the round's),
// each exactly once; and the two calls the cycle pages make when a round changes stage.

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let colleagues: Person[];

beforeAll(async () => {
  cast = await loadCast(test.db);
  colleagues = await possibleColleagues(test.db, cast, cast.member, 4);
});

async function countMails(kind: string, to: string) {
  return (await mailsOfKind(test.db, kind, to)).length;
}

describe("enqueueNominationRequests", () => {
  it("asks every participant once, in their own language, with their own link and the deadline", async () => {
    const cycle = await createNominatingCycle(test.db, cast, [cast.member, cast.english]);
    const before = {
      member: await countMails("nomination-request", cast.member.email),
      english: await countMails("nomination-request", cast.english.email),
    };
    const now = new Date("2030-03-04T11:00:00.000Z");
    expect(await enqueueNominationRequests(test.db, cycle.cycleId, now)).toBe(2);

    const dutch = (await mailsOfKind(test.db, "nomination-request", cast.member.email)).at(-1)!;
    expect(await countMails("nomination-request", cast.member.email)).toBe(before.member + 1);
    expect(dutch).toMatchObject({ locale: "nl", organisation_id: cast.organisationId });
    expect(dutch.subject).toMatch(/^Draag uw beoordelaars voor: Voordrachtronde \d+$/);
    expect(dutch.text_body).toContain(`Beste ${cast.member.first_name},`);
    expect(dutch.text_body).toContain("Doe dit uiterlijk 18 maart 2030.");
    expect(dutch.text_body).toContain(`/voordragen/${participantIdOf(cycle, cast.member)}`);
    expect(dutch.html_body).toContain('<html lang="nl">');

    const english = (await mailsOfKind(test.db, "nomination-request", cast.english.email)).at(-1)!;
    expect(await countMails("nomination-request", cast.english.email)).toBe(before.english + 1);
    expect(english.locale).toBe("en");
    expect(english.subject).toMatch(/^Nominate your raters: /);
    expect(english.text_body).toContain("Please do so by 18 March 2030.");
    expect(english.text_body).toContain(`/voordragen/${participantIdOf(cycle, cast.english)}`);

    for (const person of [cast.member, cast.english]) {
      expect(
        (await participantRow(test.db, participantIdOf(cycle, person))).nomination_requested_at,
      ).toBe(now.toISOString());
    }
    // Again (e.g. after HR added a participant): nobody is asked twice.
    expect(await enqueueNominationRequests(test.db, cycle.cycleId)).toBe(0);
    expect(await countMails("nomination-request", cast.member.email)).toBe(before.member + 1);
  });

  it("uses the round's mail language when set, and skips deactivated people", async () => {
    const cycle = await createNominatingCycle(test.db, cast, [cast.member, cast.inactive], {
      mail_locale: "en",
      nomination_deadline: null,
    });
    const before = await countMails("nomination-request", cast.inactive.email);
    expect(await enqueueNominationRequests(test.db, cycle.cycleId)).toBe(1);
    const mail = (await mailsOfKind(test.db, "nomination-request", cast.member.email)).at(-1)!;
    expect(mail.locale).toBe("en");
    expect(mail.text_body).toContain(`Dear ${cast.member.first_name},`);
    expect(mail.text_body).not.toContain("Please do so by");
    expect(await countMails("nomination-request", cast.inactive.email)).toBe(before);
  });

  it("does nothing for an unknown cycle", async () => {
    expect(await enqueueNominationRequests(test.db, "bestaat-niet")).toBe(0);
  });
});

describe("the lead's and the participant's mails", () => {
  it("writes to the lead and then the participant, each in their own language, once", async () => {
    await setLocale(test.db, cast.teamLead.id, "en");
    try {
      const cycle = await createNominatingCycle(test.db, cast, [cast.member]);
      const participantId = participantIdOf(cycle, cast.member);
      for (const colleague of colleagues.slice(0, 2)) {
        await proposeNomination(test.db, actorOf(cast.member), participantId, {
          group: "colleague",
          personId: colleague.id,
        });
      }
      const leadBefore = await countMails("nomination-review", cast.teamLead.email);
      await submitNominations(test.db, actorOf(cast.member), participantId);
      const review = await mailsOfKind(test.db, "nomination-review", cast.teamLead.email);
      expect(review).toHaveLength(leadBefore + 1);
      expect(review.at(-1)!).toMatchObject({
        locale: "en",
        subject: `Approve the nominations of ${cast.member.first_name} ${cast.member.last_name}`,
      });
      expect(review.at(-1)!.text_body).toContain(`/goedkeuren/${participantId}`);
      expect(review.at(-1)!.text_body).toContain("Please do so by 18 March 2030.");

      const participantBefore = await countMails("nomination-decision", cast.member.email);
      await approveNominations(test.db, actorOf(cast.teamLead), participantId);
      const decision = await mailsOfKind(test.db, "nomination-decision", cast.member.email);
      expect(decision).toHaveLength(participantBefore + 1);
      expect(decision.at(-1)!.locale).toBe("nl");
      expect(decision.at(-1)!.subject).toMatch(/^Uw voordracht is goedgekeurd: /);
      // Nothing removed or added: no such lines.
      expect(decision.at(-1)!.text_body).not.toContain("Verwijderd:");
      expect(decision.at(-1)!.text_body).not.toContain("Toegevoegd:");
      expect(await countMails("nomination-review", cast.teamLead.email)).toBe(leadBefore + 1);
    } finally {
      await setLocale(test.db, cast.teamLead.id, cast.teamLead.locale);
    }
  });

  it("follows the round's mail language for the lead and the participant too", async () => {
    const cycle = await createNominatingCycle(test.db, cast, [cast.english], {
      mail_locale: "nl",
      colleague_min: 0,
    });
    const participantId = participantIdOf(cycle, cast.english);
    await submitNominations(test.db, actorOf(cast.english), participantId);
    await approveNominations(test.db, actorOf(cast.hr), participantId);
    const decision = (await mailsOfKind(test.db, "nomination-decision", cast.english.email)).at(
      -1,
    )!;
    expect(decision.locale).toBe("nl");
    expect(decision.text_body).toContain(`${cast.hr.first_name} ${cast.hr.last_name} heeft uw`);
  });
});

describe("approveOpenNominations", () => {
  it("approves every participant not yet approved, and their proposals; leaves approved ones alone", async () => {
    const [a, b] = colleagues;
    const cycle = await createNominatingCycle(test.db, cast, [cast.member, a!, b!], {
      colleague_min: 1,
    });
    const member = participantIdOf(cycle, cast.member);
    const submitted = participantIdOf(cycle, a!);
    const approvedEarlier = participantIdOf(cycle, b!);
    await proposeNomination(test.db, actorOf(cast.member), member, {
      group: "customer",
      name: "Open Klant",
      email: "open@extern.example",
    });
    await proposeNomination(test.db, actorOf(a!), submitted, {
      group: "colleague",
      personId: cast.member.id,
    });
    await submitNominations(test.db, actorOf(a!), submitted);
    await proposeNomination(test.db, actorOf(b!), approvedEarlier, {
      group: "colleague",
      personId: cast.member.id,
    });
    await submitNominations(test.db, actorOf(b!), approvedEarlier);
    await approveNominations(test.db, actorOf(cast.hr), approvedEarlier);
    const earlier = await participantRow(test.db, approvedEarlier);
    const mailsBefore = await countMails("nomination-decision", cast.member.email);

    const now = new Date("2030-03-20T08:00:00.000Z");
    expect(await approveOpenNominations(test.db, cycle.cycleId, cast.hr.id, now)).toBe(2);
    for (const participantId of [member, submitted]) {
      expect(await participantRow(test.db, participantId)).toMatchObject({
        nomination_status: "approved",
        nominations_approved_at: now.toISOString(),
        nominations_approved_by_person_id: cast.hr.id,
      });
      const rows = await nominationRows(test.db, participantId);
      expect(rows.map((row) => [row.status, row.decided_by_person_id])).toEqual([
        ["approved", cast.hr.id],
      ]);
    }
    expect(await participantRow(test.db, approvedEarlier)).toEqual(earlier);
    const audit = await test.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "nominations_approved")
      .where("subject_id", "=", cycle.cycleId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_person_id: cast.hr.id, subject_type: "cycle" });
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ count: 2 });
    // The invitations that follow are the news; no approval mail.
    expect(await countMails("nomination-decision", cast.member.email)).toBe(mailsBefore);

    expect(await approveOpenNominations(test.db, cycle.cycleId, cast.hr.id, now)).toBe(0);
  });
});
