import { migrateToLatest } from "#db/migrate";
import { startPostgres } from "../postgres/server";
import { MIGRATED_TEMPLATE, onServer, openPostgresDatabase } from "../postgres/databases";

/**
 * The PostgreSQL project's server: started once per run, with the migrated template every
 * test database is cloned from; stopped (and its data removed) at the end.
 */
export default async function setup(): Promise<() => Promise<void>> {
  // Both postgres projects name this setup; the second finds the server the first started.
  if (process.env.RONDOM_TEST_POSTGRES_URL) return async () => {};
  const server = await startPostgres();
  process.env.RONDOM_TEST_POSTGRES_URL = server.baseUrl;
  await onServer((client) => client.query(`create database ${MIGRATED_TEMPLATE}`));
  const db = openPostgresDatabase(MIGRATED_TEMPLATE);
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  return () => server.stop();
}
