import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "#db/ids";
import type { Person } from "#db/schema";
import { proposeNomination, submitNominations } from "~/nominations/nominations.server";
import { refusingRacedDuplicates } from "~/nominations/nomination-store.server";
import { addNomination, removeNomination } from "~/nominations/review.server";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { useTestDatabase } from "../../support/database";
import {
  actorOf,
  auditFor,
  memberCycle,
  nominationRows,
  possibleColleagues,
} from "../../support/nominating-cycles";
import { UNIQUE_VIOLATION } from "../../support/constraint-errors";

// One voice per rater on the nominating side: nobody is nominated twice for a participant,
// not by another address case, not by the lead after the participant, not by two racing
// posts (the database's one-voice index).

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let colleagues: Person[];

beforeAll(async () => {
  cast = await loadCast(test.db);
  colleagues = await possibleColleagues(test.db, cast, cast.member, 3);
});

/** Any number of raters may be submitted: these tests are about who, not how many. */
const NO_MINIMUM = { colleague_min: 0, customer_min: 0 };
const member = () => actorOf(cast.member);
const lead = () => actorOf(cast.teamLead);

describe("one voice per rater: nominations", () => {
  it("refuses the same person or address twice, in any case and from either side", async () => {
    const { participantId } = await memberCycle(test.db, cast, NO_MINIMUM);
    const colleague = colleagues[0]!;
    await proposeNomination(test.db, member(), participantId, {
      group: "colleague",
      personId: colleague.id,
    });
    await proposeNomination(test.db, member(), participantId, {
      group: "customer",
      name: "Karin Klant",
      email: "karin@extern.example",
    });
    const refusals = [
      await proposeNomination(test.db, member(), participantId, {
        group: "customer",
        name: "Dezelfde collega",
        email: ` ${colleague.email.toUpperCase()} `,
      }),
      await proposeNomination(test.db, member(), participantId, {
        group: "customer",
        name: "Karin",
        email: "KARIN@Extern.Example",
      }),
    ];
    await submitNominations(test.db, member(), participantId);
    refusals.push(
      await addNomination(test.db, lead(), participantId, {
        group: "customer",
        name: "Karin K.",
        email: "Karin@extern.example ",
      }),
    );
    for (const refusal of refusals) {
      expect(refusal).toEqual({ ok: false, reason: "already_nominated" });
    }
    expect(await nominationRows(test.db, participantId)).toHaveLength(2);
  });

  it("brings a removed rater back as the same nomination, never as a second one", async () => {
    const { participantId } = await memberCycle(test.db, cast, NO_MINIMUM);
    const colleague = colleagues[1]!;
    await proposeNomination(test.db, member(), participantId, {
      group: "colleague",
      personId: colleague.id,
    });
    await submitNominations(test.db, member(), participantId);
    const [row] = await nominationRows(test.db, participantId);
    await removeNomination(test.db, lead(), participantId, row!.id);
    expect(
      await addNomination(test.db, lead(), participantId, {
        group: "customer",
        name: "Terug",
        email: colleague.email.toUpperCase(),
      }),
    ).toMatchObject({ ok: true });
    const rows = await nominationRows(test.db, participantId);
    expect(rows.map((nomination) => [nomination.id, nomination.status])).toEqual([
      [row!.id, "approved"],
    ]);
    // The lead's addition is in the audit log with the rater's name.
    const added = (await auditFor(test.db, participantId)).filter(
      (entry) => entry.action === "nomination_added",
    );
    expect(added.at(-1)?.details).toMatchObject({ raterName: "Terug" });
  });

  it("is held by the database: a second row for the same person or address fails, also next to a removed one", async () => {
    const { participantId } = await memberCycle(test.db, cast, NO_MINIMUM);
    const colleague = colleagues[2]!;
    const insert = (raterPersonId: string | null, raterEmail: string, status = "proposed") =>
      test.db
        .insertInto("nomination")
        .values({
          id: newId(),
          participant_id: participantId,
          relationship: "customer",
          rater_person_id: raterPersonId,
          rater_name: "Iemand",
          rater_email: raterEmail,
          status: status as "proposed" | "removed",
          created_at: new Date().toISOString(),
        })
        .execute();
    await insert(colleague.id, colleague.email, "removed");
    await insert(null, "buiten@extern.example");
    await expect(insert(colleague.id, "ander@adres.example")).rejects.toThrow(UNIQUE_VIOLATION);
    await expect(insert(null, " Buiten@EXTERN.example")).rejects.toThrow(UNIQUE_VIOLATION);

    // Two posts that both passed the check: the second ends as the check's refusal.
    expect(await refusingRacedDuplicates(() => insert(null, "BUITEN@extern.example"))).toEqual({
      ok: false,
      reason: "already_nominated",
    });
    await expect(
      refusingRacedDuplicates(() => Promise.reject(new Error("something else"))),
    ).rejects.toThrow("something else");
  });
});
