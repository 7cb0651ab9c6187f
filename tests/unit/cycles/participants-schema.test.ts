import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import {
  isParticipantsFormField,
  participantsActionSchema as schema,
} from "~/cycles/participants-schema";
import { translateMessageRef, translator } from "~/i18n/messages";

const parse = (fields: [string, string][]) => parseWithZod(new URLSearchParams(fields), { schema });

describe("the participants page's forms", () => {
  it("reads the ticked teams from their checkboxes", () => {
    const submission = parse([
      ["intent", "add-teams"],
      ["teams.Ab-_9", "on"],
      ["teams.Zz", "on"],
      ["includeSubTeams", "on"],
    ]);
    expect(submission.status === "success" ? submission.value : null).toEqual({
      intent: "add-teams",
      teams: ["Ab-_9", "Zz"],
      includeSubTeams: true,
    });
  });

  it("asks for at least one team", () => {
    const submission = parse([["intent", "add-teams"]]);
    const refs = submission.status === "error" ? (submission.error?.teams ?? []) : [];
    expect(refs).toEqual(["cycles.participants.error.noTeam"]);
    expect(refs.map((ref) => translateMessageRef(translator("nl"), ref))).toEqual([
      "Kies minstens één team.",
    ]);
  });

  it("adds one person and removes one participant by id", () => {
    expect(
      parse([
        ["intent", "add-person"],
        ["personId", "p1"],
      ]).status,
    ).toBe("success");
    expect(
      parse([
        ["intent", "remove"],
        ["participantId", "x1"],
      ]).status,
    ).toBe("success");
    expect(parse([["intent", "remove"]]).status).toBe("error");
    expect(parse([["intent", "delete-all"]]).status).toBe("error");
  });

  it("knows the field names the forms can send", () => {
    for (const name of ["intent", "includeSubTeams", "personId", "participantId", "teams.abc"]) {
      expect(isParticipantsFormField(name), name).toBe(true);
    }
    for (const name of ["teams", "team.abc", `teams.${"x".repeat(65)}`, "settings"]) {
      expect(isParticipantsFormField(name), name).toBe(false);
    }
  });
});
