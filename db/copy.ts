import { DEFAULT_MIGRATION_TABLE, sql, type Kysely } from "kysely";
import { checkSealKeyForCopy, CopyRefusal, type SealKeyAdvice } from "./copy-seal-key";
import type { DB } from "./database";
import { migrateToLatest } from "./migrate";
import { migrationProvider } from "./migrations";
import type { Database } from "./schema";
import { TABLES_IN_DELETE_ORDER } from "./seed/reset";
import { inTransaction } from "./transaction";

// `npm run db:copy`: one Rondom database into another, empty one (SQLite to PostgreSQL, or
// back), every row of every table exactly as it is: ids, sealed answers, instance secrets.
// The whole copy is one transaction on the target, so a failure leaves it as it was, and one
// transaction on the source, so it reads one consistent moment (on SQLite that also holds
// off the app's writes until the copy is done).

export { CopyRefusal } from "./copy-seal-key";

type Env = Record<string, string | undefined>;
type TableName = keyof Database;
type Row = Record<string, unknown>;
/** The tables by name only: the copy treats every table alike. */
type AnyDatabase = Record<string, Row>;

/** Parents before children: the reverse of the order in which deleting never breaks a key. */
export const COPY_ORDER: readonly TableName[] = [...TABLES_IN_DELETE_ORDER].reverse();

/**
 * The primary key of every table (a table missing here is a type error; the test checks them
 * against the migrated database). Rows are read and inserted in this order, never in the
 * source's scan order or by a time column.
 *
 * That matters for the tables of answers (response, rating, comment, sealed_answer): their
 * keys are random, and on SQLite they are stored WITHOUT ROWID, so that their physical order
 * is that random order and never the order in which answers arrived (migrations 0001 and
 * 0009). PostgreSQL lays rows out roughly in the order they were inserted (ctid) and stamps
 * each with its transaction and statement (xmin, cmin): inserted by key, batch after batch,
 * in one transaction, none of these says anything about when an answer came in.
 */
export const PRIMARY_KEYS = {
  organisation: ["id"],
  team: ["id"],
  person: ["id"],
  profile: ["id"],
  profile_snapshot: ["id"],
  profile_scale_point: ["snapshot_id", "value"],
  profile_cluster: ["id"],
  profile_competency: ["id"],
  profile_indicator: ["id"],
  cycle: ["id"],
  participant: ["id"],
  competency_score: ["participant_id", "competency_key"],
  participant_team: ["participant_id", "team_id"],
  nomination: ["id"],
  invitation: ["id"],
  draft: ["invitation_id"],
  sealed_answer: ["id"],
  response: ["id"],
  rating: ["response_id", "indicator_id"],
  comment: ["id"],
  report: ["id"],
  session: ["id"],
  sign_in_token: ["id"],
  address_change: ["id"],
  rate_limit: ["key", "window_start"],
  instance_secret: ["name"],
  email_outbox: ["id"],
  email_outbox_invitation: ["outbox_id", "invitation_id"],
  audit_log: ["id"],
  staged_import: ["id"],
  staged_profile_import: ["id"],
} as const satisfies { [T in TableName]: readonly (keyof Database[T] & string)[] };

/**
 * Columns that point into their own table (a team's parent team). A parent may come after its
 * child in key order, so these are inserted empty and filled in once every row is there.
 */
export const SELF_REFERENCES: { [T in TableName]?: keyof Database[T] & string } = {
  team: "parent_team_id",
};

/** Rows per read and insert at most; fewer when rows are large (reports, sealed answers). */
const MAX_BATCH_ROWS = 1000;
const FIRST_BATCH_ROWS = 100;
/** About this much row data in memory per batch. */
const BATCH_BYTES = 8 * 1024 * 1024;
/** Bound parameters per statement, under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;

export type TableCount = { table: TableName; rows: number };

export type CopyOptions = {
  /** Where the answer seal key is looked up (ANSWER_SEAL_KEY, ANSWER_SEAL_KEY_FILE). */
  env?: Env;
  /** Rows per batch at most (tests use a small one to cross batch borders). */
  batchRows?: number;
  /** Called when a table is copied (inside the transaction: it may still be rolled back). */
  onTableCopied?: (copied: TableCount) => void;
};

export type CopyReport = {
  /** Rows copied, per table in the order copied. */
  tables: TableCount[];
  /** Rows the target held without any organisation or person (a started app's secrets). */
  cleared: TableCount[];
  /** Tables of the source that are no table of Rondom, left out. */
  skipped: string[];
  sealKey: SealKeyAdvice;
  milliseconds: number;
};

