import { beforeAll, describe, expect, it } from "vitest";
import { loadReportInputs } from "~/reports/release.server";
import type { ReportContent } from "~/reports/report-content";
import { call, getRequest, signedInCookie } from "../../support/requests";
import { describeOutcome, statusOf, valueOf } from "../../support/route-outcome";
import { latestReleasedCycle, loadCast, type CycleRow } from "../../support/demo-cast";
import { useTestDatabase } from "../../support/database";
import { reportPage, type ReportLoaderData } from "./helpers";

// What the report page sends, judged at the wire (issue 13, leak 1): the loader's return value
// is what the browser receives, rendered or not. Before, it held the stored report whole: the
// lead view (the version without the manager) next to the participant's, exact spreads and
// full-precision means, so n × mean − n' × mean' gave the manager's every rating.

const test = useTestDatabase({ seed: true });

let cycle: CycleRow;
let member: { participantId: string; personId: string };
let stored: ReportContent;
/** The member's manager's ratings in that round, by indicator text (null: could not judge). */
let managerRatings: Map<string, number | null>;
const payloads: Record<"participant" | "lead", unknown> = { participant: null, lead: null };

beforeAll(async () => {
  const cast = await loadCast(test.db);
  cycle = await latestReleasedCycle(test.db);
  const row = await test.db
    .selectFrom("participant")
    .innerJoin("person", "person.id", "participant.person_id")
    .innerJoin("report", "report.participant_id", "participant.id")
    .select(["participant.id", "participant.person_id", "report.content"])
    .where("participant.cycle_id", "=", cycle.id)
    .where("participant.manager_person_id", "=", cast.teamLead.id)
    .where("person.team_id", "=", cast.team.id)
    .orderBy("person.last_name")
    .orderBy("person.first_name")
    .executeTakeFirstOrThrow();
  member = { participantId: row.id, personId: row.person_id };
  stored = JSON.parse(row.content) as ReportContent;
  expect(stored.leadView).toBeTruthy();

  // The manager's answers, read as the release reads them.
  const { participants } = await loadReportInputs(test.db, cycle.id);
  const input = participants.find((p) => p.id === member.participantId)!.input;
  const managers = input.raters.filter((rater) => rater.relationship === "manager");
  expect(managers).toHaveLength(1);
  const textOf = new Map(
    input.questionnaire.competencies.flatMap((c) => c.indicators.map((i) => [i.id, i.text])),
  );
  managerRatings = new Map(
    Object.entries(managers[0]!.ratings).map(([id, score]) => [textOf.get(id)!, score]),
  );

  await test.db
    .updateTable("participant")
    .set({ shared_with_lead_at: "2029-11-01T09:00:00.000Z" })
    .where("id", "=", member.participantId)
    .execute();
  const open = async (personId: string) => {
    const cookie = await signedInCookie(test.db, personId);
    // With every optional series chosen: the most the page can show.
    const search =
      "?reeks=manager&reeks=colleague&reeks=customer&reeks=report&reeks=norm&reeks=previous";
    const outcome = await call(
      reportPage.loader,
      getRequest(`/rapporten/${member.participantId}${search}`, { cookie }),
      { params: { participantId: member.participantId } },
    );
    expect(statusOf(outcome), describeOutcome(outcome)).toBe(200);
    // What goes over the wire: plain data, as the browser decodes it (read without assuming
    // its shape: the checks below hold for any loader).
    return JSON.parse(JSON.stringify(valueOf(outcome))) as unknown;
  };
  payloads.participant = await open(member.personId);
  payloads.lead = await open(cast.teamLead.id);
});

