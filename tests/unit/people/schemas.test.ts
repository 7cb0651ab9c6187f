import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { translateErrors } from "~/components/forms";
import { translator } from "~/i18n/messages";
import { importApplySchema } from "~/people/import-apply-schema";
import { issueOfRef } from "~/people/import-problems";
import { importUploadSchema } from "~/people/import-upload-schema";
import { PERSON_ISSUES, personFormSchema, personIssueRef } from "~/people/person-schema";
import { TEAM_ISSUES, teamFormSchema, teamIssueRef } from "~/people/team-schema";

const nl = translator("nl");
const en = translator("en");

function fieldErrors(schema: Parameters<typeof parseWithZod>[1]["schema"], fields: string[][]) {
  const result = parseWithZod(new URLSearchParams(fields), { schema }).reply();
  return result.error ?? {};
}

describe("the person form's schema", () => {
  it("says what is wrong with message references, which read as the old texts", () => {
    const errors = fieldErrors(personFormSchema, [
      ["employeeNumber", ""],
      ["firstName", "x".repeat(101)],
      ["lastName", "De\u202EVries"],
      ["email", "geen-adres"],
      ["role", "directeur"],
      ["locale", "fr"],
    ]);
    expect(translateErrors(nl, errors.employeeNumber ?? [])).toEqual([
      "Vul het personeelsnummer in.",
    ]);
    expect(translateErrors(nl, errors.firstName ?? [])).toEqual([
      "De voornaam is te lang (hoogstens 100 tekens).",
    ]);
    expect(translateErrors(nl, errors.lastName ?? [])[0]).toMatch(
      /^De achternaam bevat onzichtbare/,
    );
    expect(translateErrors(nl, errors.email ?? [])).toEqual([
      "Vul een geldig e-mailadres in, zoals naam@gemeente.nl.",
    ]);
    expect(translateErrors(en, errors.role ?? [])).toEqual(["Choose a role."]);
    expect(translateErrors(nl, errors.locale ?? [])).toEqual(["Kies Nederlands of Engels."]);
  });

  it("gives every issue a message of its own, and the import its issue back", () => {
    const refs = [...PERSON_ISSUES.map(personIssueRef), ...TEAM_ISSUES.map(teamIssueRef)];
    for (const ref of refs) expect(nl(ref as never), ref).not.toBe(ref);
    expect(new Set(refs).size).toBe(refs.length);
    for (const issue of PERSON_ISSUES) expect(issueOfRef(personIssueRef(issue))).toBe(issue);
    for (const issue of TEAM_ISSUES) expect(issueOfRef(teamIssueRef(issue))).toBe(issue);
    expect(() => issueOfRef("form.invalidValue")).toThrow();
  });
});

describe("the team form's schema", () => {
  it("refuses a name with >, in Dutch and in English", () => {
    const errors = fieldErrors(teamFormSchema, [["name", "A > B"]]);
    expect(translateErrors(nl, errors.name ?? [])).toEqual(["Een teamnaam mag geen > bevatten."]);
    expect(translateErrors(en, errors.name ?? [])[0]).toContain(">");
    expect(fieldErrors(teamFormSchema, [["name", "  "]]).name).toEqual([
      teamIssueRef("teamNameRequired"),
    ]);
  });
});

describe("the import's forms", () => {
  it("asks for a file or a text, not both, not neither", () => {
    const missing = parseWithZod(new FormData(), { schema: importUploadSchema }).reply();
    expect(translateErrors(nl, missing.error?.[""] ?? [])).toEqual([
      "Kies een bestand of plak de inhoud ervan.",
    ]);
    const form = new FormData();
    form.append("file", new File(["a;b"], "a.csv"));
    form.append("text", "a;b");
    const both = parseWithZod(form, { schema: importUploadSchema }).reply();
    expect(translateErrors(en, both.error?.[""] ?? [])).toEqual([
      "Choose a file or paste text, not both.",
    ]);
  });

  it("applies with no one, one or several people ticked", () => {
    const parse = (fields: string[][]) =>
      parseWithZod(new URLSearchParams(fields), { schema: importApplySchema });
    const none = parse([["planHash", "abc"]]);
    expect(none.status === "success" && none.value).toEqual({ planHash: "abc", deactivate: [] });
    const one = parse([
      ["planHash", "abc"],
      ["deactivate", "p1"],
    ]);
    expect(one.status === "success" && one.value.deactivate).toEqual(["p1"]);
    expect(parse([["deactivate", "p1"]]).status).toBe("error");
  });
});

describe("the preview's count of lines with errors", () => {
  it("is one line or several", () => {
    expect(nl("people.preview.rowErrors", { count: 1 })).toMatch(/^1 regel bevat een fout\./);
    expect(nl("people.preview.rowErrors", { count: 3 })).toMatch(/^3 regels bevatten een fout\./);
    expect(en("people.preview.rowErrors", { count: 1 })).toMatch(/^1 line contains an error\./);
    expect(en("people.preview.rowErrors", { count: 2 })).toMatch(/^2 lines contain an error\./);
  });
});