/** A copy that failed after it began: nothing of it is left in the target. */
export class CopyFailure extends Error {
  override name = "CopyFailure";
  constructor(
    readonly table: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `Kopiëren mislukt bij tabel ${table}: ${reason}. De doeldatabase is teruggezet; er is ` +
        `niets gekopieerd. / Copy failed at table ${table}; nothing was copied.`,
      { cause },
    );
  }
}

function loose(db: Kysely<Database>): Kysely<AnyDatabase> {
  return db as unknown as Kysely<AnyDatabase>;
}

async function tableNames(db: DB, internal = false): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: internal });
  return tables.filter((table) => !table.isView).map((table) => table.name);
}

/** Refuses a source that is not at this version's latest migration (nor past it). */
async function assertSourceAtLatest(source: DB): Promise<void> {
  const known = Object.keys(await migrationProvider.getMigrations());
  const migrated = (await tableNames(source, true)).includes(DEFAULT_MIGRATION_TABLE);
  const executed = migrated
    ? (
        await sql<{
          name: string;
        }>`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)}`.execute(source)
      ).rows.map((row) => row.name)
    : [];
  if (executed.length === 0) {
    throw new CopyRefusal(
      "De brondatabase is geen database van Rondom (er is nooit een migratie op uitgevoerd). " +
        "Controleer --from. / The source is not a Rondom database (no migrations); check --from.",
    );
  }
  const newer = executed.filter((name) => !known.includes(name));
  if (newer.length > 0) {
    throw new CopyRefusal(
      `De brondatabase is bijgewerkt door een nieuwere versie van Rondom (${newer.join(", ")}); ` +
        "kopieer met die versie. / The source was migrated by a newer version of Rondom; " +
        "copy with that version.",
    );
  }
  const pending = known.filter((name) => !executed.includes(name));
  if (pending.length > 0) {
    throw new CopyRefusal(
      "De brondatabase is niet bijgewerkt naar deze versie van Rondom (ontbrekende migraties: " +
        `${pending.join(", ")}). Start Rondom er één keer op, of voer \`npm run db:migrate\` ` +
        "uit met DATABASE_URL naar de bron, en kopieer daarna opnieuw. / The source database " +
        "is not migrated to the latest version: start the app on it once or run " +
        "`npm run db:migrate`, then copy again.",
    );
  }
}

/** Refuses a target that holds an organisation or a person: the copy never mixes two. */
async function assertTargetHoldsNoData(target: Kysely<Database>, tables?: string[]) {
  for (const table of ["organisation", "person"] as const) {
    if (tables && !tables.includes(table)) continue;
    const row = await target.selectFrom(table).select("id").limit(1).executeTakeFirst();
    if (row) {
      throw new CopyRefusal(
        "De doeldatabase bevat al gegevens (organisaties of personen). db:copy kopieert " +
          "alleen naar een lege database: maak een nieuwe, lege database aan en kopieer " +
          "daarheen; er is niets gewijzigd. / The target database already holds data " +
          "(organisations or people); copy into a new, empty database. Nothing was changed.",
      );
    }
  }
}

/**
 * Empties every table of a target without organisations or people: what an app started on it
 * made (its own instance secrets, rate limits), which the source's rows replace.
 */
async function clearLeftovers(target: Kysely<Database>): Promise<TableCount[]> {
  const cleared: TableCount[] = [];
  for (const table of TABLES_IN_DELETE_ORDER) {
    const { numDeletedRows } = await target.deleteFrom(table).executeTakeFirst();
    if (numDeletedRows > 0n) cleared.push({ table, rows: Number(numDeletedRows) });
  }
  return cleared;
}

/** Rows after `last` in key order: a row-value comparison, the same on both databases. */
function afterKey(keys: readonly string[], last: Row) {
  return sql<boolean>`(${sql.join(keys.map((key) => sql.ref(key)))}) > (${sql.join(
    keys.map((key) => last[key]),
  )})`;
}

function approximateBytes(rows: Row[]): number {
  let bytes = 0;
  for (const row of rows) {
    for (const value of Object.values(row)) {
      bytes += typeof value === "string" ? value.length * 2 : 8;
    }
  }
  return bytes;
}

/**
 * Reads `table` of the source batch by batch in key order (all columns, or `columns` of the
 * rows where `present` is not null); memory stays bounded.
 */
