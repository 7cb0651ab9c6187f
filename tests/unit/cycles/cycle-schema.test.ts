import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import {
  addDays,
  createCycleSettingsSchema,
  cycleSettingsFormValues,
  isCalendarDay,
  newCycleFormValues,
  parseReminderDays,
  type CycleSettingsField,
} from "~/cycles/cycle-schema";
import { translateMessageRef, translator, type Translate } from "~/i18n/messages";

const TODAY = "2030-03-04";
const schema = createCycleSettingsSchema({ profileIds: ["toepassing-beleid"], today: TODAY });

function validForm(): Record<CycleSettingsField, string> {
  return {
    ...newCycleFormValues(TODAY, ["toepassing-beleid"]),
    name: "Voorjaarsronde 2030",
  };
}

function parse(
  values: Partial<Record<CycleSettingsField, string>>,
  target: ReturnType<typeof createCycleSettingsSchema> = schema,
) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...validForm(), ...values })) {
    if (value !== undefined) body.set(name, value);
  }
  return parseWithZod(body, { schema: target });
}

/** The schema's message references per field, translated (Dutch unless said otherwise). */
function translated(
  submission: ReturnType<typeof parse>,
  t: Translate = translator("nl"),
): Record<string, string[]> {
  if (submission.status === "success") return {};
  return Object.fromEntries(
    Object.entries(submission.error ?? {}).map(([field, refs]) => [
      field,
      (refs ?? []).map((ref) => translateMessageRef(t, ref)),
    ]),
  );
}

function errorsOf(values: Partial<Record<CycleSettingsField, string>>) {
  return translated(parse(values));
}

describe("the settings of a new round", () => {
  it("start from the defaults: k 3, manager anonymous, lead with consent, 3–8 colleagues, 0–5 customers, reminders 7 and 2 days", () => {
    const submission = parse({});
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toEqual({
      name: "Voorjaarsronde 2030",
      profileKey: "toepassing-beleid",
      nominationDeadline: "2030-03-18",
      answerDeadline: "2030-04-08",
      minGroupSize: 3,
      managerIdentifiable: false,
      leadAccess: "with_consent",
      colleagueMin: 3,
      colleagueMax: 8,
      customerMin: 0,
      customerMax: 5,
      includeReportsGroup: false,
      reportMin: 0,
      reportMax: 8,
      reminderDays: [7, 2],
      mailLocale: null,
    });
  });

  it("turns the form's choices into settings", () => {
    const submission = parse({
      name: "  Najaar  ",
      minGroupSize: "4",
      managerIdentifiable: "yes",
      leadAccess: "never",
      includeReportsGroup: "yes",
      reminderDays: " 2; 14 ,7 ",
      mailLocale: "en",
    });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toMatchObject({
      name: "Najaar",
      minGroupSize: 4,
      managerIdentifiable: true,
      leadAccess: "never",
      includeReportsGroup: true,
      reminderDays: [14, 7, 2],
      mailLocale: "en",
    });
  });

  it("round-trips through the form values", () => {
    const submission = parse({ reminderDays: "", mailLocale: "nl", minGroupSize: "10" });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    const again = parse(cycleSettingsFormValues(submission.value));
    expect(again.status === "success" ? again.value : null).toEqual(submission.value);
  });
});

