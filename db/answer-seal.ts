import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql, type Kysely } from "kysely";
import { restrictToOwner } from "./database";
import { isPostgres } from "./dialect";
import type { Database } from "./schema";

// Answers and drafts are sealed (AES-256-GCM) with a key that is never in the database, so a
// copy of the database files (main file, -wal, -shm: a backup, a replica, a stolen disk image)
// holds no answer that can be read or tied to the invitation whose status changed in the same
// commit. The key comes from ANSWER_SEAL_KEY, or the file ANSWER_SEAL_KEY_FILE names, or else a
// key file created on first use next to the database file (`<name>.answer-seal.key`, mode
// 0600). Keep that file out of database backups, or set ANSWER_SEAL_KEY: whoever has both the
// database files and the key can open what is still sealed (answers of rounds that are still
// collecting, and drafts).

export const SEAL_KEY_ENV = "ANSWER_SEAL_KEY";
export const SEAL_KEY_FILE_ENV = "ANSWER_SEAL_KEY_FILE";

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = "s1";

/**
 * Every sealed plaintext is padded to a multiple of this many bytes. The size of a sealed
 * value is visible (in the row and in the log) and the published answer is later readable, so
 * unpadded sizes would pair them: a 2,000-character comment makes a bigger seal. 16 KiB holds
 * the ratings and some 14,000 characters of comments: every realistic answer seals to the same
 * size; only much longer ones fall in a bigger class.
 */
export const SEAL_PADDING_BYTES = 16 * 1024;

/** What a sealed value is; with its context (a cycle or invitation id) bound into the seal. */
export type SealPurpose = "answer" | "draft";

type Env = Record<string, string | undefined>;

export class AnswerSealError extends Error {
  override name = "AnswerSealError";
}

function additionalData(purpose: SealPurpose, context: string): Buffer {
  return Buffer.from(`rondom/${FORMAT}/${purpose}/${context}`, "utf8");
}

/**
 * Seals text: only a holder of the key can read it, and only as what it was sealed for (the
 * purpose and context are authenticated, so a sealed draft cannot be passed off as another
 * invitation's, nor an answer as another round's).
 */
export function sealText(key: Buffer, purpose: SealPurpose, context: string, text: string): string {
  const body = Buffer.from(text, "utf8");
  const size = Math.ceil((4 + body.length) / SEAL_PADDING_BYTES) * SEAL_PADDING_BYTES;
  const padded = Buffer.alloc(size);
  padded.writeUInt32BE(body.length, 0);
  body.copy(padded, 4);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(additionalData(purpose, context));
  const encrypted = Buffer.concat([cipher.update(padded), cipher.final(), cipher.getAuthTag()]);
  return `${FORMAT}.${iv.toString("base64url")}.${encrypted.toString("base64url")}`;
}

export function isSealed(value: string): boolean {
  return value.startsWith(`${FORMAT}.`);
}

