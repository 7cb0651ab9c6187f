// The moment the integration tests stand still at, and days around it.

/** The moment the clock stands still at in these tests (see useTestDatabase). */
export const NOW = new Date("2030-03-04T10:07:00.000Z");

/** Today in Europe/Amsterdam at NOW. */
export const TODAY = "2030-03-04";

export function minutesAfter(moment: Date, minutes: number): Date {
  return new Date(moment.getTime() + minutes * 60_000);
}

/** The moment 08:00 in Amsterdam (07:00 UTC in winter) on a day, for schedule tests. */
export function morningOf(day: string): Date {
  return new Date(`${day}T07:00:00.000Z`);
}
