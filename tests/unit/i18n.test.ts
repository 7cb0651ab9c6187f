import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "~/i18n/locales";
import {
  translate,
  translateMessageRef,
  translator,
  messageRef,
  type MessageKey,
  type MessageText,
} from "~/i18n/messages";
import { en } from "~/i18n/messages.en";
import { nl } from "~/i18n/messages.nl";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  it("English has every Dutch key, with the same placeholders and no empty text", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const [key, dutch] of Object.entries(nl) as [MessageKey, MessageText][]) {
      const english = en[key];
      // A plural message has its forms in both languages. The general form (`other`) has the
      // Dutch general form's placeholders; another form may leave some out ("één vragenlijst"
      // needs no {count}), but has no placeholder of its own.
      expect(typeof english, key).toBe(typeof dutch);
      const expected = placeholders(typeof dutch === "string" ? dutch : dutch.other);
      const forms = [
        ...(typeof dutch === "string" ? [] : Object.entries(dutch)),
        ...(typeof english === "string" ? [["other", english]] : Object.entries(english)),
      ] as [string, string][];
      for (const [category, form] of forms) {
        expect(form.trim(), key).not.toBe("");
        const found = placeholders(form);
        if (category === "other") expect(found, `${key} (${category})`).toEqual(expected);
        else expect(expected, `${key} (${category})`).toEqual(expect.arrayContaining(found));
      }
    }
  });

  it("fills placeholders and formats numbers per locale", () => {
    const params = { clusters: 3, competencies: 9, indicators: 1200 };
    expect(translate("nl", "profile.counts", params)).toBe(
      "3 clusters, 9 competenties, 1.200 gedragsindicatoren",
    );
    expect(translate("en", "profile.counts", params)).toBe(
      "3 clusters, 9 competencies, 1,200 behavioural indicators",
    );
  });

  it("leaves an unknown placeholder visible rather than inventing a value", () => {
    expect(translate("nl", "home.demo.title", {})).toBe("Demo: {organisation}");
  });
});

describe("plurals", () => {
  it("choose the form by count with the language's plural rules", () => {
    expect(translate("nl", "mine.teams.members", { count: 1 })).toBe("1 medewerker");
    expect(translate("nl", "mine.teams.members", { count: 0 })).toBe("0 medewerkers");
    expect(translate("nl", "mine.teams.members", { count: 1200 })).toBe("1.200 medewerkers");
    expect(translate("en", "mine.teams.members", { count: 1 })).toBe("1 employee");
    expect(translate("en", "mine.teams.members", { count: 2 })).toBe("2 employees");
  });

  it("fall back to the general form without a count", () => {
    expect(translate("en", "mine.teams.members")).toBe("{count} employees");
  });
});

describe("message references", () => {
  const t = translator("nl");
  it("carry a key and its parameters through a string, numbers formatted on arrival", () => {
    const ref = messageRef("profile.counts", { clusters: 3, competencies: 9, indicators: 1200 });
    expect(translateMessageRef(t, ref)).toBe(
      "3 clusters, 9 competenties, 1.200 gedragsindicatoren",
    );
    expect(translateMessageRef(translator("en"), ref)).toBe(
      "3 clusters, 9 competencies, 1,200 behavioural indicators",
    );
  });

  it("keep a text parameter as it is, whatever it starts with", () => {
    for (const name of ["@http.notFound", "#12", "=Jan", "@", "#", "a&b=c?d"]) {
      const ref = messageRef("invitations.email.link.colleague", { name });
      expect(translateMessageRef(t, ref)).toBe(`${name}, als collega`);
    }
  });

  it("translate a message parameter in the reader's language", () => {
    const ref = messageRef("invitations.email.link.colleague", { name: { key: "http.notFound" } });
    expect(translateMessageRef(t, ref)).toBe(`${t("http.notFound")}, als collega`);
    expect(translateMessageRef(translator("en"), ref)).toBe(
      `${translate("en", "http.notFound")}, as colleague`,
    );
  });

  it("treat a parameter without its type mark as no reference at all", () => {
    expect(translateMessageRef(t, "invitations.email.link.colleague?name=Jan")).toBe(
      t("form.invalidValue"),
    );
    expect(translateMessageRef(t, "invitations.email.link.colleague?name=%23abc")).toBe(
      t("form.invalidValue"),
    );
  });

  it("pick the one form, which may leave the number out", () => {
    const params = { organisation: "Acme", cycle: "Voorjaar", count: 1 };
    expect(translate("nl", "invitations.email.invitation.intro", params)).toBe(
      "Acme vraagt uw feedback in de feedbackronde “Voorjaar”. Hieronder staat uw persoonlijke link.",
    );
    expect(translate("en", "invitations.email.reminder.intro", { ...params, count: 2 })).toContain(
      "2 questionnaires are still waiting",
    );
  });

  it("never show an unknown code: it becomes the general message", () => {
    expect(translateMessageRef(t, "not.a.key")).toBe(t("form.invalidValue"));
    expect(translateMessageRef(t, "constructor")).toBe(t("form.invalidValue"));
  });
});

describe("localeFromAcceptLanguage", () => {
  it.each([
    [null, null],
    ["", null],
    ["nl-NL,nl;q=0.9,en;q=0.8", "nl"],
    ["en-GB,en;q=0.9", "en"],
    ["de-DE,de;q=0.9,en;q=0.5,nl;q=0.4", "en"],
    ["fr;q=0.9, nl;q=0.95", "nl"],
    ["de, fr", null],
    ["en;q=0, nl", "nl"],
    ["*", null],
    ["en;q=abc, nl;q=0.1", "nl"],
  ])("%s → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