/** Opens a sealed value; throws AnswerSealError on a wrong key, purpose, context or a change. */
export function unsealText(
  key: Buffer,
  purpose: SealPurpose,
  context: string,
  sealed: string,
): string {
  const [format, ivText, encryptedText] = sealed.split(".");
  const iv = Buffer.from(ivText ?? "", "base64url");
  const encrypted = Buffer.from(encryptedText ?? "", "base64url");
  if (format !== FORMAT || iv.length !== IV_BYTES || encrypted.length < TAG_BYTES + 4) {
    throw new AnswerSealError("Dit is geen verzegeld antwoord van Rondom.");
  }
  let padded: Buffer;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(additionalData(purpose, context));
    decipher.setAuthTag(encrypted.subarray(encrypted.length - TAG_BYTES));
    padded = Buffer.concat([
      decipher.update(encrypted.subarray(0, encrypted.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new AnswerSealError(
      `Een verzegeld antwoord kan niet worden geopend: de sleutel (${SEAL_KEY_ENV} of het ` +
        "sleutelbestand) hoort niet bij deze database, of het antwoord is gewijzigd.",
    );
  }
  const length = padded.readUInt32BE(0);
  if (length > padded.length - 4) throw new AnswerSealError("Verzegeld antwoord beschadigd.");
  return padded.subarray(4, 4 + length).toString("utf8");
}

// ---------------------------------------------------------------------------------------------
// The key

/** Where the key of a database file lives when no key is configured: next to it, not in it. */
export function sealKeyFileFor(databaseFile: string): string {
  const name = path.basename(databaseFile).replace(/\.(sqlite3?|db)$/i, "");
  return path.join(path.dirname(databaseFile), `${name}.answer-seal.key`);
}

function parseKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, "hex")
    : Buffer.from(trimmed, trimmed.includes("-") || trimmed.includes("_") ? "base64url" : "base64");
  if (key.length !== KEY_BYTES) {
    throw new AnswerSealError(
      `${source} bevat geen geldige sleutel: 32 bytes, als 64 hexadecimale tekens of base64 ` +
        "(bijvoorbeeld van `openssl rand -base64 32`).",
    );
  }
  return key;
}

/** Creates the key file unless it exists, so that racing processes all end up with one key. */
function createKeyFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  fs.writeFileSync(temporary, `${randomBytes(KEY_BYTES).toString("base64")}\n`, {
    mode: 0o600,
    flag: "wx",
  });
  try {
    // A hard link appears complete or not at all, and fails if another process was first.
    fs.linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

let warnedAbout: string | undefined;
/**
 * The zero-configuration key file sits next to the database, so a backup of the whole data
 * folder holds both, and with them the sealed answers of a running round. Said once at start.
 */
function warnDefaultKeyFile(file: string): void {
  if (warnedAbout === file) return;
  warnedAbout = file;
  console.warn(
    `Let op: ${SEAL_KEY_ENV} en ${SEAL_KEY_FILE_ENV} zijn niet gezet; de sleutel van de ` +
      `verzegelde antwoorden staat naast de database (${file}). Houd hem buiten back-ups van ` +
      `de database, of zet ${SEAL_KEY_FILE_ENV} naar een plek buiten de datamap.`,
  );
}

// The key of an in-memory database lives as long as the process, like the database itself.
let memoryKey: Buffer | undefined;
const fileKeys = new Map<string, Buffer>();

/**
 * Where the key of a database comes from: ANSWER_SEAL_KEY; else a file, the one
 * ANSWER_SEAL_KEY_FILE names (`configured`) or the one next to the database file; else none
 * (an in-memory database; PostgreSQL without configuration).
 */
export type SealKeyOrigin =
  { kind: "variable" } | { kind: "file"; file: string; configured: boolean } | { kind: "none" };

/** Where the key of a database file ("" for none) comes from under `env`; creates nothing. */
export function sealKeyOrigin(databaseFile: string, env: Env = process.env): SealKeyOrigin {
  if (env[SEAL_KEY_ENV]) return { kind: "variable" };
  const configuredFile = env[SEAL_KEY_FILE_ENV];
  if (configuredFile) return { kind: "file", file: path.resolve(configuredFile), configured: true };
  if (databaseFile) {
    return { kind: "file", file: path.resolve(sealKeyFileFor(databaseFile)), configured: false };
  }
  return { kind: "none" };
}

/** The sealing key of a database file ("" for an in-memory database). */
export function sealKeyForDatabaseFile(databaseFile: string, env: Env = process.env): Buffer {
  const origin = sealKeyOrigin(databaseFile, env);
  if (origin.kind === "variable") return parseKey(env[SEAL_KEY_ENV] ?? "", SEAL_KEY_ENV);
  if (origin.kind === "none") return (memoryKey ??= randomBytes(KEY_BYTES));
  const resolved = origin.file;
  const cached = fileKeys.get(resolved);
  if (cached) return cached;
  if (!origin.configured && env.NODE_ENV === "production") warnDefaultKeyFile(resolved);
  if (!fs.existsSync(resolved)) {
    if (origin.configured) {
      throw new AnswerSealError(`${SEAL_KEY_FILE_ENV} wijst naar ${resolved}, dat niet bestaat.`);
    }
    createKeyFile(resolved);
  }
  // The key file next to the database is owner-only, also one an older version made looser.
  // (A file ANSWER_SEAL_KEY_FILE names is the operator's: a mounted secret may be read-only.)
  if (!origin.configured) restrictToOwner(resolved);
  const key = parseKey(fs.readFileSync(resolved, "utf8"), resolved);
  fileKeys.set(resolved, key);
  return key;
}

/**
 * The key `origin` holds now, without creating one: undefined when there is none (a key file
 * not made yet, or no origin). For tools that look at a database without running it (db:copy).
 */
export function existingSealKey(origin: SealKeyOrigin, env: Env = process.env): Buffer | undefined {
  if (origin.kind === "variable") return parseKey(env[SEAL_KEY_ENV] ?? "", SEAL_KEY_ENV);
  if (origin.kind === "none" || !fs.existsSync(origin.file)) return undefined;
  return parseKey(fs.readFileSync(origin.file, "utf8"), origin.file);
}

/** The main file of the database behind `db` (or a transaction of it); "" when in memory. */
async function databaseFileOf(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
  return rows.find((row) => row.name === "main")?.file ?? "";
}

/** Where the key of `db` comes from under `env` (on PostgreSQL only from configuration). */
export async function sealKeyOriginOf(
  db: Kysely<Database>,
  env: Env = process.env,
): Promise<SealKeyOrigin> {
  return sealKeyOrigin(isPostgres(db) ? "" : await databaseFileOf(db), env);
}

/**
 * The key of a PostgreSQL database: only a configured one. There is no file next to the
 * database to keep it in, and every app instance on the database needs the same key.
 */
function sealKeyForPostgres(env: Env): Buffer {
  if (!env[SEAL_KEY_ENV] && !env[SEAL_KEY_FILE_ENV]) {
    throw new AnswerSealError(
      `Op PostgreSQL heeft Rondom een vaste sleutel voor verzegelde antwoorden nodig, dezelfde ` +
        `voor elke app-instantie: zet ${SEAL_KEY_ENV} (32 bytes in base64, bijvoorbeeld van ` +
        `\`openssl rand -base64 32\`) of ${SEAL_KEY_FILE_ENV}. / On PostgreSQL, set ` +
        `${SEAL_KEY_ENV} or ${SEAL_KEY_FILE_ENV}.`,
    );
  }
  return sealKeyForDatabaseFile("", env);
}

async function postgresDatabaseName(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
  return `postgres:${rows[0]?.name ?? ""}`;
}

const KEY_CHECK_NAME = "answer_seal_key_check";
const checkedKeys = new Set<string>();

/** What the database keeps of its key: a one-way HMAC, useless without the key. */
export function sealKeyFingerprint(key: Buffer): string {
  return createHmac("sha256", key).update("rondom answer seal key").digest("base64url");
}

/** The fingerprint `db` keeps of its key; undefined before its first answerSealKey. */
export async function storedSealKeyFingerprint(db: Kysely<Database>): Promise<string | undefined> {
  const stored = await db
    .selectFrom("instance_secret")
    .select("value")
    .where("name", "=", KEY_CHECK_NAME)
    .executeTakeFirst();
  return stored?.value;
}

/**
 * The key to seal and open answers of this database with. The first time per process, it is
 * checked against the fingerprint the database keeps (a one-way HMAC, useless without the
 * key): a lost or swapped key file is refused loudly, instead of sealing new answers with a
 * new key while the sealed ones can no longer be opened.
 */
export async function answerSealKey(db: Kysely<Database>, env: Env = process.env): Promise<Buffer> {
  const postgres = isPostgres(db);
  const file = postgres ? "" : await databaseFileOf(db);
  const key = postgres ? sealKeyForPostgres(env) : sealKeyForDatabaseFile(file, env);
  const fingerprint = sealKeyFingerprint(key);
  const checked = `${postgres ? await postgresDatabaseName(db) : file}\u0000${fingerprint}`;
  if (checkedKeys.has(checked)) return key;
  await db
    .insertInto("instance_secret")
    .values({ name: KEY_CHECK_NAME, value: fingerprint, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  if ((await storedSealKeyFingerprint(db)) !== fingerprint) {
    const source = env[SEAL_KEY_ENV]
      ? SEAL_KEY_ENV
      : env[SEAL_KEY_FILE_ENV] || (file ? sealKeyFileFor(file) : "de sleutel in het geheugen");
    throw new AnswerSealError(
      `De sleutel voor verzegelde antwoorden (${source}) hoort niet bij deze database` +
        `${file ? ` (${file})` : ""}: de antwoorden en concepten die ermee verzegeld zijn, ` +
        "zijn zonder de oorspronkelijke sleutel niet te openen. Zet het oorspronkelijke " +
        `sleutelbestand terug of stel ${SEAL_KEY_ENV} in op de oorspronkelijke sleutel.`,
    );
  }
  checkedKeys.add(checked);
  return key;
}