async function* batchesOf(
  source: Kysely<AnyDatabase>,
  table: TableName,
  maxRows: number,
  only?: { columns: string[]; present: string },
): AsyncGenerator<Row[]> {
  const keys = PRIMARY_KEYS[table];
  let last: Row | undefined;
  let limit = Math.min(FIRST_BATCH_ROWS, maxRows);
  for (;;) {
    let query = only
      ? source.selectFrom(table).select(only.columns).where(only.present, "is not", null)
      : source.selectFrom(table).selectAll();
    if (last) query = query.where(afterKey(keys, last));
    for (const key of keys) query = query.orderBy(key);
    const rows: Row[] = await query.limit(limit).execute();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < limit) return;
    last = rows.at(-1);
    const perRow = approximateBytes(rows) / rows.length;
    limit = Math.max(1, Math.min(maxRows, Math.floor(BATCH_BYTES / Math.max(1, perRow))));
  }
}

/** Fills a self-referencing column in after all rows of its table are in. */
async function restoreSelfReferences(
  source: Kysely<AnyDatabase>,
  target: Kysely<AnyDatabase>,
  table: TableName,
  column: string,
  maxRows: number,
): Promise<void> {
  const [key, ...more] = PRIMARY_KEYS[table];
  if (!key || more.length > 0) throw new Error(`${table}: one key column expected`);
  const only = { columns: [key, column], present: column };
  for await (const rows of batchesOf(source, table, Math.min(maxRows, 500), only)) {
    const cases = rows.map((row) => sql`when ${row[key]} then ${row[column]}`);
    await target
      .updateTable(table)
      .set(column, sql`case ${sql.ref(key)} ${sql.join(cases, sql` `)} end`)
      .where(
        key,
        "in",
        rows.map((row) => row[key]),
      )
      .execute();
  }
}

async function copyTable(
  source: Kysely<AnyDatabase>,
  target: Kysely<AnyDatabase>,
  table: TableName,
  batchRows: number,
): Promise<number> {
  const columns = (await source.selectFrom(table).selectAll().limit(1).execute())[0];
  if (!columns) return 0;
  const maxRows = Math.max(
    1,
    Math.min(batchRows, Math.floor(MAX_PARAMETERS / Object.keys(columns).length)),
  );
  const selfReference = SELF_REFERENCES[table];
  let copied = 0;
  for await (const rows of batchesOf(source, table, maxRows)) {
    const values = selfReference ? rows.map((row) => ({ ...row, [selfReference]: null })) : rows;
    await target.insertInto(table).values(values).execute();
    copied += rows.length;
  }
  if (selfReference) await restoreSelfReferences(source, target, table, selfReference, maxRows);
  return copied;
}

/**
 * Copies every row of `source` into `target`, which this migrates first and which must hold
 * no organisation or person. Refuses (CopyRefusal) before it changes any row when the source
 * is not at the latest migration, the target holds data, or the answer seal key found for the
 * source does not fit it; fails (CopyFailure) with the target rolled back.
 */
export async function copyDatabase(
  source: DB,
  target: DB,
  options: CopyOptions = {},
): Promise<CopyReport> {
  const started = performance.now();
  await assertSourceAtLatest(source);
  const sealKey = await checkSealKeyForCopy(source, options.env ?? process.env);
  await assertTargetHoldsNoData(target, await tableNames(target));
  await migrateToLatest(target);

  const known = new Set<string>(COPY_ORDER);
  const missing = (await tableNames(target)).filter((table) => !known.has(table));
  if (missing.length > 0) {
    // A migration made a table db/schema.ts does not declare; tests/integration/db catches it.
    throw new Error(`db:copy kent deze tabellen niet: ${missing.join(", ")}`);
  }
  const skipped = (await tableNames(source)).filter((table) => !known.has(table));

  const batchRows = Math.max(1, options.batchRows ?? MAX_BATCH_ROWS);
  let current = "";
  try {
    const { tables, cleared } = await inTransaction(source, (reading) =>
      inTransaction(target, async (writing) => {
        current = "";
        await assertTargetHoldsNoData(writing);
        const cleared = await clearLeftovers(writing);
        const tables: TableCount[] = [];
        for (const table of COPY_ORDER) {
          current = table;
          const rows = await copyTable(loose(reading), loose(writing), table, batchRows);
          tables.push({ table, rows });
          options.onTableCopied?.({ table, rows });
        }
        return { tables, cleared };
      }),
    );
    return { tables, cleared, skipped, sealKey, milliseconds: performance.now() - started };
  } catch (error) {
    if (error instanceof CopyRefusal || !current) throw error;
    throw new CopyFailure(current, error);
  }
}
