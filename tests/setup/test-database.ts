import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabase, type DB } from "#db/database";
import { migrateToLatest } from "#db/migrate";

/** A fresh, migrated SQLite file of its own (not a mock), removed by `cleanup`. */
export async function createTestDatabase(): Promise<{
  db: DB;
  file: string;
  cleanup: () => Promise<void>;
}> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rondom-test-"));
  const file = path.join(dir, "test.sqlite");
  const db = createDatabase(`file:${file}`);
  await migrateToLatest(db);
  return {
    db,
    file,
    cleanup: async () => {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
