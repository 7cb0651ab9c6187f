import { beforeAll, describe, expect, it } from "vitest";
import * as cyclePage from "~/routes/beheer.rondes.$cycleId._index";
import * as csvExport from "~/routes/beheer.rondes.$cycleId.voortgang[.csv]";
import { call, getRequest, postRequest, signedInCookie } from "../../support/requests";
import { describeOutcome, responseOf, statusOf, valueOf } from "../../support/route-outcome";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { useTestDatabase } from "../../support/database";
import {
  auditOf,
  cycleParams,
  draftCycle,
  draftCycleWithTeam,
  participantsOf,
  proposeNomination,
} from "../../support/draft-cycles";

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let hrCookie: string;
let cycleId: string;
const EXTERNAL = { name: "Karin Extern", email: "karin.extern@adviesbureau.example" };

type PageData = Awaited<ReturnType<typeof cyclePage.loader>>;

async function takeStep(intent: string, confirm?: string) {
  const fields: [string, string][] = [["intent", intent]];
  if (confirm) fields.push(["confirm", confirm]);
  const outcome = await call(
    cyclePage.action,
    postRequest(`/beheer/rondes/${cycleId}`, fields, { cookie: hrCookie }),
    cycleParams(cycleId),
  );
  expect(statusOf(outcome), describeOutcome(outcome)).toBe(302);
}

async function setStatus(participantId: string, relationship: string, status: string, n = 1) {
  const rows = await test.db
    .selectFrom("invitation")
    .select("id")
    .where("participant_id", "=", participantId)
    .where("relationship", "=", relationship as never)
    .where("status", "=", "open")
    .where("revoked_at", "is", null)
    .limit(n)
    .execute();
  expect(rows).toHaveLength(n);
  await test.db
    .updateTable("invitation")
    .set(
      status === "revoked"
        ? { revoked_at: new Date().toISOString(), status: "revoked" }
        : { status: status as "submitted" | "declined" },
    )
    .where(
      "id",
      "in",
      rows.map((row) => row.id),
    )
    .execute();
}

/** Names of raters who are not participants of the round: none may appear anywhere. */
async function outsideRaterNames(): Promise<string[]> {
  const participants = new Set(
    (await participantsOf(test.db, cycleId)).map((participant) => participant.person_id),
  );
  const raters = await test.db
    .selectFrom("invitation")
    .select(["rater_name", "rater_email", "rater_person_id"])
    .where("cycle_id", "=", cycleId)
    .execute();
  return raters
    .filter((rater) => rater.rater_person_id === null || !participants.has(rater.rater_person_id))
    .flatMap((rater) => [rater.rater_name, rater.rater_email]);
}

beforeAll(async () => {
  cast = await loadCast(test.db);
  hrCookie = await signedInCookie(test.db, cast.hr.id);
  cycleId = await draftCycleWithTeam(test.db, cast);
  await takeStep("start-nominating");
  const participants = await participantsOf(test.db, cycleId);
  const member = participants.find((participant) => participant.person_id === cast.member.id)!;
  for (const [index, name] of ["Ali", "Bo", "Cas", "Dirk"].entries()) {
    await proposeNomination(test.db, member.id, {
      name: `${name} Collega`,
      email: `${name.toLowerCase()}.${index}@elders.example`,
    });
  }
  await proposeNomination(test.db, member.id, { ...EXTERNAL, relationship: "customer" });
  await takeStep("start-collecting", "approve_open_nominations");
  // The member: self answered, 2 colleagues answered, 1 declined, 1 withdrawn.
  await setStatus(member.id, "self", "submitted");
  await setStatus(member.id, "colleague", "submitted", 2);
  await setStatus(member.id, "colleague", "declined");
  await setStatus(member.id, "colleague", "revoked");
});

