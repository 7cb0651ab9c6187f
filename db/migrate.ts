import { Migrator } from "kysely";
import type { DB } from "./database";
import { migrationProvider } from "./migrations";

export async function migrateToLatest(db: DB): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((result) => result.status === "Error");
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : "";
    throw new Error(`Databasemigratie mislukt${name}: ${String(error)}`, { cause: error });
  }
  return results.map((result) => result.migrationName);
}
