import { describe, expect, it } from "vitest";
import { messageRef, translateMessageRef, translator } from "~/i18n/messages";

const nl = translator("nl");
const en = translator("en");

describe("counted texts of the sign-in pages, Mijn Rondom, the log and the outbox", () => {
  it.each([
    [
      "mine.sessions.count",
      1,
      "U bent nu op 1 apparaat of browser ingelogd.",
      "You are signed in on 1 device or browser.",
    ],
    [
      "mine.sessions.count",
      3,
      "U bent nu op 3 apparaten of browsers ingelogd.",
      "You are signed in on 3 devices or browsers.",
    ],
    ["audit.teams", 1, "1 team", "1 team"],
    ["audit.teams", 2, "2 teams", "2 teams"],
    ["audit.members", 1, "1 teamlid", "1 team member"],
    ["audit.members", 4, "4 teamleden", "4 team members"],
    ["audit.sessionsEnded", 1, "1 sessie beëindigd", "1 session ended"],
    ["audit.sessionsEnded", 2, "2 sessies beëindigd", "2 sessions ended"],
    ["outbox.showing", 1, "De 1 nieuwste e-mail.", "The 1 newest email."],
    ["outbox.showing", 50, "De 50 nieuwste e-mails.", "The 50 newest emails."],
    ["teamComparison.table.members", 1, "1 lid", "1 member"],
    ["teamComparison.table.members", 6, "6 leden", "6 members"],
    ["teamComparison.table.participants", 1, "1 deelnemer", "1 participant"],
    ["teamComparison.table.participants", 12, "12 deelnemers", "12 participants"],
  ] as const)("%s with %i", (key, count, dutch, english) => {
    expect(nl(key, { count })).toBe(dutch);
    expect(en(key, { count })).toBe(english);
  });

  it("says 'minuut' for one minute when sign-in is refused for a while, through the form's reference", () => {
    const one = messageRef("signIn.rateLimited", { count: 1 });
    expect(translateMessageRef(nl, one)).toBe(
      "U heeft te vaak om een inloglink gevraagd. Probeer het over 1 minuut opnieuw.",
    );
    expect(translateMessageRef(en, one)).toBe(
      "You have asked for a sign-in link too often. Please try again in 1 minute.",
    );
    const many = messageRef("signIn.code.rateLimited", { count: 8 });
    expect(translateMessageRef(nl, many)).toContain("over 8 minuten opnieuw");
    expect(translateMessageRef(en, many)).toContain("try again in 8 minutes");
  });
});
