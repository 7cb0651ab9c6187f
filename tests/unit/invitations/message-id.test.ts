import { describe, expect, it } from "vitest";
import { messageIdFor } from "~/email/sender.server";

describe("messageIdFor", () => {
  it("is derived from the outbox id and the sender's domain, the same every time", () => {
    const from = "Rondom <noreply@gemeente-rondedam.nl>";
    expect(messageIdFor("AbC_12-x", from)).toBe("<AbC_12-x@gemeente-rondedam.nl>");
    expect(messageIdFor("AbC_12-x", from)).toBe(messageIdFor("AbC_12-x", from));
    expect(messageIdFor("other", from)).not.toBe(messageIdFor("AbC_12-x", from));
  });

  it("accepts a bare address and falls back to rondom.invalid without a usable domain", () => {
    expect(messageIdFor("id1", "noreply@Rondom.Example")).toBe("<id1@rondom.example>");
    expect(messageIdFor("id1", "Rondom")).toBe("<id1@rondom.invalid>");
    expect(messageIdFor("id1", "Rondom <noreply@>")).toBe("<id1@rondom.invalid>");
  });
});