/** Every key and every number in the payload, with where it sits. */
function leaves(value: unknown, path = ""): { path: string; key: string; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((item) => leaves(item, `${path}[]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => [
      { path: `${path}.${key}`, key, value: item },
      ...leaves(item, `${path}.${key}`),
    ]);
  }
  return [];
}

/**
 * The differencing attack of the issue, on any payload: for each indicator (found by its
 * text), every figure in the payload that belongs to it (an object with a count `n` and a
 * mean, `mean` or `others`); of two such figures whose counts differ by one, the difference
 * n × mean − n' × mean' is one rater's rating. Returns the ratings recovered per indicator.
 */
function differencingAttack(payload: unknown, texts: Iterable<string>): Map<string, number[]> {
  const wanted = new Set(texts);
  const figuresOf = new Map<string, { n: number; mean: number }[]>();
  const figuresIn = (value: unknown, out: { n: number; mean: number }[]) => {
    if (Array.isArray(value)) {
      for (const item of value) figuresIn(item, out);
      return;
    }
    if (value === null || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    const mean = typeof record.mean === "number" ? record.mean : record.others;
    if (typeof record.n === "number" && typeof mean === "number") out.push({ n: record.n, mean });
    for (const item of Object.values(record)) figuresIn(item, out);
  };
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value === null || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    if (typeof record.text === "string" && wanted.has(record.text)) {
      const list = figuresOf.get(record.text) ?? [];
      figuresIn(record, list);
      figuresOf.set(record.text, list);
      return;
    }
    for (const item of Object.values(record)) visit(item);
  };
  visit(payload);
  const recovered = new Map<string, number[]>();
  for (const [text, figures] of figuresOf) {
    for (const a of figures) {
      for (const b of figures) {
        if (a.n - b.n !== 1) continue;
        const rating = a.n * a.mean - b.n * b.mean;
        recovered.set(text, [...(recovered.get(text) ?? []), rating]);
      }
    }
  }
  return recovered;
}

describe("the report page's data, as participant and as manager", () => {
  it("holds no lead view, no number with more than one decimal, no spread as a number", () => {
    for (const [viewer, payload] of Object.entries(payloads)) {
      const all = leaves(payload);
      expect(all.length, viewer).toBeGreaterThan(100);
      expect(
        all.filter((leaf) => /leadView/i.test(leaf.key)).map((leaf) => leaf.path),
        viewer,
      ).toEqual([]);
      const numbers = all.filter((leaf) => typeof leaf.value === "number");
      expect(numbers.length, viewer).toBeGreaterThan(50);
      const finer = numbers.filter((leaf) => !/^-?\d+(\.\d)?$/.test(String(leaf.value)));
      expect(
        finer.map((leaf) => `${leaf.path} = ${String(leaf.value)}`),
        `${viewer}: numbers finer than the page shows`,
      ).toEqual([]);
      const spreads = all.filter(
        (leaf) => /spread|deviation|variance/i.test(leaf.key) && leaf.value !== null,
      );
      expect(
        spreads.map((leaf) => leaf.path),
        viewer,
      ).toEqual([]);
      // Nothing the page does not use: settings, counts of raters behind hidden figures,
      // withheld markers per figure, ids.
      for (const key of ["settings", "othersRated", "managerIdentifiable", "id", "releasedAt"]) {
        expect(
          all.filter((leaf) => leaf.key === key).map((leaf) => leaf.path),
          `${viewer}: ${key}`,
        ).toEqual([]);
      }
    }
  });

  it("the manager's ratings cannot be recovered by subtracting anything in the participant's data", () => {
    const rated = [...managerRatings].filter(([, score]) => score !== null);
    expect(rated.length).toBeGreaterThan(10);
    // The attack works on the stored report (what the page used to send): it finds the
    // manager's rating on many indicators (all of them, with the group figures and the
    // competency scores added to the arithmetic). That is what it looks for below.
    const onStored = differencingAttack(stored, managerRatings.keys());
    const hits = rated.filter(([text, score]) =>
      (onStored.get(text) ?? []).some((value) => Math.abs(value - score!) < 1e-6),
    );
    expect(hits.length).toBeGreaterThanOrEqual(Math.ceil(rated.length / 4));

    // On what the participant now receives: one figure per indicator, nothing to subtract.
    const onPayload = differencingAttack(payloads.participant, managerRatings.keys());
    expect([...onPayload.keys()]).toEqual([]);
  });

  it("gives the manager only the lead view: no participant figure, no norm, no trend", () => {
    const lead = payloads.lead as ReportLoaderData;
    if (lead.report.status !== "ready") throw new Error("not ready");
    const view = lead.report.view;
    expect(view.as).toBe("lead");
    expect(view.norm).toBeNull();
    expect(view.trend).toBeNull();
    expect(view.responseOverview.map((row) => row.group)).not.toContain("manager");
    // Every "all others" figure the manager sees is the lead view's, rounded: never the
    // participant's version that includes the manager.
    const leadView = stored.leadView!;
    view.competencies.forEach((competency, index) => {
      const source = leadView.competencies[index]!;
      expect(competency.key).toBe(source.key);
      expect(competency.figures.n).toBe(source.figures.others?.n ?? null);
      if (source.figures.others) {
        expect(Math.abs(competency.figures.others! - source.figures.others.mean)).toBeLessThan(
          0.05 + 1e-9,
        );
      }
    });
  });
});
