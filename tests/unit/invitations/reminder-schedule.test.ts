import { describe, expect, it } from "vitest";
import { daysBetween, reminderOffsets, remindersDue } from "~/invitations/reminder-schedule";

describe("reminderOffsets", () => {
  it("reads distinct whole days, latest reminder last, ignoring junk", () => {
    expect(reminderOffsets("7,2")).toEqual([7, 2]);
    expect(reminderOffsets(" 2, 7 ,7,2 ")).toEqual([7, 2]);
    expect(reminderOffsets("3,x,-1,1.5,,0")).toEqual([3, 0]);
    expect(reminderOffsets("")).toEqual([]);
  });
});

describe("daysBetween", () => {
  it("counts calendar days, also across a change to summer time and a month end", () => {
    expect(daysBetween("2030-03-30", "2030-04-02")).toBe(3);
    expect(daysBetween("2030-03-20", "2030-03-18")).toBe(-2);
    expect(daysBetween("2030-12-31", "2031-01-01")).toBe(1);
  });
});

describe("remindersDue", () => {
  const deadline = "2030-03-20";

  it("is 0 before the first reminder day", () => {
    expect(remindersDue("7,2", deadline, "2030-03-01")).toBe(0);
    expect(remindersDue("7,2", deadline, "2030-03-12")).toBe(0);
  });

  it("counts a reminder as due from its own day on", () => {
    expect(remindersDue("7,2", deadline, "2030-03-13")).toBe(1);
    expect(remindersDue("7,2", deadline, "2030-03-17")).toBe(1);
    expect(remindersDue("7,2", deadline, "2030-03-18")).toBe(2);
  });

  it("keeps every reminder due on the deadline day itself, a reminder on 0 days included", () => {
    expect(remindersDue("7,2", deadline, deadline)).toBe(2);
    expect(remindersDue("7,2,0", deadline, "2030-03-19")).toBe(2);
    expect(remindersDue("7,2,0", deadline, deadline)).toBe(3);
  });

  it("is 0 after the deadline: the questionnaire is closed", () => {
    expect(remindersDue("7,2", deadline, "2030-03-21")).toBe(0);
    expect(remindersDue("7,2,0", deadline, "2030-04-30")).toBe(0);
  });

  it("does not care about order or duplicates in the schedule", () => {
    expect(remindersDue("2,7", deadline, "2030-03-13")).toBe(1);
    expect(remindersDue("2,7,7,2", deadline, "2030-03-18")).toBe(2);
  });

  it("is 0 for an empty or meaningless schedule", () => {
    expect(remindersDue("", deadline, "2030-03-19")).toBe(0);
    expect(remindersDue(" , ,", deadline, "2030-03-19")).toBe(0);
  });

  it("catches up at once after a missed day: a late run sees every reminder due so far", () => {
    // Launched (or the timer down) until one day before the deadline.
    expect(remindersDue("10,7,2", deadline, "2030-03-19")).toBe(3);
  });
});
