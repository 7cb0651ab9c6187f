import { createHmac } from "node:crypto";
import { Migrator } from "kysely";
import { describe, expect, it } from "vitest";
import { invitationToken } from "~/rater/invitation-token.server";
import { generateToken, hashToken } from "~/utils/tokens.server";
import { migrationProvider } from "#db/migrations";
import { createEmptyDatabase } from "../../support/database";

const AT = "2030-01-01T00:00:00.000Z";

describe("migration 0007-mail-references", () => {
  it("turns unsent mails with links into references, and keeps no link of them", async () => {
    const db = await createEmptyDatabase();
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo("0006-one-voice")).error).toBeUndefined();

    await db
      .insertInto("organisation")
      .values({ id: "org", name: "Gemeente", created_at: AT })
      .execute();
    await db
      .insertInto("person")
      .values({
        id: "anna",
        organisation_id: "org",
        first_name: "Anna",
        last_name: "Test",
        email: "anna@example.test",
        created_at: AT,
        updated_at: AT,
      })
      .execute();
    await db
      .insertInto("cycle")
      .values({
        id: "cycle",
        organisation_id: "org",
        name: "Voorjaar",
        profile_key: "p",
        status: "collecting",
        created_at: AT,
        updated_at: AT,
      })
      .execute();
    await db
      .insertInto("participant")
      .values({ id: "participant", cycle_id: "cycle", person_id: "anna", created_at: AT })
      .execute();
    const token = generateToken();
    await db
      .insertInto("invitation")
      .values({
        id: "invitation",
        cycle_id: "cycle",
        participant_id: "participant",
        relationship: "self",
        rater_person_id: "anna",
        rater_name: "Anna Test",
        rater_email: "anna@example.test",
        token_hash: hashToken(token),
        created_at: AT,
      })
      .execute();
    const mail = (id: string, kind: string, text: string, status: "pending" | "sent") => ({
      id,
      organisation_id: "org",
      kind,
      to_address: "anna@example.test",
      locale: "nl" as const,
      subject: "Onderwerp",
      text_body: text,
      html_body: `<p>${text}</p>`,
      status,
      next_attempt_at: AT,
      created_at: AT,
    });
    await db
      .insertInto("email_outbox")
      .values([
        mail(
          "invitation",
          "invitation",
          `Open: https://rondom.test/uitnodiging/${token}`,
          "pending",
        ),
        mail(
          "stale",
          "reminder",
          `Open: https://rondom.test/uitnodiging/${generateToken()}`,
          "pending",
        ),
        mail(
          "sign-in",
          "sign-in",
          `Log in: https://rondom.test/inloggen/link/${generateToken()}`,
          "pending",
        ),
        mail("sent", "invitation", "[verzonden; inhoud gewist]", "sent"),
        mail(
          "nomination",
          "nomination-request",
          "Ga naar https://rondom.test/voordragen/participant",
          "pending",
        ),
      ])
      .execute();

    const after = await migrator.migrateTo("0007-mail-references");
    expect(after.error).toBeUndefined();

    const rows = await db
      .selectFrom("email_outbox")
      .select(["id", "text_body", "html_body", "reference"])
      .orderBy("id")
      .execute();
    // A link that opens nothing any more, and a sign-in whose link cannot be made again: gone.
    expect(rows.map((row) => row.id)).toEqual(["invitation", "nomination", "sent"]);
    const invitationMail = rows.find((row) => row.id === "invitation")!;
    expect(JSON.parse(invitationMail.reference!)).toEqual({ type: "rater-links" });
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain("/uitnodiging/");
    expect(await db.selectFrom("email_outbox_invitation").selectAll().execute()).toEqual([
      { outbox_id: "invitation", invitation_id: "invitation" },
    ]);
    expect(rows.find((row) => row.id === "nomination")!.reference).toBeNull();

    // And back: down() removes what up() added.
    expect((await migrator.migrateTo("0006-one-voice")).error).toBeUndefined();
    const tables = await db.introspection.getTables();
    expect(tables.some((table) => table.name === "email_outbox_invitation")).toBe(false);
    const outbox = tables.find((table) => table.name === "email_outbox")!;
    expect(outbox.columns.map((column) => column.name)).not.toContain("reference");
  });

  it("gives a demo's invitations links from the instance's key: the public derivation opens none", async () => {
    const db = await createEmptyDatabase();
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo("0006-one-voice")).error).toBeUndefined();
    await db
      .insertInto("organisation")
      .values({ id: "demo", name: "Demo", is_demo: 1, demo_seed: "rondom-demo", created_at: AT })
      .execute();
    await db
      .insertInto("person")
      .values({
        id: "bram",
        organisation_id: "demo",
        first_name: "Bram",
        last_name: "Test",
        email: "bram@example.test",
        created_at: AT,
        updated_at: AT,
      })
      .execute();
    await db
      .insertInto("cycle")
      .values({
        id: "demo-cycle",
        organisation_id: "demo",
        name: "Najaar",
        profile_key: "p",
        status: "collecting",
        created_at: AT,
        updated_at: AT,
      })
      .execute();
    await db
      .insertInto("participant")
      .values({ id: "demo-participant", cycle_id: "demo-cycle", person_id: "bram", created_at: AT })
      .execute();
    const publicToken = createHmac("sha256", "rondom-demo:rondom-demo")
      .update("demo-invitation")
      .digest("base64url");
    await db
      .insertInto("invitation")
      .values({
        id: "demo-invitation",
        cycle_id: "demo-cycle",
        participant_id: "demo-participant",
        relationship: "self",
        rater_person_id: "bram",
        rater_name: "Bram Test",
        rater_email: "bram@example.test",
        token_hash: hashToken(publicToken),
        created_at: AT,
      })
      .execute();

    expect((await migrator.migrateTo("0007-mail-references")).error).toBeUndefined();
    const { token_hash } = await db
      .selectFrom("invitation")
      .select("token_hash")
      .where("id", "=", "demo-invitation")
      .executeTakeFirstOrThrow();
    expect(token_hash).not.toBe(hashToken(publicToken));
    expect(token_hash).toBe(hashToken(await invitationToken(db, "demo-invitation")));
  });
});
