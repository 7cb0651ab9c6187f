import { describe, expect, it } from "vitest";
import { newId } from "#db/ids";
import { enqueueReportReadyMails } from "~/invitations/report-ready.server";
import { useTestDatabase } from "../../support/database";
import { mailsOf } from "../../support/mail";
import { createCycleFixture, type CycleFixture } from "../../support/fixtures/cycle";

const ctx = useTestDatabase();

async function giveReports(fixture: CycleFixture, participantIds: string[]) {
  for (const participantId of participantIds) {
    await ctx.db
      .insertInto("report")
      .values({
        id: newId(),
        cycle_id: fixture.cycleId,
        participant_id: participantId,
        format_version: 1,
        content: "{}",
        computed_at: new Date().toISOString(),
      })
      .execute();
  }
}

describe("enqueueReportReadyMails", () => {
  it("tells every participant with a report once, in their language, with a link behind the sign-in", async () => {
    const fixture = await createCycleFixture(ctx.db, { status: "released" });
    await giveReports(fixture, [
      fixture.participants.mo,
      fixture.participants.noor,
      fixture.participants.lotte,
    ]);
    const now = new Date("2030-03-25T09:00:00.000Z");

    expect(await enqueueReportReadyMails(ctx.db, fixture.cycleId, now)).toBe(3);
    const mails = await mailsOf(ctx.db, fixture.organisationId, "report-ready");
    expect(mails.map((mail) => mail.to_address).sort()).toEqual(
      [fixture.people.mo.email, fixture.people.noor.email, fixture.people.lotte.email].sort(),
    );
    const moMail = mails.find((mail) => mail.to_address === fixture.people.mo.email)!;
    expect(moMail.locale).toBe("en");
    expect(moMail.subject).toContain("Your feedback report is ready");
    expect(moMail.text_body).toContain(`/rapporten/${fixture.participants.mo}`);
    expect(moMail.text_body).toContain("unless you share it with your manager");
    const lotteMail = mails.find((mail) => mail.to_address === fixture.people.lotte.email)!;
    expect(lotteMail.text_body).toContain("Uw rapport van de feedbackronde");
    // Lotte has no manager in this round: nobody to share with.
    expect(lotteMail.text_body).toContain("Niemand anders ziet uw rapport.");

    const participants = await ctx.db
      .selectFrom("participant")
      .select(["id", "report_notified_at"])
      .where("cycle_id", "=", fixture.cycleId)
      .execute();
    for (const participant of participants) {
      expect(participant.report_notified_at).toBe(
        participant.id === fixture.participants.piet ? null : now.toISOString(),
      );
    }

    expect(await enqueueReportReadyMails(ctx.db, fixture.cycleId, now)).toBe(0);
    expect(await mailsOf(ctx.db, fixture.organisationId, "report-ready")).toHaveLength(3);
    // A report computed later (a missing one) is announced on the next run, alone.
    await giveReports(fixture, [fixture.participants.piet]);
    expect(await enqueueReportReadyMails(ctx.db, fixture.cycleId, now)).toBe(1);
  });

  it("sends nothing for a cycle that is not released", async () => {
    const fixture = await createCycleFixture(ctx.db, { status: "closed" });
    await giveReports(fixture, [fixture.participants.mo]);
    expect(await enqueueReportReadyMails(ctx.db, fixture.cycleId)).toBe(0);
    expect(await mailsOf(ctx.db, fixture.organisationId, "report-ready")).toHaveLength(0);
  });
});
