import { z } from "zod";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import type { Locale } from "#db/schema";

export const NewOrganisationSchema = z.object({
  name: z.string().trim().min(2, "geef de naam van de organisatie").max(120),
  hrFirstName: z.string().trim().min(1, "geef de voornaam van de HR-beheerder").max(80),
  hrLastName: z.string().trim().min(1, "geef de achternaam van de HR-beheerder").max(120),
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
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom("person")
      .select("id")
      .where("email", "=", organisation.hrEmail)
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

export async function hasAnyOrganisation(db: DB): Promise<boolean> {
  return (
    (await db.selectFrom("organisation").select("id").limit(1).executeTakeFirst()) !== undefined
  );
}
