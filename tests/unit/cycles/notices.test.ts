import { describe, expect, it } from "vitest";
import { defaultCycleSettings } from "~/cycles/cycle-schema";
import { CYCLE_NOTICES, PARTICIPANT_NOTICES, TRANSITION_NOTICE } from "~/cycles/notices";
import { describeSettings } from "~/cycles/settings-description";
import { CYCLE_TRANSITIONS } from "~/cycles/transitions";
import { translator } from "~/i18n/messages";
import { noticeLocation, readNotice, withoutNotice } from "~/utils/notices";

const nl = translator("nl");

describe("the cycle pages' notices", () => {
  it("name every step of the cycle page", () => {
    for (const transition of CYCLE_TRANSITIONS) {
      const location = noticeLocation(
        "/beheer/rondes/c1",
        CYCLE_NOTICES,
        TRANSITION_NOTICE[transition],
      );
      expect(readNotice(`http://localhost${location}`, CYCLE_NOTICES)?.key).toMatch(
        /^cycles\.notice\./,
      );
    }
    expect(noticeLocation("/beheer/rondes/c1", CYCLE_NOTICES, "voordragen")).toBe(
      "/beheer/rondes/c1?melding=voordragen",
    );
  });

  it("count who was added, and who already took part or is not active only when there are", () => {
    const location = noticeLocation(
      "/beheer/rondes/c1/deelnemers",
      PARTICIPANT_NOTICES,
      "toegevoegd",
      {
        count: 5,
        counts: { alreadyIn: 2, inactive: 0 },
      },
    );
    expect(location).toBe(
      "/beheer/rondes/c1/deelnemers?melding=toegevoegd&aantal=5&al=2&inactief=0",
    );
    const notice = readNotice(`http://localhost${location}`, PARTICIPANT_NOTICES);
    expect(notice).toMatchObject({
      key: "cycles.participants.notice.added",
      count: 5,
      params: { alreadyIn: 2, inactive: 0 },
      countParams: ["al", "inactief"],
    });
    // What the banner shows: the message, then only the follow-ups that are not zero.
    const followUps = Object.entries(notice?.followUps ?? {}).flatMap(([placeholder, key]) => {
      const count = Number(notice?.params?.[placeholder] ?? 0);
      return count > 0 ? [nl(key, { count })] : [];
    });
    expect([nl(notice!.key, { count: notice!.count }), ...followUps].join(" ")).toBe(
      "Toegevoegde deelnemers: 5. Deden al mee: 2.",
    );
    expect(withoutNotice(`http://localhost${location}`, notice?.countParams)).toBe(
      "/beheer/rondes/c1/deelnemers",
    );
  });
});

describe("the settings in words", () => {
  const reminders = (reminderDays: number[]) =>
    describeSettings(
      {
        ...defaultCycleSettings(),
        name: "Voorjaar",
        profileKey: "p",
        nominationDeadline: "",
        answerDeadline: "",
        reminderDays,
      },
      { t: nl, locale: "nl", profileName: "Profiel" },
    ).find((line) => line.group === "reminders")?.value;

  it("say day or days by the largest reminder day", () => {
    expect(reminders([1])).toBe("1 dag voor de uiterste datum");
    expect(reminders([7, 1])).toBe("7, 1 dagen voor de uiterste datum");
    expect(reminders([])).toBe("geen automatische herinneringen");
  });
});
