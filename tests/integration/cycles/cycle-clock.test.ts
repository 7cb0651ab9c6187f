import { describe, expect, it } from "vitest";
import { runCycleClock } from "~/cycles/cycle-clock.server";
import { useTestDatabase } from "../../support/database";

const test = useTestDatabase({ seed: true });

async function cycleWith(status: "collecting" | "released") {
  return test.db
    .selectFrom("cycle")
    .selectAll()
    .where("status", "=", status)
    .orderBy("created_at", "desc")
    .executeTakeFirstOrThrow();
}

describe("the round clock (runs at start-up and every minute)", () => {
  it("does nothing on the demo as seeded: nothing is overdue, every release is finished", async () => {
    const collecting = await cycleWith("collecting");
    const dayBeforeDeadline = new Date(`${collecting.answer_deadline}T08:00:00Z`);
    const tick = await runCycleClock(test.db, dayBeforeDeadline);
    expect(tick).toMatchObject({ closed: 0, releasesFinished: 0, reports: 0 });
    expect((await cycleWith("collecting")).id).toBe(collecting.id);
  });

  it("finishes a release a restart cut off: the missing report, then its 'report ready' mail, once", async () => {
    const released = await cycleWith("released");
    const participant = await test.db
      .selectFrom("participant")
      .select(["id", "person_id"])
      .where("cycle_id", "=", released.id)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    await test.db.deleteFrom("report").where("participant_id", "=", participant.id).execute();
    await test.db
      .updateTable("participant")
      .set({ report_notified_at: null })
      .where("id", "=", participant.id)
      .execute();
    const person = await test.db
      .selectFrom("person")
      .select("email")
      .where("id", "=", participant.person_id)
      .executeTakeFirstOrThrow();
    const mailsBefore = await test.db
      .selectFrom("email_outbox")
      .select("id")
      .where("to_address", "=", person.email)
      .where("kind", "=", "report-ready")
      .execute();

    const first = await runCycleClock(test.db);
    expect(first).toMatchObject({ releasesFinished: 1, reports: 1 });
    const second = await runCycleClock(test.db);
    expect(second).toMatchObject({ releasesFinished: 0, reports: 0 });

    const report = await test.db
      .selectFrom("report")
      .select("id")
      .where("participant_id", "=", participant.id)
      .execute();
    expect(report).toHaveLength(1);
    const mailsAfter = await test.db
      .selectFrom("email_outbox")
      .select("id")
      .where("to_address", "=", person.email)
      .where("kind", "=", "report-ready")
      .execute();
    expect(mailsAfter.length - mailsBefore.length).toBe(1);
  });

  it("closes a collecting round the day after its answer deadline, not on the day itself", async () => {
    const collecting = await cycleWith("collecting");
    const deadline = collecting.answer_deadline!;
    // 22:30 or 23:30 in Amsterdam (summer or winter time) is still the deadline day.
    const lateOnDeadline = new Date(`${deadline}T21:30:00Z`);
    expect((await runCycleClock(test.db, lateOnDeadline)).closed).toBe(0);
    const nextMorning = new Date(new Date(`${deadline}T23:30:00Z`).getTime() + 8 * 3600_000);
    expect((await runCycleClock(test.db, nextMorning)).closed).toBe(1);
    const after = await test.db
      .selectFrom("cycle")
      .select(["status", "closed_at"])
      .where("id", "=", collecting.id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe("closed");
    expect(after.closed_at).toBe(nextMorning.toISOString());
  });
});
