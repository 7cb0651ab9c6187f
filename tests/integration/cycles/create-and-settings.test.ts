import { beforeAll, describe, expect, it } from "vitest";
import type { Locale } from "#db/schema";
import { translateMessageRef, translator } from "~/i18n/messages";
import * as newCyclePage from "~/routes/beheer.rondes.nieuw";
import * as settingsPage from "~/routes/beheer.rondes.$cycleId.instellingen";
import { call, getRequest, postRequest, signedInCookie } from "../../support/requests";
import {
  describeOutcome,
  redirectLocation,
  statusOf,
  valueOf,
  type Outcome,
} from "../../support/route-outcome";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { useTestDatabase } from "../../support/database";
import {
  auditOf,
  cycleParams,
  cycleRow,
  draftCycle,
  settingsFields,
  settingsFor,
} from "../../support/draft-cycles";

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let hrCookie: string;
beforeAll(async () => {
  cast = await loadCast(test.db);
  hrCookie = await signedInCookie(test.db, cast.hr.id);
});

async function cycleCount() {
  const row = await test.db
    .selectFrom("cycle")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The reply's message references per field, translated as the page does (Dutch by default). */
function fieldErrors(outcome: Outcome, locale: Locale = "nl"): Record<string, string[] | null> {
  if (outcome.kind !== "data") throw new Error(describeOutcome(outcome));
  const { error } = (outcome.data as { result: { error: Record<string, string[] | null> } }).result;
  const t = translator(locale);
  return Object.fromEntries(
    Object.entries(error).map(([field, refs]) => [
      field,
      refs && refs.map((ref) => translateMessageRef(t, ref)),
    ]),
  );
}

describe("creating a round", () => {
  it("offers the form with the defaults and suggested dates", async () => {
    const outcome = await call(
      newCyclePage.loader,
      getRequest("/beheer/rondes/nieuw", { cookie: hrCookie }),
    );
    const data = valueOf<Awaited<ReturnType<typeof newCyclePage.loader>>>(outcome);
    expect(data.today).toBe("2030-03-04");
    expect(data.profiles.map((profile) => profile.id)).toContain("toepassing-beleid");
    expect(data.defaultValue).toMatchObject({
      minGroupSize: "3",
      managerIdentifiable: "no",
      leadAccess: "with_consent",
      colleagueMin: "3",
      colleagueMax: "8",
      customerMin: "0",
      customerMax: "5",
      reminderDays: "7,2",
      mailLocale: "rater",
      nominationDeadline: "2030-03-18",
      answerDeadline: "2030-04-08",
    });
  });

  it("creates a draft round with the settings, logs it, and shows its page", async () => {
    const settings = settingsFor({ minGroupSize: 4, mailLocale: "en", reminderDays: [10, 3] });
    const outcome = await call(
      newCyclePage.action,
      postRequest("/beheer/rondes/nieuw", settingsFields(settings), { cookie: hrCookie }),
    );
    const location = redirectLocation(outcome);
    expect(location, describeOutcome(outcome)).toMatch(
      /^\/beheer\/rondes\/[\w-]+\?melding=aangemaakt$/,
    );
    const cycleId = location!.split("/")[3]!.split("?")[0]!;
    const cycle = await cycleRow(test.db, cycleId);
    expect(cycle).toMatchObject({
      organisation_id: cast.organisationId,
      name: settings.name,
      status: "draft",
      profile_key: "toepassing-beleid",
      profile_snapshot_id: null,
      nomination_deadline: "2030-03-18",
      answer_deadline: "2030-04-08",
      min_group_size: 4,
      manager_identifiable: 0,
      lead_access: "with_consent",
      reminder_days: "10,3",
      mail_locale: "en",
      created_by_person_id: cast.hr.id,
      launched_at: null,
    });
    expect(await auditOf(test.db, cycleId)).toEqual([
      {
        action: "cycle_created",
        actor_person_id: cast.hr.id,
        details: null,
        subject_type: "cycle",
      },
    ]);
  });

  it("refuses invalid settings with 400 and a message per field, and saves nothing", async () => {
    const before = await cycleCount();
    const outcome = await call(
      newCyclePage.action,
      postRequest(
        "/beheer/rondes/nieuw",
        settingsFields(settingsFor(), {
          name: "",
          nominationDeadline: "2030-03-01",
          minGroupSize: "1",
          colleagueMin: "9",
          colleagueMax: "8",
          reminderDays: "7,7",
        }),
        { cookie: hrCookie },
      ),
    );
    expect(statusOf(outcome)).toBe(400);
    expect(fieldErrors(outcome)).toMatchObject({
      name: ["Geef de ronde een naam."],
      nominationDeadline: ["Deze datum is al voorbij. Kies vandaag of later."],
      minGroupSize: ["Vul een heel getal van 2 tot en met 10 in."],
      colleagueMax: ["Het maximum mag niet lager zijn dan het minimum."],
      reminderDays: ["Noem elke dag maar één keer."],
    });
    expect(await cycleCount()).toBe(before);
  });

  it("answers with message references, which an English admin's page shows in English", async () => {
    const outcome = await call(
      newCyclePage.action,
      postRequest("/beheer/rondes/nieuw", settingsFields(settingsFor(), { name: "" }), {
        cookie: hrCookie,
        headers: { "Accept-Language": "en-GB" },
      }),
    );
    expect(fieldErrors(outcome, "en").name).toEqual(["Give the round a name."]);
  });

  it("refuses unknown or repeated fields with 400 before parsing", async () => {
    for (const fields of [
      [...settingsFields(settingsFor()), ["status", "released"]],
      [...settingsFields(settingsFor()), ["name", "twee keer"]],
    ] as [string, string][][]) {
      const outcome = await call(
        newCyclePage.action,
        postRequest("/beheer/rondes/nieuw", fields, { cookie: hrCookie }),
      );
      expect(statusOf(outcome)).toBe(400);
    }
  });
});

describe("changing a round's settings", () => {
  const open = async (cycleId: string) =>
    valueOf<Awaited<ReturnType<typeof settingsPage.loader>>>(
      await call(
        settingsPage.loader,
        getRequest(`/beheer/rondes/${cycleId}/instellingen`, { cookie: hrCookie }),
        cycleParams(cycleId),
      ),
    );
  const save = (cycleId: string, fields: [string, string][]) =>
    call(
      settingsPage.action,
      postRequest(`/beheer/rondes/${cycleId}/instellingen`, fields, { cookie: hrCookie }),
      cycleParams(cycleId),
    );

  it("saves changes in draft, logs how many fields changed, and skips a save without changes", async () => {
    const settings = settingsFor();
    const cycleId = await draftCycle(test.db, cast, settings);
    const changed = { ...settings, name: `${settings.name} (herzien)`, minGroupSize: 5 };
    const outcome = await save(cycleId, settingsFields(changed));
    expect(redirectLocation(outcome), describeOutcome(outcome)).toBe(
      `/beheer/rondes/${cycleId}?melding=opgeslagen`,
    );
    expect(await cycleRow(test.db, cycleId)).toMatchObject({
      name: changed.name,
      min_group_size: 5,
    });
    const unchanged = await save(cycleId, settingsFields(changed));
    expect(redirectLocation(unchanged)).toBe(`/beheer/rondes/${cycleId}?melding=ongewijzigd`);
    const audit = await auditOf(test.db, cycleId);
    expect(audit.map((row) => row.action)).toEqual(["cycle_created", "cycle_updated"]);
    expect(JSON.parse(audit[1]!.details!)).toEqual({ changedFields: 2 });
  });

  it("locks the thresholds once the first answer has arrived, and says why", async () => {
    const settings = settingsFor();
    const cycleId = await draftCycle(test.db, cast, settings);
    await test.db
      .updateTable("cycle")
      .set({ thresholds_locked_at: "2030-03-04T00:00:00.000Z" })
      .where("id", "=", cycleId)
      .execute();
    const page = await open(cycleId);
    expect(page.saved.locks.thresholds).toBe("thresholds_locked");
    expect(page.saved.locks.name).toBeNull();

    for (const change of [
      { minGroupSize: 2 },
      { managerIdentifiable: true },
      { leadAccess: "never" as const },
    ]) {
      const outcome = await save(cycleId, settingsFields({ ...settings, ...change }));
      expect(statusOf(outcome), JSON.stringify(change)).toBe(409);
      const errors = fieldErrors(outcome);
      expect(Object.values(errors).flat().join(" ")).toContain(
        "Vastgezet sinds het eerste antwoord",
      );
    }
    expect(await cycleRow(test.db, cycleId)).toMatchObject({
      min_group_size: 3,
      manager_identifiable: 0,
      lead_access: "with_consent",
    });
    // Other settings still change.
    const renamed = await save(cycleId, settingsFields({ ...settings, name: "Nieuwe naam" }));
    expect(redirectLocation(renamed)).toBe(`/beheer/rondes/${cycleId}?melding=opgeslagen`);
  });

  it("refuses a save that raced with the first answer (the guard in SQL)", async () => {
    const settings = settingsFor();
    const cycleId = await draftCycle(test.db, cast, settings);
    const { updateCycleSettings } = await import("~/cycles/cycles.server");
    const stale = await cycleRow(test.db, cycleId);
    await test.db
      .updateTable("cycle")
      .set({ thresholds_locked_at: "2030-03-04T00:00:00.000Z" })
      .where("id", "=", cycleId)
      .execute();
    const outcome = await updateCycleSettings(test.db, {
      cycle: stale,
      actorPersonId: cast.hr.id,
      settings: { ...settings, minGroupSize: 2 },
      changedFields: 1,
    });
    expect(outcome).toBe("conflict");
    expect((await cycleRow(test.db, cycleId)).min_group_size).toBe(3);
  });

  it("keeps the profile once nominating has started, and nothing changes after release", async () => {
    const settings = settingsFor();
    const cycleId = await draftCycle(test.db, cast, settings);
    await test.db
      .updateTable("cycle")
      .set({ status: "nominating" })
      .where("id", "=", cycleId)
      .execute();
    expect((await open(cycleId)).saved.locks.profile).toBe("launched");

    await test.db
      .updateTable("cycle")
      .set({ status: "released" })
      .where("id", "=", cycleId)
      .execute();
    const page = await open(cycleId);
    expect(page.allLocked).toBe(true);
    const outcome = await save(cycleId, settingsFields({ ...settings, name: "Anders" }));
    expect(statusOf(outcome)).toBe(409);
    expect((await cycleRow(test.db, cycleId)).name).toBe(settings.name);
  });
});