describe("refused settings, each with a Dutch message on its field", () => {
  it.each([
    [{ name: "   " }, "name", "Geef de ronde een naam."],
    [{ name: "x".repeat(121) }, "name", "Gebruik voor de naam hoogstens 120 tekens."],
    [{ profileKey: "" }, "profileKey", "Kies een competentieprofiel."],
    [{ profileKey: "bestaat-niet" }, "profileKey", "Kies een competentieprofiel."],
    [
      { nominationDeadline: "" },
      "nominationDeadline",
      "Vul de uiterste datum voor het voordragen in.",
    ],
    [
      { answerDeadline: "2030-02-30" },
      "answerDeadline",
      "Vul een bestaande datum in, bijvoorbeeld 2026-11-28.",
    ],
    [
      { answerDeadline: "4-3-2030" },
      "answerDeadline",
      "Vul een bestaande datum in, bijvoorbeeld 2026-11-28.",
    ],
    [
      { nominationDeadline: "2030-03-03" },
      "nominationDeadline",
      "Deze datum is al voorbij. Kies vandaag of later.",
    ],
    [
      { nominationDeadline: "2030-04-08", answerDeadline: "2030-04-08" },
      "answerDeadline",
      "De uiterste datum voor antwoorden moet na de uiterste datum voor voordragen liggen.",
    ],
    [{ minGroupSize: "1" }, "minGroupSize", "Vul een heel getal van 2 tot en met 10 in."],
    [{ minGroupSize: "11" }, "minGroupSize", "Vul een heel getal van 2 tot en met 10 in."],
    [{ minGroupSize: "2.5" }, "minGroupSize", "Vul een heel getal van 2 tot en met 10 in."],
    [{ minGroupSize: "drie" }, "minGroupSize", "Vul een heel getal van 2 tot en met 10 in."],
    [{ minGroupSize: "" }, "minGroupSize", "Vul een heel getal van 2 tot en met 10 in."],
    [{ managerIdentifiable: "" }, "managerIdentifiable", "Maak een keuze."],
    [{ leadAccess: "always" }, "leadAccess", "Maak een keuze."],
    [{ colleagueMin: "-1" }, "colleagueMin", "Vul een heel getal van 0 tot en met 20 in."],
    [{ customerMax: "21" }, "customerMax", "Vul een heel getal van 0 tot en met 20 in."],
    [
      { colleagueMin: "5", colleagueMax: "4" },
      "colleagueMax",
      "Het maximum mag niet lager zijn dan het minimum.",
    ],
    [
      { reportMin: "3", reportMax: "2" },
      "reportMax",
      "Het maximum mag niet lager zijn dan het minimum.",
    ],
    [
      { reminderDays: "7,x" },
      "reminderDays",
      "Vul hele getallen in, gescheiden door komma’s, bijvoorbeeld 7,2.",
    ],
    [{ reminderDays: "0,2" }, "reminderDays", "Elke dag ligt tussen 1 en 60."],
    [{ reminderDays: "61" }, "reminderDays", "Elke dag ligt tussen 1 en 60."],
    [{ reminderDays: "7,7" }, "reminderDays", "Noem elke dag maar één keer."],
    [{ mailLocale: "de" }, "mailLocale", "Maak een keuze."],
  ] as const)("%j → %s", (values, field, message) => {
    expect(errorsOf(values)[field]).toEqual([message]);
  });

  it("reports problems of several fields at once, the cross-field ones included", () => {
    const errors = errorsOf({ name: "", colleagueMin: "6", colleagueMax: "3", minGroupSize: "0" });
    expect(Object.keys(errors).sort()).toEqual(["colleagueMax", "minGroupSize", "name"]);
  });

  it("says what is wrong with message references, never text", () => {
    const submission = parse({ name: "", minGroupSize: "1" });
    expect(submission.status === "error" ? submission.error : null).toMatchObject({
      name: ["cycles.settings.error.nameRequired"],
      minGroupSize: ["cycles.settings.error.wholeNumber?min=%232&max=%2310"],
    });
  });

  it("speaks English to an English admin", () => {
    const english = translated(parse({ name: "", reminderDays: "0" }), translator("en"));
    expect(english.name).toEqual(["Give the round a name."]);
    expect(english.reminderDays?.[0]).toMatch(/1.*60/);
  });
});

describe("a running round's deadlines", () => {
  const running = createCycleSettingsSchema({
    profileIds: ["toepassing-beleid"],
    today: TODAY,
    savedDeadlines: { nominationDeadline: "2030-02-20", answerDeadline: "2030-03-10" },
  });

  it("may keep a saved deadline that has passed", () => {
    expect(
      parse({ nominationDeadline: "2030-02-20", answerDeadline: "2030-03-20" }, running).status,
    ).toBe("success");
  });

  it("may not move a deadline into the past", () => {
    const submission = parse(
      { nominationDeadline: "2030-02-21", answerDeadline: "2030-03-01" },
      running,
    );
    expect(translated(submission)).toMatchObject({
      nominationDeadline: ["Deze datum is al voorbij. Kies vandaag of later."],
      answerDeadline: ["Deze datum is al voorbij. Kies vandaag of later."],
    });
  });
});

describe("helpers", () => {
  it("recognises calendar days only", () => {
    expect(isCalendarDay("2028-02-29")).toBe(true);
    expect(isCalendarDay("2030-02-29")).toBe(false);
    expect(isCalendarDay("2030-13-01")).toBe(false);
    expect(isCalendarDay("2030-1-01")).toBe(false);
    expect(isCalendarDay("")).toBe(false);
  });

  it("adds days across months and years", () => {
    expect(addDays("2030-12-25", 14)).toBe("2031-01-08");
    expect(addDays("2030-03-04", 0)).toBe("2030-03-04");
  });

  it("parses reminder days, largest first", () => {
    expect(parseReminderDays("")).toEqual({ ok: true, days: [] });
    expect(parseReminderDays("2 7")).toEqual({ ok: true, days: [7, 2] });
    expect(parseReminderDays("1,60")).toEqual({ ok: true, days: [60, 1] });
    expect(parseReminderDays("-1")).toEqual({ ok: false, problem: "format" });
    expect(parseReminderDays("1000")).toEqual({ ok: false, problem: "format" });
  });

  it("suggests dates two and five weeks ahead and preselects a single profile", () => {
    expect(newCycleFormValues(TODAY, ["a"])).toMatchObject({
      profileKey: "a",
      nominationDeadline: "2030-03-18",
      answerDeadline: "2030-04-08",
    });
    expect(newCycleFormValues(TODAY, ["a", "b"]).profileKey).toBe("");
  });
});
