import { describe, expect, it } from "vitest";
import { noticeLocation, readNotice } from "~/nominations/notices";

describe("noticeLocation", () => {
  it("keeps the search only when asked, and drops an earlier notice", () => {
    const url = "http://localhost/voordragen/p1?zoek=jan&melding=ingetrokken";
    expect(noticeLocation(url, "voorgedragen", { keepSearch: true })).toBe(
      "/voordragen/p1?zoek=jan&melding=voorgedragen",
    );
    expect(noticeLocation(url, "ingediend")).toBe("/voordragen/p1?melding=ingediend");
  });

  it("carries a count", () => {
    expect(
      noticeLocation("http://localhost/goedkeuren?index", "alles-goedgekeurd", { count: 3 }),
    ).toBe("/goedkeuren?melding=alles-goedgekeurd&aantal=3");
  });
});

describe("readNotice", () => {
  it("turns a known code into its message, and ignores anything else", () => {
    expect(readNotice(new URL("http://localhost/x?melding=voorgedragen"))).toEqual({
      key: "nominations.notice.proposed",
      count: 0,
    });
    expect(readNotice(new URL("http://localhost/x?melding=alles-goedgekeurd&aantal=4"))).toEqual({
      key: "nominations.notice.approvedAll",
      count: 4,
    });
    expect(readNotice(new URL("http://localhost/x?melding=toString"))).toBeNull();
    expect(readNotice(new URL("http://localhost/x?melding=%3Cscript%3E"))).toBeNull();
    expect(readNotice(new URL("http://localhost/x"))).toBeNull();
  });
});
