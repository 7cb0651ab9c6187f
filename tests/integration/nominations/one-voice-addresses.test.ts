import { beforeAll, describe, expect, it } from "vitest";
import type { Person } from "#db/schema";
import { proposeNomination, submitNominations } from "~/nominations/nominations.server";
import { addNomination } from "~/nominations/review.server";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { useTestDatabase } from "../../support/database";
import {
  actorOf,
  managerOf,
  memberCycle,
  nominationRows,
  possibleColleagues,
} from "../../support/nominating-cycles";

// One voice per rater on the nominating side, for the addresses a person can be reached at
// besides the one the directory lists: a "+tag" alias (anna+2@… lands in anna@…'s mailbox)
// and the address they had before it changed, also once they have left.

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let colleagues: Person[];

beforeAll(async () => {
  cast = await loadCast(test.db);
  colleagues = await possibleColleagues(test.db, cast, cast.member, 3);
});

const NO_MINIMUM = { colleague_min: 0, customer_min: 0 };
const member = () => actorOf(cast.member);
const lead = () => actorOf(cast.teamLead);

/** The address with a "+tag" after its local part, in another case for good measure. */
function alias(email: string, tag: string): string {
  const [local, domain] = email.split("@");
  return `${local!.toUpperCase()}+${tag}@${domain}`;
}

describe("one voice per rater: nominations by another address of the same person", () => {
  it("refuses a +tag alias of someone nominated, of the participant and of their manager", async () => {
    const { participantId } = await memberCycle(test.db, cast, NO_MINIMUM);
    const colleague = colleagues[0]!;
    await proposeNomination(test.db, member(), participantId, {
      group: "colleague",
      personId: colleague.id,
    });
    const managerId = await managerOf(test.db, cast.member.id);
    const manager = await test.db
      .selectFrom("person")
      .select("email")
      .where("id", "=", managerId!)
      .executeTakeFirstOrThrow();
    const propose = (email: string) =>
      proposeNomination(test.db, member(), participantId, {
        group: "customer",
        name: "Iemand",
        email,
      });
    expect(await propose(alias(colleague.email, "2"))).toEqual({
      ok: false,
      reason: "already_nominated",
    });
    expect(await propose(alias(cast.member.email, "feedback"))).toEqual({
      ok: false,
      reason: "self",
    });
    expect(await propose(alias(manager.email, "x"))).toEqual({ ok: false, reason: "manager" });
    await submitNominations(test.db, member(), participantId);
    expect(
      await addNomination(test.db, lead(), participantId, {
        group: "customer",
        name: "Iemand",
        email: alias(colleague.email, "lead"),
      }),
    ).toEqual({ ok: false, reason: "already_nominated" });
    expect(await nominationRows(test.db, participantId)).toHaveLength(1);
  });

  it("links a +tag alias of someone in the directory to that person", async () => {
    const { participantId } = await memberCycle(test.db, cast, NO_MINIMUM);
    const colleague = colleagues[1]!;
    expect(
      await proposeNomination(test.db, member(), participantId, {
        group: "customer",
        name: "Via een alias",
        email: alias(colleague.email, "1"),
      }),
    ).toMatchObject({ ok: true });
    const [row] = await nominationRows(test.db, participantId);
    expect(row).toMatchObject({ rater_person_id: colleague.id });
    expect(
      await proposeNomination(test.db, member(), participantId, {
        group: "colleague",
        personId: colleague.id,
      }),
    ).toEqual({ ok: false, reason: "already_nominated" });
  });

  it("refuses the new address of someone nominated who has left since", async () => {
    const { participantId } = await memberCycle(test.db, cast, NO_MINIMUM);
    const colleague = colleagues[2]!;
    await proposeNomination(test.db, member(), participantId, {
      group: "colleague",
      personId: colleague.id,
    });
    const newAddress = `nieuw.${colleague.email}`;
    await test.db
      .updateTable("person")
      .set({ email: newAddress, is_active: 0 })
      .where("id", "=", colleague.id)
      .execute();
    for (const email of [newAddress, alias(newAddress, "x")]) {
      expect(
        await proposeNomination(test.db, member(), participantId, {
          group: "customer",
          name: "Weer dezelfde",
          email,
        }),
      ).toEqual({ ok: false, reason: "already_nominated" });
    }
    expect(await nominationRows(test.db, participantId)).toHaveLength(1);
  });
});