describe("the cycle page while collecting", () => {
  it("shows counts per participant and group, the response rate, and who is at risk", async () => {
    const data = valueOf<PageData>(
      await call(
        cyclePage.loader,
        getRequest(`/beheer/rondes/${cycleId}`, { cookie: hrCookie }),
        cycleParams(cycleId),
      ),
    );
    expect(data.cycle.status).toBe("collecting");
    expect(data.dashboard.next?.transition).toBe("close");
    const member = data.dashboard.participants.find((p) => p.name.includes(cast.member.last_name))!;
    const colleague = member.groups.find((group) => group.relationship === "colleague");
    expect(colleague).toEqual({
      relationship: "colleague",
      shown: true,
      invited: 4,
      answered: 2,
      declined: 1,
      revoked: 1,
    });
    // The others' totals travel only for participants at risk (the page shows them only there).
    expect(Object.keys(member)).not.toContain("othersAnswered");
    expect(Object.keys(member)).not.toContain("othersPossible");
    // 2 colleagues answered; at most the manager and the customer can still add to them.
    expect(member.outlook).toBe("waiting");
    // The manager and the single customer are groups of one: no answers while collecting.
    for (const single of ["manager", "customer"]) {
      expect(member.groups.find((group) => group.relationship === single)).toEqual({
        relationship: single,
        shown: false,
        invited: 1,
        revoked: 0,
      });
    }
    // Everyone else has only self and manager invitations: they cannot reach k = 3.
    const others = data.dashboard.participants.filter((p) => p.id !== member.id);
    expect(data.dashboard.atRisk.map((p) => p.id).sort()).toEqual(others.map((p) => p.id).sort());
    // The response rate counts the groups shown only.
    const invited = data.dashboard.participants
      .flatMap((p) => p.groups)
      .filter((group) => group.shown)
      .reduce((sum, group) => sum + group.invited - group.revoked, 0);
    expect(data.dashboard.responses).toEqual({ answered: 3, invited });
    expect(data.groups).toEqual(["self", "manager", "colleague", "customer"]);
  });

  it("names no rater who is not a participant", async () => {
    const data = await call(
      cyclePage.loader,
      getRequest(`/beheer/rondes/${cycleId}`, { cookie: hrCookie }),
      cycleParams(cycleId),
    );
    const json = JSON.stringify(valueOf<PageData>(data));
    const names = await outsideRaterNames();
    expect(names).toContain(EXTERNAL.name);
    expect(names).toContain(`${cast.departmentHead.first_name} ${cast.departmentHead.last_name}`);
    for (const name of names) expect(json).not.toContain(name);
  });
});

describe("GET /beheer/rondes/$cycleId/voortgang.csv", () => {
  const download = (id: string) =>
    call(
      csvExport.loader,
      getRequest(`/beheer/rondes/${id}/voortgang.csv`, { cookie: hrCookie }),
      cycleParams(id),
    );

  it("is an attachment for Dutch Excel with the counts and the outlook per participant", async () => {
    const response = responseOf(await download(cycleId));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="voortgang-testronde-\d+-2030-03-04\.csv"$/,
    );
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const bytes = new Uint8Array(await response.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const text = await response.text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    const header = lines[0]!.split(";");
    expect(header.slice(0, 3)).toEqual(["Deelnemer", "Team", "zelfbeoordeling: uitgenodigd"]);
    expect(header).toContain("collega’s: ingetrokken");
    expect(header.at(-1)).toBe("Vooruitzicht");
    const participants = await participantsOf(test.db, cycleId);
    expect(lines).toHaveLength(1 + participants.length);
    const memberLine = lines.find((line) =>
      line.startsWith(`${cast.member.first_name} ${cast.member.last_name};`),
    )!;
    const cells = memberLine.split(";");
    const column = (name: string) => cells[header.indexOf(name)];
    expect(column("collega’s: uitgenodigd")).toBe("4");
    expect(column("collega’s: beantwoord")).toBe("2");
    expect(column("collega’s: afgezegd")).toBe("1");
    expect(column("collega’s: ingetrokken")).toBe("1");
    expect(column("zelfbeoordeling: beantwoord")).toBe("1");
    expect(column("Vooruitzicht")).toBe("Nog niet genoeg");
    for (const name of await outsideRaterNames()) expect(text).not.toContain(name);
  });

  it("is logged each time", async () => {
    await download(cycleId);
    const exports = (await auditOf(test.db, cycleId)).filter(
      (row) => row.action === "cycle_progress_exported",
    );
    expect(exports.length).toBeGreaterThanOrEqual(2);
    expect(exports.at(-1)).toMatchObject({ actor_person_id: cast.hr.id });
  });

  it("does not exist before collecting starts", async () => {
    const draft = await draftCycle(test.db, cast);
    expect(statusOf(await download(draft))).toBe(404);
  });
});
