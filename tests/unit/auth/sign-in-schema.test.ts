import { describe, expect, it } from "vitest";
import { codeSchema as code, signInSchema as signIn } from "~/auth/sign-in-schema";
import { normaliseEmail } from "~/auth/sign-in.server";
import { translateMessageRef, translator } from "~/i18n/messages";

const nl = translator("nl");
const en = translator("en");

/** The first problem as the page shows it, in Dutch. */
function firstError(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  const ref = result.success ? null : (result.error?.issues[0]?.message ?? null);
  return ref === null ? null : translateMessageRef(nl, ref);
}

const EMAIL_REQUIRED = "Vul uw e-mailadres in.";
const EMAIL_INVALID = "Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.";
const CODE_REQUIRED = "Vul de code uit de e-mail in.";
const CODE_INVALID = "Een code bestaat uit zes cijfers.";

describe("the sign-in form", () => {
  it("trims the address and keeps an optional destination", () => {
    expect(signIn.parse({ email: "  anna@rondedam.nl ", redirectTo: "/mijn" })).toEqual({
      email: "anna@rondedam.nl",
      redirectTo: "/mijn",
    });
    expect(signIn.parse({ email: "anna@rondedam.nl" })).toEqual({ email: "anna@rondedam.nl" });
  });

  it.each([
    [undefined, EMAIL_REQUIRED],
    ["", EMAIL_REQUIRED],
    ["   ", EMAIL_REQUIRED],
    ["anna", EMAIL_INVALID],
    ["anna@", EMAIL_INVALID],
    [`${"a".repeat(250)}@x.nl`, EMAIL_INVALID],
  ])("refuses the address %j with %s", (email, message) => {
    expect(firstError(signIn.safeParse({ email }))).toBe(message);
  });

  it("says it in the reader's language: the schema carries references, not text", () => {
    const result = signIn.safeParse({ email: "anna" });
    const ref = result.success ? "" : (result.error.issues[0]?.message ?? "");
    expect(ref).toBe("signIn.error.email.invalid");
    expect(translateMessageRef(en, ref)).toBe(
      "Enter a valid email address, for example name@municipality.nl.",
    );
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
    [undefined, CODE_REQUIRED],
    ["", CODE_REQUIRED],
    ["12345", CODE_INVALID],
    ["1234567", CODE_INVALID],
    ["12a456", CODE_INVALID],
    ["١٢٣٤٥٦", CODE_INVALID],
  ])("refuses %j with %s", (typed, message) => {
    expect(firstError(code.safeParse({ code: typed }))).toBe(message);
  });
});

describe("normaliseEmail", () => {
  it("ignores case and surrounding spaces", () => {
    expect(normaliseEmail("  Anna.De.Vries@Rondedam.NL\t")).toBe("anna.de.vries@rondedam.nl");
  });
});
