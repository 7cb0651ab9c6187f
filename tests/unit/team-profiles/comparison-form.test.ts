import { parseWithZod } from "@conform-to/zod/v4";
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type * as RemixReact from "@remix-run/react";
import { translateMessageRef, translator } from "~/i18n/messages";
import { ComparisonForm } from "~/team-profiles/components/comparison-form";
import {
  comparisonFormSchema,
  LATEST_CYCLE,
  type ComparisonForm as FormModel,
} from "~/team-profiles/comparison-model";

// The choice of teams and round: the schema the browser checks before sending, and the form
// as the server renders it, also when it comes back refused (one team, without JavaScript).

vi.mock("~/i18n/use-translation", () => ({
  useTranslation: () => ({ locale: "nl", t: translator("nl") }),
  useLocale: () => "nl",
}));
vi.mock("@remix-run/react", async (importOriginal) => {
  const actual = await importOriginal<typeof RemixReact>();
  return {
    ...actual,
    Form: ({ children, ...rest }: { children: ReactNode }) => createElement("form", rest, children),
  };
});

const ONE_TEAM = "U koos één team. Kies minstens twee teams om ze met elkaar te vergelijken.";

function query(teams: string[], extra: [string, string][] = []): URLSearchParams {
  return new URLSearchParams([...teams.map((id) => ["team", id]), ...extra]);
}

describe("the comparison form's schema", () => {
  it("refuses one team, in words the page shows", () => {
    const submission = parseWithZod(query(["t1"], [["vergelijk", "1"]]), {
      schema: comparisonFormSchema,
    });
    expect(submission.status).toBe("error");
    const errors = submission.reply().error?.team ?? [];
    expect(errors.map((ref) => translateMessageRef(translator("nl"), ref))).toEqual([ONE_TEAM]);
    expect(translateMessageRef(translator("en"), errors[0]!)).toBe(
      "You chose one team. Choose at least two teams to compare them with each other.",
    );
  });

  it("lets two or more teams through, and none (the page then says to choose)", () => {
    for (const teams of [["t1", "t2"], ["t1", "t2", "t3"], []]) {
      const submission = parseWithZod(query(teams, [["ronde", LATEST_CYCLE]]), {
        schema: comparisonFormSchema,
      });
      expect(submission.status, teams.join(",")).toBe("success");
    }
  });
});

const model: FormModel = {
  groups: [
    {
      name: "Dienstverlening",
      teams: [
        { id: "t1", name: "Publiekszaken" },
        { id: "t2", name: "Klantcontact" },
      ],
    },
    { name: "Ruimte", teams: [{ id: "t3", name: "Vergunningen" }] },
  ],
  cycles: [{ id: "c1", name: "Voorjaar 2030", day: "2030-05-01" }],
  ronde: "c1",
  chosenTeamIds: ["t2"],
};

/** Whether the box of this team is ticked in the HTML. */
function ticked(html: string, teamId: string): boolean {
  const input = new RegExp(`<input[^>]*value="${teamId}"[^>]*/?>`).exec(html)?.[0] ?? "";
  return input.includes('checked=""');
}

function render(problem: "none" | "one" | null): string {
  return renderToStaticMarkup(createElement(ComparisonForm, { form: model, problem }));
}

describe("the comparison form", () => {
  it("ticks the chosen teams, selects the round, and says nothing when there is no problem", () => {
    const html = render("none");
    expect(html).not.toContain('role="alert"');
    expect(ticked(html, "t2")).toBe(true);
    expect(ticked(html, "t1")).toBe(false);
    expect(html).toMatch(/<option value="c1" selected="">/);
    expect(html).toContain("Per team de laatste ronde");
    // Every box has an id of its own.
    const ids = [...html.matchAll(/<input id="([^"]+)" name="team"/g)].map((match) => match[1]);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });

  it("comes back refused with one team: an alert above the form and the error at the teams", () => {
    const html = render("one");
    expect(html).toContain('role="alert"');
    expect(html.split(ONE_TEAM).length - 1).toBe(2);
    expect(html).toMatch(/<fieldset class="comparison-form__teams" aria-describedby="[^"]+ [^"]+"/);
    expect(ticked(html, "t2")).toBe(true);
    expect(html).toMatch(/<option value="c1" selected="">/);
  });
});
