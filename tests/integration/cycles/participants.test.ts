import { beforeAll, describe, expect, it } from "vitest";
import { addPerson, addTeams, listParticipants, searchPeople } from "~/cycles/participants.server";
import { sortingLastName } from "~/people/dutch-order";
import * as participantsPage from "~/routes/beheer.rondes.$cycleId.deelnemers._index";
import { call, getRequest, postRequest, signedInCookie } from "../../support/requests";
import { describeOutcome, redirectLocation, statusOf, valueOf } from "../../support/route-outcome";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { useTestDatabase } from "../../support/database";
import {
  auditOf,
  cycleParams,
  draftCycle,
  participantsOf,
  updateCycle,
} from "../../support/draft-cycles";

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let hrCookie: string;
beforeAll(async () => {
  cast = await loadCast(test.db);
  hrCookie = await signedInCookie(test.db, cast.hr.id);
});

async function teamMembers(teamIds: string[], active?: boolean) {
  let query = test.db.selectFrom("person").select("id").where("team_id", "in", teamIds);
  if (active !== undefined) query = query.where("is_active", "=", active ? 1 : 0);
  return (await query.execute()).map((row) => row.id).sort();
}

const post = (cycleId: string, fields: [string, string][]) =>
  call(
    participantsPage.action,
    postRequest(`/beheer/rondes/${cycleId}/deelnemers`, fields, { cookie: hrCookie }),
    cycleParams(cycleId),
  );

describe("adding whole teams", () => {
  it("adds the active members of a team, each with their manager", async () => {
    const cycleId = await draftCycle(test.db, cast);
    const outcome = await post(cycleId, [
      ["intent", "add-teams"],
      [`teams.${cast.team.id}`, "on"],
    ]);
    const active = await teamMembers([cast.team.id], true);
    expect(redirectLocation(outcome), describeOutcome(outcome)).toBe(
      `/beheer/rondes/${cycleId}/deelnemers?melding=toegevoegd&aantal=${active.length}&al=0&inactief=${
        (await teamMembers([cast.team.id], false)).length
      }`,
    );
    const participants = await participantsOf(test.db, cycleId);
    expect(participants.map((p) => p.person_id).sort()).toEqual(active);
    const managerOf = (personId: string) =>
      participants.find((participant) => participant.person_id === personId)?.manager_person_id;
    // A member's manager is the team's lead; the lead's is the head of the department above.
    expect(managerOf(cast.member.id)).toBe(cast.teamLead.id);
    expect(managerOf(cast.teamLead.id)).toBe(cast.departmentHead.id);
    expect(participants.every((p) => p.nomination_status === "open")).toBe(true);
    const audit = await auditOf(test.db, cycleId);
    expect(audit.at(-1)).toMatchObject({ action: "cycle_participants_added" });
    expect(JSON.parse(audit.at(-1)!.details!)).toEqual({ added: active.length });
  });

  it("includes the teams under a department when asked, and skips who is already in", async () => {
    const cycleId = await draftCycle(test.db, cast);
    await addTeams(test.db, {
      organisationId: cast.organisationId,
      cycleId,
      actorPersonId: cast.hr.id,
      teamIds: [cast.team.id],
      includeSubTeams: false,
    });
    const outcome = await post(cycleId, [
      ["intent", "add-teams"],
      [`teams.${cast.department.id}`, "on"],
      ["includeSubTeams", "on"],
    ]);
    expect(statusOf(outcome), describeOutcome(outcome)).toBe(302);
    const allTeams = [cast.department.id, ...cast.subTeams.map((team) => team.id)];
    expect((await participantsOf(test.db, cycleId)).map((p) => p.person_id).sort()).toEqual(
      await teamMembers(allTeams, true),
    );
    const location = new URL(redirectLocation(outcome)!, "http://localhost");
    expect(Number(location.searchParams.get("al"))).toBe(
      (await teamMembers([cast.team.id], true)).length,
    );
    // The department head leads the top team: nobody above, so no manager.
    const head = (await participantsOf(test.db, cycleId)).find(
      (participant) => participant.person_id === cast.departmentHead.id,
    );
    expect(cast.departmentHead.team_id).toBe(cast.department.id);
    expect(head?.manager_person_id).toBeNull();

    // Listed in Dutch order: "de Bruijn" under B, not after "Willems".
    const listed = await listParticipants(test.db, cycleId);
    const lastNames = await test.db
      .selectFrom("person")
      .select(["id", "last_name"])
      .where(
        "id",
        "in",
        listed.map((participant) => participant.personId),
      )
      .execute();
    const lastNameOf = new Map(lastNames.map((row) => [row.id, sortingLastName(row.last_name)]));
    const keys = listed.map((participant) => lastNameOf.get(participant.personId)!);
    expect(lastNames.some((row) => /^[a-z]/.test(row.last_name))).toBe(true);
    for (let index = 1; index < keys.length; index++) {
      expect(
        keys[index - 1]!.localeCompare(keys[index]!, "nl"),
        keys.join(", "),
      ).toBeLessThanOrEqual(0);
    }
  });

  it("without sub-teams adds only the department's own members", async () => {
    const cycleId = await draftCycle(test.db, cast);
    await post(cycleId, [
      ["intent", "add-teams"],
      [`teams.${cast.department.id}`, "on"],
    ]);
    expect((await participantsOf(test.db, cycleId)).map((p) => p.person_id).sort()).toEqual(
      await teamMembers([cast.department.id], true),
    );
  });

  it("asks for a team when none is ticked, and ignores teams of other organisations", async () => {
    const cycleId = await draftCycle(test.db, cast);
    const none = await post(cycleId, [["intent", "add-teams"]]);
    expect(statusOf(none)).toBe(400);
    const foreign = await post(cycleId, [
      ["intent", "add-teams"],
      ["teams.not-a-team-here", "on"],
    ]);
    expect(statusOf(foreign)).toBe(400);
    expect(await participantsOf(test.db, cycleId)).toEqual([]);
  });
});

