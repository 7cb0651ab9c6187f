import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { findInvitationByToken } from "~/rater/invitation.server";
import * as invitationPage from "~/routes/uitnodiging.$token._index";
import { hashToken } from "~/utils/tokens.server";
import { DEFAULT_DEMO_SEED } from "#db/seed/demo";
import { getDemoEntrances } from "#db/seed/demo-entrances";
import { call, getRequest } from "../../support/requests";
import { isThrownNotFound, statusOf } from "../../support/route-outcome";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { useTestDatabase } from "../../support/database";

// The demo's invitation links used to be derived from the invitation id with a key anyone
// could compute (the seed is public). Whoever saw an id (the HR pages show them) could open a
// rater's questionnaire and draft, also with the demo switched off (a link is found by its
// hash alone, whatever the demo mode).

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
beforeAll(async () => {
  cast = await loadCast(test.db);
});

/** The derivation an outsider can compute from an invitation id and the public seed. */
function publicDerivation(invitationId: string): string {
  return createHmac("sha256", `rondom-demo:${DEFAULT_DEMO_SEED}`)
    .update(invitationId)
    .digest("base64url");
}

async function openInvitationsOfDemo() {
  return test.db
    .selectFrom("invitation")
    .innerJoin("cycle", "cycle.id", "invitation.cycle_id")
    .select(["invitation.id", "invitation.token_hash"])
    .where("cycle.organisation_id", "=", cast.organisationId)
    .where("cycle.status", "=", "collecting")
    .where("invitation.status", "=", "open")
    .orderBy("invitation.id")
    .execute();
}

describe("demo invitation tokens", () => {
  it("cannot be derived from an invitation id: the public derivation opens no link", async () => {
    const open = await openInvitationsOfDemo();
    expect(open.length).toBeGreaterThan(10);
    for (const invitation of open) {
      const guessed = publicDerivation(invitation.id);
      expect(hashToken(guessed)).not.toBe(invitation.token_hash);
      expect(await findInvitationByToken(test.db, guessed)).toBeNull();
    }
    const guessed = publicDerivation(open[0]!.id);
    const outcome = await call(invitationPage.loader, getRequest(`/uitnodiging/${guessed}`), {
      params: { token: guessed },
    });
    expect(isThrownNotFound(outcome) || statusOf(outcome) === 404).toBe(true);
  });

  it("still offers working invitation links on the demo's home page", async () => {
    const entrances = await getDemoEntrances(test.db);
    expect(entrances?.invitations.length).toBeGreaterThanOrEqual(4);
    for (const entrance of entrances!.invitations) {
      const found = await findInvitationByToken(test.db, entrance.token);
      expect(found, entrance.raterName).not.toBeNull();
      expect(entrance.token).not.toBe(publicDerivation(found!.id));
    }
  });
});
