import { describe, expect, it } from "vitest";
import { createCodeSchema, createSignInSchema } from "~/auth/sign-in-schema";
import { normaliseEmail } from "~/auth/sign-in.server";

const signIn = createSignInSchema({ emailRequired: "verplicht", emailInvalid: "ongeldig" });
const code = createCodeSchema({ codeRequired: "verplicht", codeInvalid: "zes cijfers" });

function firstError(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.success ? null : (result.error?.issues[0]?.message ?? null);
}

describe("the sign-in form", () => {
  it("trims the address and keeps an optional destination", () => {
    expect(signIn.parse({ email: "  anna@rondedam.nl ", redirectTo: "/mijn" })).toEqual({
      email: "anna@rondedam.nl",
      redirectTo: "/mijn",
    });
    expect(signIn.parse({ email: "anna@rondedam.nl" })).toEqual({ email: "anna@rondedam.nl" });
  });

  it.each([
    [undefined, "verplicht"],
    ["", "verplicht"],
    ["   ", "verplicht"],
    ["anna", "ongeldig"],
    ["anna@", "ongeldig"],
    [`${"a".repeat(250)}@x.nl`, "ongeldig"],
  ])("refuses the address %j with %s", (email, message) => {
    expect(firstError(signIn.safeParse({ email }))).toBe(message);
  });

  it("refuses an overlong destination", () => {
    expect(signIn.safeParse({ email: "a@b.nl", redirectTo: `/${"x".repeat(1000)}` }).success).toBe(
      false,
    );
  });
});

describe("the code form", () => {
  it.each([
    ["123456", "123456"],
    ["123 456", "123456"],
    ["123-456", "123456"],
    [" 042917 ", "042917"],
  ])("accepts %j as %s", (typed, value) => {
    expect(code.parse({ code: typed })).toEqual({ code: value });
  });

  it.each([
    [undefined, "verplicht"],
    ["", "verplicht"],
    ["12345", "zes cijfers"],
    ["1234567", "zes cijfers"],
    ["12a456", "zes cijfers"],
    ["١٢٣٤٥٦", "zes cijfers"],
  ])("refuses %j with %s", (typed, message) => {
    expect(firstError(code.safeParse({ code: typed }))).toBe(message);
  });
});

describe("normaliseEmail", () => {
  it("ignores case and surrounding spaces", () => {
    expect(normaliseEmail("  Anna.De.Vries@Rondedam.NL\t")).toBe("anna.de.vries@rondedam.nl");
  });
});