describe("adding and removing one person", () => {
  it("finds active people by name, address or number, and marks who already takes part", async () => {
    const cycleId = await draftCycle(test.db, cast);
    await addPerson(test.db, {
      organisationId: cast.organisationId,
      cycleId,
      actorPersonId: cast.hr.id,
      personId: cast.member.id,
    });
    const byName = await searchPeople(test.db, {
      organisationId: cast.organisationId,
      cycleId,
      query: `${cast.member.first_name.toUpperCase()} ${cast.member.last_name}`,
    });
    expect(byName.people.find((person) => person.id === cast.member.id)?.isParticipant).toBe(true);
    const byEmail = await searchPeople(test.db, {
      organisationId: cast.organisationId,
      cycleId,
      query: cast.teamLead.email,
    });
    expect(byEmail.people.map((person) => person.id)).toEqual([cast.teamLead.id]);
    expect(byEmail.people[0]!.isParticipant).toBe(false);
    const inactive = await searchPeople(test.db, {
      organisationId: cast.organisationId,
      cycleId,
      query: cast.inactive.email,
    });
    expect(inactive).toEqual({ people: [], more: false });
    // LIKE wildcards in the query match only themselves.
    expect(
      await searchPeople(test.db, { organisationId: cast.organisationId, cycleId, query: "%" }),
    ).toEqual({ people: [], more: false });
    // A broad query shows the first 25 and says there are more.
    const broad = await searchPeople(test.db, {
      organisationId: cast.organisationId,
      cycleId,
      query: "e",
    });
    expect(broad.people).toHaveLength(25);
    expect(broad.more).toBe(true);
  });

  it("shows the search results on the page (GET ?zoek=)", async () => {
    const cycleId = await draftCycle(test.db, cast);
    const data = valueOf<Awaited<ReturnType<typeof participantsPage.loader>>>(
      await call(
        participantsPage.loader,
        getRequest(
          `/beheer/rondes/${cycleId}/deelnemers?zoek=${encodeURIComponent(cast.member.email)}`,
          { cookie: hrCookie },
        ),
        cycleParams(cycleId),
      ),
    );
    expect(data.search?.people.map((person) => person.id)).toEqual([cast.member.id]);
    expect(data.teams.map((team) => team.id)).toContain(cast.team.id);
  });

  it("adds a person, skips an inactive one, and removes a participant with an audit entry", async () => {
    const cycleId = await draftCycle(test.db, cast);
    const added = await post(cycleId, [
      ["intent", "add-person"],
      ["personId", cast.member.id],
    ]);
    expect(redirectLocation(added)).toBe(
      `/beheer/rondes/${cycleId}/deelnemers?melding=toegevoegd&aantal=1&al=0&inactief=0`,
    );
    const inactive = await post(cycleId, [
      ["intent", "add-person"],
      ["personId", cast.inactive.id],
    ]);
    expect(redirectLocation(inactive)).toBe(
      `/beheer/rondes/${cycleId}/deelnemers?melding=toegevoegd&aantal=0&al=0&inactief=1`,
    );
    const [participant] = await participantsOf(test.db, cycleId);
    expect(participant?.person_id).toBe(cast.member.id);
    expect(participant?.manager_person_id).toBe(cast.teamLead.id);

    const removed = await post(cycleId, [
      ["intent", "remove"],
      ["participantId", participant!.id],
    ]);
    expect(redirectLocation(removed)).toBe(
      `/beheer/rondes/${cycleId}/deelnemers?melding=verwijderd`,
    );
    expect(await participantsOf(test.db, cycleId)).toEqual([]);
    expect((await auditOf(test.db, cast.member.id)).at(-1)).toMatchObject({
      action: "cycle_participant_removed",
      actor_person_id: cast.hr.id,
      subject_type: "person",
    });
    const again = await post(cycleId, [
      ["intent", "remove"],
      ["participantId", participant!.id],
    ]);
    expect(statusOf(again)).toBe(404);
  });

  it("asks new participants to nominate at once while nominating", async () => {
    const cycleId = await draftCycle(test.db, cast);
    await updateCycle(test.db, cycleId, { status: "nominating" });
    await post(cycleId, [
      ["intent", "add-person"],
      ["personId", cast.member.id],
    ]);
    const [participant] = await participantsOf(test.db, cycleId);
    const row = await test.db
      .selectFrom("participant")
      .select("nomination_requested_at")
      .where("id", "=", participant!.id)
      .executeTakeFirstOrThrow();
    expect(row.nomination_requested_at).not.toBeNull();
    const mails = await test.db
      .selectFrom("email_outbox")
      .select("kind")
      .where("to_address", "=", cast.member.email)
      .where("kind", "=", "nomination-request")
      .execute();
    expect(mails.length).toBeGreaterThanOrEqual(1);
  });

  it("refuses every change once collecting has started (409), changing nothing", async () => {
    const cycleId = await draftCycle(test.db, cast);
    await addPerson(test.db, {
      organisationId: cast.organisationId,
      cycleId,
      actorPersonId: cast.hr.id,
      personId: cast.member.id,
    });
    await updateCycle(test.db, cycleId, { status: "collecting" });
    const [participant] = await participantsOf(test.db, cycleId);
    for (const fields of [
      [
        ["intent", "add-teams"],
        [`teams.${cast.team.id}`, "on"],
      ],
      [
        ["intent", "add-person"],
        ["personId", cast.teamLead.id],
      ],
      [
        ["intent", "remove"],
        ["participantId", participant!.id],
      ],
    ] as [string, string][][]) {
      expect(statusOf(await post(cycleId, fields))).toBe(409);
    }
    expect((await participantsOf(test.db, cycleId)).map((p) => p.person_id)).toEqual([
      cast.member.id,
    ]);
    const page = valueOf<Awaited<ReturnType<typeof participantsPage.loader>>>(
      await call(
        participantsPage.loader,
        getRequest(`/beheer/rondes/${cycleId}/deelnemers?zoek=a`, { cookie: hrCookie }),
        cycleParams(cycleId),
      ),
    );
    expect(page.editable).toBe(false);
    expect(page.search).toBeNull();
  });
});

