import { describe, expect, it } from "vitest";
import { NOMINATION_NOTICES, pageAfterPost } from "~/nominations/notices";
import { noticeLocation, readNotice } from "~/utils/notices";

describe("the nomination pages' notices", () => {
  it("keep the search only when asked, and drop an earlier notice", () => {
    const url = "http://localhost/voordragen/p1?zoek=jan&melding=ingetrokken";
    expect(noticeLocation(pageAfterPost(url, true), NOMINATION_NOTICES, "voorgedragen")).toBe(
      "/voordragen/p1?zoek=jan&melding=voorgedragen",
    );
    expect(noticeLocation(pageAfterPost(url, false), NOMINATION_NOTICES, "ingediend")).toBe(
      "/voordragen/p1?melding=ingediend",
    );
  });

  it("carry a count", () => {
    const page = pageAfterPost("http://localhost/goedkeuren?index", false);
    expect(noticeLocation(page, NOMINATION_NOTICES, "alles-goedgekeurd", { count: 3 })).toBe(
      "/goedkeuren?melding=alles-goedgekeurd&aantal=3",
    );
  });

  it("turn a known code into its message, and ignore anything else", () => {
    const read = (query: string) => readNotice(`http://localhost/x${query}`, NOMINATION_NOTICES);
    expect(read("?melding=voorgedragen")).toEqual({
      key: "nominations.notice.proposed",
      tone: "success",
      count: 0,
    });
    expect(read("?melding=alles-goedgekeurd&aantal=4")).toEqual({
      key: "nominations.notice.approvedAll",
      tone: "success",
      count: 4,
    });
    expect(read("?melding=toString")).toBeNull();
    expect(read("?melding=%3Cscript%3E")).toBeNull();
    expect(read("")).toBeNull();
  });
});
