import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "~/i18n/locales";
import { translate } from "~/i18n/messages";
import { en } from "~/i18n/messages.en";
import { nl } from "~/i18n/messages.nl";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  it("English has every Dutch key, with the same placeholders and no empty text", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const [key, dutch] of Object.entries(nl)) {
      const english = en[key as keyof typeof nl];
      expect(english.trim(), key).not.toBe("");
      expect(placeholders(english), key).toEqual(placeholders(dutch));
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
