import { beforeAll, describe, expect, it } from "vitest";
import {
  AUDIT_PAGE_SIZE,
  listAuditLog,
  recordAudit,
  type AuditAction,
  type AuditLogRow,
} from "~/audit/audit-log.server";
import { describeDetails } from "~/audit/describe-details";
import { translator } from "~/i18n/messages";
import * as auditPage from "~/routes/beheer.logboek";
import { call, getRequest, signedInCookie } from "../../support/requests";
import { createOtherOrganisation, loadCast, type DemoCast } from "../../support/demo-cast";
import { NOW } from "../../support/clock";
import { useTestDatabase } from "../../support/database";
import { valueOf } from "../../support/route-outcome";

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let cookie: string;
let outsiderOrganisationId: string;

// 55 entries of the demo organisation: 45 sign-ins and 10 sign-outs, the first 20 logged at
// the very same moment (so the cursor must also order by id); 7 of another organisation.
const OWN = 55;
const SIGN_OUTS = 10;

beforeAll(async () => {
  cast = await loadCast(test.db);
  expect(await test.db.selectFrom("audit_log").selectAll().execute()).toEqual([]);
  const outsider = await createOtherOrganisation(test.db);
  outsiderOrganisationId = outsider.organisationId;
  for (let index = 0; index < OWN; index++) {
    const action: AuditAction = index % 5 === 4 && index < 50 ? "sign_out" : "sign_in";
    const at = new Date(NOW.getTime() - Math.max(0, index - 19) * 60_000);
    await recordAudit(
      test.db,
      {
        organisationId: cast.organisationId,
        actorPersonId: index % 2 === 0 ? cast.member.id : cast.teamLead.id,
        action,
        details: action === "sign_in" ? { method: "code" } : undefined,
      },
      at,
    );
  }
  for (let index = 0; index < 7; index++) {
    await recordAudit(test.db, {
      organisationId: outsider.organisationId,
      actorPersonId: outsider.personId,
      action: "sign_out",
    });
  }
  cookie = await signedInCookie(test.db, cast.hr.id);
});

function isNewestFirst(rows: AuditLogRow[]): boolean {
  return rows.every((row, index) => {
    const next = rows[index + 1];
    if (!next) return true;
    return row.createdAt > next.createdAt || (row.createdAt === next.createdAt && row.id > next.id);
  });
}

describe("listAuditLog", () => {
  it("shows an organisation's entries newest first, 50 per page, with a cursor", async () => {
    const first = await listAuditLog(test.db, cast.organisationId);
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const second = await listAuditLog(test.db, cast.organisationId, {
      before: first.nextCursor!,
    });
    expect(second.rows).toHaveLength(OWN - AUDIT_PAGE_SIZE);
    expect(second.nextCursor).toBeNull();

    const all = [...first.rows, ...second.rows];
    expect(new Set(all.map((row) => row.id)).size).toBe(OWN);
    expect(isNewestFirst(all)).toBe(true);
    const ownIds = await test.db
      .selectFrom("audit_log")
      .select("id")
      .where("organisation_id", "=", cast.organisationId)
      .execute();
    expect(all.map((row) => row.id).sort()).toEqual(ownIds.map((row) => row.id).sort());
    expect(all.find((row) => row.action === "sign_in")?.details).toEqual({ method: "code" });
    expect(new Set(all.map((row) => row.actorName))).toEqual(
      new Set([
        `${cast.member.first_name} ${cast.member.last_name}`,
        `${cast.teamLead.first_name} ${cast.teamLead.last_name}`,
      ]),
    );
  });

  it("filters by action", async () => {
    const page = await listAuditLog(test.db, cast.organisationId, { action: "sign_out" });
    expect(page.rows).toHaveLength(SIGN_OUTS);
    expect(page.rows.every((row) => row.action === "sign_out")).toBe(true);
    expect(page.nextCursor).toBeNull();
  });

  it("keeps organisations apart", async () => {
    const page = await listAuditLog(test.db, outsiderOrganisationId);
    expect(page.rows).toHaveLength(7);
    const own = await listAuditLog(test.db, cast.organisationId, { action: "sign_out" });
    expect(own.rows.some((row) => page.rows.some((other) => other.id === row.id))).toBe(false);
  });
});

describe("GET /beheer/logboek (HR)", () => {
  type AuditPage = {
    rows: AuditLogRow[];
    nextCursor: string | null;
    action: string;
    isFirstPage: boolean;
  };
  const open = async (search: string) =>
    valueOf<AuditPage>(
      await call(auditPage.loader, getRequest(`/beheer/logboek${search}`, { cookie })),
    );

  it("pages through the organisation's log with ?voor=", async () => {
    const first = await open("");
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.isFirstPage).toBe(true);
    expect(first.nextCursor).not.toBeNull();
    const second = await open(`?${new URLSearchParams({ voor: first.nextCursor! })}`);
    expect(second.rows).toHaveLength(OWN - AUDIT_PAGE_SIZE);
    expect(second.isFirstPage).toBe(false);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.rows, ...second.rows].map((row) => row.id);
    expect(new Set(ids).size).toBe(OWN);
  });

  it("filters with ?handeling=, and ignores an unknown action", async () => {
    const signOuts = await open("?handeling=sign_out");
    expect(signOuts.action).toBe("sign_out");
    expect(signOuts.rows).toHaveLength(SIGN_OUTS);
    expect(signOuts.rows.every((row) => row.action === "sign_out")).toBe(true);

    const unknown = await open("?handeling=drop_table");
    expect(unknown.action).toBe("");
    expect(unknown.rows).toHaveLength(AUDIT_PAGE_SIZE);
  });
});

describe("team views in the log", () => {
  it("name the team viewed, and count the teams compared and the members' results seen", async () => {
    await recordAudit(test.db, {
      organisationId: cast.organisationId,
      actorPersonId: cast.teamLead.id,
      action: "team_profile_viewed",
      subjectType: "team",
      subjectId: cast.team.id,
      details: { cycleIds: ["c"], teamIds: [cast.team.id] },
    });
    const [viewed] = (
      await listAuditLog(test.db, cast.organisationId, { action: "team_profile_viewed" })
    ).rows;
    expect(viewed).toMatchObject({ subjectTeamName: cast.team.name, subjectName: null });

    await recordAudit(test.db, {
      organisationId: cast.organisationId,
      actorPersonId: cast.teamLead.id,
      action: "team_member_results_viewed",
      subjectType: "team",
      subjectId: cast.team.id,
      details: { cycleId: "c", participantIds: ["p1", "p2"] },
    });
    const [results] = (
      await listAuditLog(test.db, cast.organisationId, { action: "team_member_results_viewed" })
    ).rows;
    const described = describeDetails(results!, translator("nl"));
    expect(described).toBe(`team ${cast.team.name}, 2 teamleden`);
  });
});
