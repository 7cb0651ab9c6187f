import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { createOrganisation } from "../../app/organisation/create-organisation.server";
import { createDatabase, DEFAULT_DATABASE_URL } from "../database";
import { migrateToLatest } from "../migrate";

const USAGE =
  'Gebruik: npm run org:create -- --name "Gemeente Voorbeeld" --hr-email hr@voorbeeld.nl ' +
  '--hr-first-name Hanna --hr-last-name "de Vries" [--locale nl|en]';

const options = readOptions();
const db = createDatabase(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
try {
  await migrateToLatest(db);
  const created = await createOrganisation(db, {
    name: options.name ?? "",
    hrFirstName: options["hr-first-name"] ?? "",
    hrLastName: options["hr-last-name"] ?? "",
    hrEmail: options["hr-email"] ?? "",
    locale: options.locale === "en" ? "en" : "nl",
  });
  console.log(
    `Organisatie “${options.name}” aangemaakt. ${options["hr-email"]} kan nu inloggen op /inloggen ` +
      `als HR-beheerder en de medewerkers importeren (Beheer › Mensen › Importeren).` +
      ` (organisatie ${created.organisationId})`,
  );
} catch (error) {
  if (error instanceof ZodError) {
    console.error(error.issues.map((issue) => `- ${issue.message}`).join("\n"));
    console.error(USAGE);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
} finally {
  await db.destroy();
}

function readOptions() {
  try {
    return parseArgs({
      options: {
        name: { type: "string" },
        "hr-email": { type: "string" },
        "hr-first-name": { type: "string" },
        "hr-last-name": { type: "string" },
        locale: { type: "string" },
      },
    }).values;
  } catch (error) {
    console.error(`Ongeldige optie (${error instanceof Error ? error.message : error}).\n${USAGE}`);
    process.exit(1);
  }
}
