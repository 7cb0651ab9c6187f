import { describe, expect, it } from "vitest";
import { defineNotices, noticeLocation, readNotice, withoutNotice } from "~/utils/notices";

const NOTICES = defineNotices({
  voorgedragen: "nominations.notice.proposed",
  "alles-goedgekeurd": { key: "nominations.notice.approvedAll" },
  verouderd: { key: "nominations.notice.removed", tone: "warning" },
});

describe("notices after a redirect", () => {
  it("travel in the query string and come back as the page's message", () => {
    const location = noticeLocation("/voordragen/p1?zoek=jan", NOTICES, "alles-goedgekeurd", {
      count: 3,
    });
    expect(location).toBe("/voordragen/p1?zoek=jan&melding=alles-goedgekeurd&aantal=3");
    expect(readNotice(`http://localhost${location}`, NOTICES)).toEqual({
      key: "nominations.notice.approvedAll",
      tone: "success",
      count: 3,
    });
  });

  it("keep their tone", () => {
    expect(readNotice("http://localhost/x?melding=verouderd", NOTICES)?.tone).toBe("warning");
  });

  it("show nothing for a code the page does not know, so a link cannot put words on a page", () => {
    for (const code of ["onbekend", "constructor", "__proto__", "toString", ""]) {
      expect(readNotice(`http://localhost/x?melding=${code}`, NOTICES)).toBeNull();
    }
    expect(readNotice("http://localhost/x", NOTICES)).toBeNull();
  });

  it("ignore a count that is not a small whole number", () => {
    for (const count of ["-1", "1e400", "abc", "2.5"]) {
      expect(
        readNotice(`http://localhost/x?melding=voorgedragen&aantal=${count}`, NOTICES)?.count,
      ).toBe(0);
    }
  });

  it("replace an earlier notice instead of piling up", () => {
    expect(noticeLocation("/x?melding=verouderd&aantal=2", NOTICES, "voorgedragen")).toBe(
      "/x?melding=voorgedragen",
    );
  });

  it("carry counts of their own, each in its own parameter, and fixed parameters", () => {
    const SUMMARY = defineNotices({
      klaar: {
        key: "people.imported.summary",
        counts: { nieuw: "created", teams: "teamsCreated" },
      },
      wacht: { key: "people.edit.notice.addressPending", params: { days: 14 } },
    });
    const location = noticeLocation("/x", SUMMARY, "klaar", { counts: { created: 3 } });
    expect(location).toBe("/x?melding=klaar&nieuw=3&teams=0");
    expect(
      readNotice(`http://localhost${location.replace("nieuw=3", "nieuw=-1")}`, SUMMARY),
    ).toEqual({
      key: "people.imported.summary",
      tone: "success",
      count: 0,
      params: { created: 0, teamsCreated: 0 },
      countParams: ["nieuw", "teams"],
    });
    expect(readNotice("http://localhost/x?melding=wacht", SUMMARY)?.params).toEqual({ days: 14 });
    expect(withoutNotice(`http://localhost${location}&zoek=jan`, ["nieuw", "teams"])).toBe(
      "/x?zoek=jan",
    );
  });

  it("leave the address without the notice once read, keeping the rest", () => {
    expect(withoutNotice("http://localhost/x?zoek=jan&melding=voorgedragen&aantal=2#lijst")).toBe(
      "/x?zoek=jan#lijst",
    );
    expect(withoutNotice("http://localhost/x?melding=voorgedragen")).toBe("/x");
  });
});
