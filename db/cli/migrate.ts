import { createDatabase, DEFAULT_DATABASE_URL } from "../database";
import { migrateToLatest } from "../migrate";

const db = createDatabase(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
try {
  const applied = await migrateToLatest(db);
  console.log(
    applied.length
      ? `Migraties uitgevoerd: ${applied.join(", ")}`
      : "De database is al bijgewerkt; geen migraties uitgevoerd.",
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
