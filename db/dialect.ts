import {
  OperationNodeTransformer,
  PostgresAdapter,
  sql,
  type Expression,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RawBuilder,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
} from "kysely";

/**
 * Everything that differs between SQLite and PostgreSQL lives here, so that the rest of the
 * app has one code path. Queries stay in Kysely's common subset; where a construct has no
 * common spelling (reading a JSON field, Unicode-aware lower case), a helper below writes it
 * for the database at hand.
 */
export type DialectName = "sqlite" | "postgres";

/** Which database `db` (or a transaction of it) talks to. */
export function dialectOf<DB>(db: Kysely<DB>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

export function isPostgres<DB>(db: Kysely<DB>): boolean {
  return dialectOf(db) === "postgres";
}

/**
 * Name of the SQLite function that lower-cases the way PostgreSQL's `lower()` does (every
 * letter, not only A–Z). Registered on each SQLite connection in db/database.ts.
 */
export const SQLITE_UNICODE_LOWER = "rondom_lower";

/** Lower case of a text expression, for every alphabet and the same on both databases. */
export function lowerCase<DB>(
  db: Kysely<DB>,
  expression: Expression<string | null> | RawBuilder<unknown>,
): RawBuilder<string> {
  return isPostgres(db)
    ? sql<string>`lower(${expression})`
    : sql<string>`${sql.raw(SQLITE_UNICODE_LOWER)}(${expression})`;
}

/**
 * A top-level field of a JSON document kept as text: a string field as the string, any other
 * value as its JSON text; SQL null when the field is absent or JSON null.
 */
export function jsonTextField<DB>(
  db: Kysely<DB>,
  column: string,
  field: string,
): RawBuilder<string | null> {
  if (!/^[a-z_][a-z0-9_]*$/i.test(field)) throw new Error(`Unsafe JSON field name: ${field}`);
  return isPostgres(db)
    ? sql<string | null>`(${sql.ref(column)}::jsonb ->> ${field})`
    : sql<string | null>`json_extract(${sql.ref(column)}, ${`$.${field}`})`;
}

const NUL = "\u0000";
const REPLACEMENT_CHARACTER = "\uFFFD";

function withoutNulValue(value: unknown): unknown {
  return typeof value === "string" && value.includes(NUL)
    ? value.replaceAll(NUL, REPLACEMENT_CHARACTER)
    : value;
}

class NulReplacer extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    const value = withoutNulValue(node.value);
    return value === node.value ? node : Object.freeze({ ...node, value });
  }
  protected override transformPrimitiveValueList(
    node: PrimitiveValueListNode,
  ): PrimitiveValueListNode {
    if (!node.values.some((value) => withoutNulValue(value) !== value)) return node;
    return Object.freeze({ ...node, values: Object.freeze(node.values.map(withoutNulValue)) });
  }
}

/**
 * PostgreSQL cannot keep a NUL character in text ("invalid byte sequence for encoding UTF8:
 * 0x00"), SQLite can. A NUL that still reaches a query as a value (a forged id in an address
 * or a form, a search) is sent to PostgreSQL as U+FFFD instead, which no id and no checked name
 * holds: the lookup finds nothing, as it does on SQLite, instead of failing as a 500. Text that
 * Rondom stores has none by then (app/utils/nul-characters.ts); installed on every PostgreSQL
 * database (db/database.ts).
 */
export class PostgresNulPlugin implements KyselyPlugin {
  readonly #replacer = new NulReplacer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#replacer.transformNode(args.node);
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