describe("the profile each participant is rated on", () => {
  const participantRow = (cycleId: string, personId: string) =>
    test.db
      .selectFrom("participant")
      .select(["id", "profile_key"])
      .where("cycle_id", "=", cycleId)
      .where("person_id", "=", personId)
      .executeTakeFirstOrThrow();

  it("is chosen per participant while the round is a draft, from the library only", async () => {
    const cycleId = await draftCycle(test.db, cast);
    await addPerson(test.db, {
      organisationId: cast.organisationId,
      cycleId,
      actorPersonId: cast.hr.id,
      personId: cast.member.id,
    });
    const participant = await participantRow(cycleId, cast.member.id);
    expect(participant.profile_key).toBeNull();

    const page = valueOf<{ profiles: { id: string }[] }>(
      await call(
        participantsPage.loader,
        getRequest(`/beheer/rondes/${cycleId}/deelnemers`, { cookie: hrCookie }),
        cycleParams(cycleId),
      ),
    );
    expect(page.profiles.map((profile) => profile.id)).toContain("projectleider");

    const changed = await post(cycleId, [
      ["intent", "set-profile"],
      ["participantId", participant.id],
      ["profileKey", "projectleider"],
    ]);
    expect(redirectLocation(changed), describeOutcome(changed)).toBe(
      `/beheer/rondes/${cycleId}/deelnemers?melding=profiel`,
    );
    expect((await participantRow(cycleId, cast.member.id)).profile_key).toBe("projectleider");
    expect((await auditOf(test.db, cycleId)).at(-1)).toMatchObject({
      action: "cycle_participant_profile_changed",
    });
    const listed = (await listParticipants(test.db, cycleId)).find(
      (item) => item.personId === cast.member.id,
    );
    expect(listed).toMatchObject({ profileKey: "projectleider" });

    // A profile the library does not have is refused, and changes nothing.
    const unknown = await post(cycleId, [
      ["intent", "set-profile"],
      ["participantId", participant.id],
      ["profileKey", "bestaat-niet"],
    ]);
    expect(statusOf(unknown)).toBe(400);
    expect((await participantRow(cycleId, cast.member.id)).profile_key).toBe("projectleider");

    // Back to the round's own profile: stored as none of their own.
    const cycle = await test.db
      .selectFrom("cycle")
      .select("profile_key")
      .where("id", "=", cycleId)
      .executeTakeFirstOrThrow();
    await post(cycleId, [
      ["intent", "set-profile"],
      ["participantId", participant.id],
      ["profileKey", cycle.profile_key],
    ]);
    expect((await participantRow(cycleId, cast.member.id)).profile_key).toBeNull();
  });

  it("is fixed once the round has started", async () => {
    const cycleId = await draftCycle(test.db, cast);
    await addPerson(test.db, {
      organisationId: cast.organisationId,
      cycleId,
      actorPersonId: cast.hr.id,
      personId: cast.member.id,
    });
    const participant = await participantRow(cycleId, cast.member.id);
    await updateCycle(test.db, cycleId, { status: "nominating" });
    const refused = await post(cycleId, [
      ["intent", "set-profile"],
      ["participantId", participant.id],
      ["profileKey", "projectleider"],
    ]);
    expect(statusOf(refused)).toBe(409);
    expect((await participantRow(cycleId, cast.member.id)).profile_key).toBeNull();
  });

  it("follows the person's function profile when they are added", async () => {
    const cycleId = await draftCycle(test.db, cast);
    await test.db
      .updateTable("person")
      .set({ profile_key: "medewerker-publiekszaken" })
      .where("id", "=", cast.teamLead.id)
      .execute();
    try {
      await addPerson(test.db, {
        organisationId: cast.organisationId,
        cycleId,
        actorPersonId: cast.hr.id,
        personId: cast.teamLead.id,
      });
      expect((await participantRow(cycleId, cast.teamLead.id)).profile_key).toBe(
        "medewerker-publiekszaken",
      );
    } finally {
      await test.db
        .updateTable("person")
        .set({ profile_key: null })
        .where("id", "=", cast.teamLead.id)
        .execute();
    }
  });
});
