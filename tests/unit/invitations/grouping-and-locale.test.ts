import { describe, expect, it } from "vitest";
import { mailLocale } from "~/invitations/mail-locale";
import { groupByRaterAddress, raterAddressKey } from "~/invitations/rater-address";

describe("groupByRaterAddress", () => {
  it("puts every link of one address in one group, whatever the case or spaces", () => {
    const groups = groupByRaterAddress([
      { raterEmail: "lead@rondedam.example", id: 1 },
      { raterEmail: "klant@extern.example", id: 2 },
      { raterEmail: " Lead@Rondedam.example", id: 3 },
      { raterEmail: "LEAD@rondedam.example", id: 4 },
    ]);
    expect(groups.map((group) => group.map((item) => item.id))).toEqual([[1, 3, 4], [2]]);
    expect(raterAddressKey(" A.Jansen@X.nl ")).toBe("a.jansen@x.nl");
  });

  it("makes no groups of nothing", () => {
    expect(groupByRaterAddress([])).toEqual([]);
  });
});

describe("mailLocale", () => {
  it("prefers the cycle's mail language, then the person's, then the organisation's", () => {
    const base = { cycleMailLocale: null, personLocale: null, organisationDefault: "nl" } as const;
    expect(mailLocale(base)).toBe("nl");
    expect(mailLocale({ ...base, personLocale: "en" })).toBe("en");
    expect(mailLocale({ ...base, personLocale: "en", cycleMailLocale: "nl" })).toBe("nl");
    expect(mailLocale({ ...base, organisationDefault: "en" })).toBe("en");
  });
});
