import { inTransaction } from "#db/transaction";
import { sql } from "kysely";
import { z } from "~/utils/zod";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import type { Locale } from "#db/schema";
import { getEnv } from "~/utils/env.server";
import { plainTextField } from "~/utils/plain-text";

/** The command line (npm run org:create) speaks Dutch, as its other messages do. */
const NOT_TEXT =
  "bevat onzichtbare tekens of stuurtekens (zoals een teken dat de leesrichting omdraait)";

export const NewOrganisationSchema = z.object({
  name: plainTextField(
    {
      required: "geef de naam van de organisatie (minstens 2 tekens)",
      tooLong: "de naam van de organisatie is te lang (hoogstens 120 tekens)",
      notText: `de naam van de organisatie ${NOT_TEXT}`,
    },
    { min: 2, max: 120 },
  ),
  hrFirstName: plainTextField(
    {
      required: "geef de voornaam van de HR-beheerder",
      tooLong: "de voornaam van de HR-beheerder is te lang (hoogstens 80 tekens)",
      notText: `de voornaam van de HR-beheerder ${NOT_TEXT}`,
    },
    { max: 80 },
  ),
  hrLastName: plainTextField(
    {
      required: "geef de achternaam van de HR-beheerder",
      tooLong: "de achternaam van de HR-beheerder is te lang (hoogstens 120 tekens)",
      notText: `de achternaam van de HR-beheerder ${NOT_TEXT}`,
    },
    { max: 120 },
  ),
  hrEmail: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("geef een geldig e-mailadres van de HR-beheerder")),
  locale: z.enum(["nl", "en"]).default("nl"),
});
export type NewOrganisation = z.input<typeof NewOrganisationSchema>;

/**
 * A real (non-demo) organisation with its first HR admin, who then signs in with their
 * address and imports everyone else. Refuses an address that already has an account.
 */
export async function createOrganisation(
  db: DB,
  input: NewOrganisation,
  now: Date = new Date(),
): Promise<{ organisationId: string; personId: string; locale: Locale }> {
  const organisation = NewOrganisationSchema.parse(input);
  return inTransaction(db, async (trx) => {
    // The demo lets anyone in as its HR admin, who could then claim a real organisation's
    // addresses (one address is one account) or watch its sign-in mail on the outbox page.
    // A real organisation never shares an instance with a demo that is switched on.
    if (getEnv().DEMO_MODE !== "off" && (await hasDemoOrganisation(trx))) {
      throw new Error(
        "Deze database bevat de demo-organisatie, waar iedereen als HR-beheerder binnenkomt. " +
          "Maak een echte organisatie in een eigen database (DATABASE_URL) met DEMO_MODE=off.",
      );
    }
    const taken = await trx
      .selectFrom("person")
      .select("id")
      // Any organisation, however the address was written there: one address, one account.
      .where(sql<string>`lower(email)`, "=", organisation.hrEmail)
      .executeTakeFirst();
    if (taken) throw new Error(`Het adres ${organisation.hrEmail} heeft al een account.`);
    const organisationId = newId();
    const personId = newId();
    const at = now.toISOString();
    await trx
      .insertInto("organisation")
      .values({
        id: organisationId,
        name: organisation.name,
        default_locale: organisation.locale,
        is_demo: 0,
        created_at: at,
      })
      .execute();
    await trx
      .insertInto("person")
      .values({
        id: personId,
        organisation_id: organisationId,
        first_name: organisation.hrFirstName,
        last_name: organisation.hrLastName,
        email: organisation.hrEmail,
        locale: organisation.locale,
        is_hr_admin: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return { organisationId, personId, locale: organisation.locale };
  });
}

export async function hasDemoOrganisation(db: DB): Promise<boolean> {
  const demo = await db
    .selectFrom("organisation")
    .select("id")
    .where("is_demo", "=", 1)
    .limit(1)
    .executeTakeFirst();
  return demo !== undefined;
}

/** Whether the instance holds an organisation other than the demo (a real one). */
export async function hasRealOrganisation(db: DB): Promise<boolean> {
  const real = await db
    .selectFrom("organisation")
    .select("id")
    .where("is_demo", "=", 0)
    .limit(1)
    .executeTakeFirst();
  return real !== undefined;
}

export async function hasAnyOrganisation(db: DB): Promise<boolean> {
  return (
    (await db.selectFrom("organisation").select("id").limit(1).executeTakeFirst()) !== undefined
  );
}
