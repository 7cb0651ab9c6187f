import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { isSameRater, judgeVoice } from "~/invitations/one-voice";
import {
  raterAddressKey,
  raterAddressPattern,
  sameRaterAddress,
} from "~/invitations/rater-address";

describe("raterAddressKey", () => {
  it("drops a +tag from the local part: the mail lands in the same mailbox", () => {
    expect(raterAddressKey("piet+2@org.example")).toBe("piet@org.example");
    expect(raterAddressKey(" Piet+Rondom+360@Org.Example ")).toBe("piet@org.example");
    expect(raterAddressKey("piet+@org.example")).toBe("piet@org.example");
  });

  it("keeps everything else: dots, the domain, an address without a local part before +", () => {
    expect(raterAddressKey("p.de.vries@org.example")).toBe("p.de.vries@org.example");
    expect(raterAddressKey("p.devries@org.example")).not.toBe(
      raterAddressKey("pdevries@org.example"),
    );
    expect(raterAddressKey("piet@org+x.example")).toBe("piet@org+x.example");
    expect(raterAddressKey("+tag@org.example")).toBe("+tag@org.example");
    expect(raterAddressKey("geen-adres")).toBe("geen-adres");
    expect(sameRaterAddress("piet+a@org.example", "PIET+b@org.example")).toBe(true);
    expect(sameRaterAddress("piet@org.example", "piet@other.example")).toBe(false);
  });
});

describe("raterAddressPattern", () => {
  // The SQL pre-filter, run as the queries run it: every stored address with the key must
  // match it (lowercased and trimmed), and LIKE's wildcards in an address are taken literally.
  const sqlite = new Database(":memory:");
  const like = sqlite.prepare<[string, string], { hit: number }>(
    "select lower(trim(?)) like ? escape '\\' as hit",
  );
  const matches = (pattern: string, address: string) => like.get(address, pattern)!.hit === 1;

  it("matches every address with the same key, and keeps wildcards literal", () => {
    const pattern = raterAddressPattern("Piet+2@Org.example");
    for (const address of ["piet@org.example", " PIET+x@Org.example", "piet+a+b@org.example"]) {
      expect(matches(pattern, address), address).toBe(true);
    }
    // A wider match is dropped by comparing keys afterwards; a narrower one would be a miss.
    expect(matches(pattern, "piet@org.example.other")).toBe(false);
    expect(matches(pattern, "pa@org.example")).toBe(false);
    expect(matches(raterAddressPattern("a_b%c@x.example"), "aXbYc@x.example")).toBe(false);
    expect(matches(raterAddressPattern("a_b%c@x.example"), "A_b%c+1@x.example")).toBe(true);
    expect(matches(raterAddressPattern("geen-adres"), "Geen-Adres ")).toBe(true);
  });
});

describe("one voice for a +tag alias", () => {
  const piet = { personId: null, email: "piet@org.example" };

  it("is the same rater, refused a second invitation", () => {
    expect(isSameRater({ personId: null, email: "Piet+2@org.example" }, piet)).toBe(true);
    expect(
      judgeVoice({
        participant: { personId: "p-mo", email: "mo@org.example" },
        rater: { personId: null, email: "piet+2@org.example" },
        relationship: "customer",
        invited: [piet],
      }),
    ).toBe("already_invited");
  });
});
