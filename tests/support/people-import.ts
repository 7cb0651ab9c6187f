import type { DB } from "#db/database";
import type { Person } from "#db/schema";
import { previewImport, stageImport, type ImportPreview } from "~/people/import.server";

// The people import as HR uses it (upload, preview), and the people and teams it leaves.

/** The HR admin as the import and the people pages see them. */
export function actorOf(person: Person) {
  return { id: person.id, organisationId: person.organisation_id };
}

/** Stages the text as an upload and returns its preview (as the preview page loads it). */
export async function stageAndPreview(
  db: DB,
  hr: Person,
  content: string,
  fileName: string | null = "mensen.csv",
): Promise<{ importId: string; preview: ImportPreview }> {
  const importId = await stageImport(db, actorOf(hr), { fileName, content });
  const preview = await previewImport(db, actorOf(hr), importId);
  if (!preview) throw new Error("The staged import has no preview");
  return { importId, preview };
}

export async function peopleWithNumbers(db: DB, organisationId: string, numbers: string[]) {
  return db
    .selectFrom("person")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("employee_number", "in", numbers)
    .orderBy("employee_number")
    .execute();
}

export async function teamNamed(db: DB, organisationId: string, name: string) {
  return db
    .selectFrom("team")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("name", "=", name)
    .executeTakeFirst();
}

/** Everything about people and teams of an organisation, to compare before and after. */
export async function snapshotOf(db: DB, organisationId: string) {
  const people = await db
    .selectFrom("person")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .orderBy("id")
    .execute();
  const teams = await db
    .selectFrom("team")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .orderBy("id")
    .execute();
  return { people, teams };
}

export function csvFile(content: string | Uint8Array, name = "mensen.csv"): File {
  const part = typeof content === "string" ? content : new Uint8Array(content);
  return new File([part], name, { type: "text/csv" });
}
