import { describe, expect, it } from "vitest";
import { getCurrentUser } from "~/auth/guards.server";
import { createSession, sessionCookieName } from "~/auth/session.server";
import { createOrganisation, hasAnyOrganisation } from "~/organisation/create-organisation.server";
import { useTestDatabase } from "../../support/database";

const test = useTestDatabase();

describe("creating a real organisation (npm run org:create)", () => {
  it("starts from an empty database and makes the first HR admin, who can sign in", async () => {
    expect(await hasAnyOrganisation(test.db)).toBe(false);
    const created = await createOrganisation(test.db, {
      name: "  Gemeente Voorbeeld ",
      hrFirstName: "Hanna",
      hrLastName: "de Vries",
      hrEmail: " HR@Voorbeeld.NL ",
    });
    expect(await hasAnyOrganisation(test.db)).toBe(true);
    const organisation = await test.db
      .selectFrom("organisation")
      .selectAll()
      .where("id", "=", created.organisationId)
      .executeTakeFirstOrThrow();
    expect(organisation).toMatchObject({ name: "Gemeente Voorbeeld", is_demo: 0 });
    const person = await test.db
      .selectFrom("person")
      .selectAll()
      .where("id", "=", created.personId)
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({ email: "hr@voorbeeld.nl", is_hr_admin: 1, is_active: 1 });

    const setCookie = await createSession(test.db, created.personId);
    const cookie = setCookie.split(";")[0] ?? "";
    expect(cookie.startsWith(`${sessionCookieName()}=`)).toBe(true);
    const user = await getCurrentUser(
      new Request("http://localhost/", { headers: { Cookie: cookie } }),
    );
    expect(user?.roles).toContain("hr_admin");
    expect(user?.organisationName).toBe("Gemeente Voorbeeld");
  });

  it("refuses an address that already has an account, and invalid input, changing nothing", async () => {
    const before = await test.db.selectFrom("organisation").select("id").execute();
    await expect(
      createOrganisation(test.db, {
        name: "Tweede",
        hrFirstName: "A",
        hrLastName: "B",
        hrEmail: "hr@voorbeeld.nl",
      }),
    ).rejects.toThrow(/al een account/);
    await expect(
      createOrganisation(test.db, { name: "X", hrFirstName: "", hrLastName: "", hrEmail: "nee" }),
    ).rejects.toThrow();
    expect(await test.db.selectFrom("organisation").select("id").execute()).toEqual(before);
  });
});
