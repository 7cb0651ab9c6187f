import {
  AnswerSealError,
  existingSealKey,
  SEAL_KEY_ENV,
  SEAL_KEY_FILE_ENV,
  sealKeyFingerprint,
  sealKeyOriginOf,
  storedSealKeyFingerprint,
  type SealKeyOrigin,
} from "./answer-seal";
import type { DB } from "./database";

// Sealed answers (of rounds still collecting) and drafts are copied as they are: still sealed,
// with their cycle and invitation ids, which the seal binds. The copy can only be opened with
// the key they were sealed with, and the app on the new database refuses to start with any
// other: it checks its key against the fingerprint in instance_secret, which is copied too.
// So before copying, the key this process would use for the source (ANSWER_SEAL_KEY,
// ANSWER_SEAL_KEY_FILE, or else the file next to a SQLite database) must match that
// fingerprint, and the operator is told how to give the new database the same key.

type Env = Record<string, string | undefined>;

/** A refusal to copy, worded for the operator: Dutch first, then English. */
export class CopyRefusal extends Error {
  override name = "CopyRefusal";
}

export type SealKeyAdvice = {
  /** Where the source's key is; `none` when nothing was ever sealed and no key is configured. */
  origin: SealKeyOrigin;
  /** What the operator must do to start Rondom on the new database with the same key. */
  text: string;
};

function originName(origin: SealKeyOrigin): string {
  if (origin.kind === "variable") return SEAL_KEY_ENV;
  if (origin.kind === "file") return origin.file;
  return "geen sleutel ingesteld";
}

function adviceFor(origin: SealKeyOrigin, key: Buffer | undefined): string {
  if (!key) {
    return (
      "Er is nog niets verzegeld. Geef Rondom op de nieuwe database een vaste sleutel voor " +
      `verzegelde antwoorden: ${SEAL_KEY_ENV} (bijvoorbeeld van \`openssl rand -base64 32\`) ` +
      `of ${SEAL_KEY_FILE_ENV}.`
    );
  }
  if (origin.kind === "variable") {
    return `Start Rondom op de nieuwe database met dezelfde ${SEAL_KEY_ENV}.`;
  }
  if (origin.kind === "file" && origin.configured) {
    return `Start Rondom op de nieuwe database met dezelfde ${SEAL_KEY_FILE_ENV}=${origin.file}.`;
  }
  const file = originName(origin);
  return (
    `De sleutel van de verzegelde antwoorden staat naast de SQLite-database: ${file}. ` +
    `Start Rondom op de nieuwe database met ${SEAL_KEY_FILE_ENV}=${file} (of zet het bestand ` +
    `op een veilige plek buiten de datamap en laat ${SEAL_KEY_FILE_ENV} daarheen wijzen). ` +
    "Zonder die sleutel zijn de verzegelde antwoorden en concepten niet meer te openen."
  );
}

/**
 * Checks that the key this process finds for `source` is the one its sealed answers were
 * sealed with, and says how to give the new database the same key. Refuses when the key is
 * missing or another one. Reads the key, creates nothing (no key file, no fingerprint).
 */
export async function checkSealKeyForCopy(source: DB, env: Env): Promise<SealKeyAdvice> {
  const origin = await sealKeyOriginOf(source, env);
  const stored = await storedSealKeyFingerprint(source);
  let key: Buffer | undefined;
  try {
    key = existingSealKey(origin, env);
  } catch (error) {
    if (!(error instanceof AnswerSealError)) throw error;
    throw new CopyRefusal(
      `${error.message} / The answer seal key (${originName(origin)}) is not a valid key.`,
    );
  }
  if (stored && !key) {
    throw new CopyRefusal(
      "De brondatabase bewaart verzegelde antwoorden of concepten, maar hun sleutel is niet " +
        `gevonden (${originName(origin)}). Zet ${SEAL_KEY_ENV} of ${SEAL_KEY_FILE_ENV} op de ` +
        "sleutel waarmee Rondom op de brondatabase draait. / The source database's answer " +
        `seal key was not found; set ${SEAL_KEY_ENV} or ${SEAL_KEY_FILE_ENV} to the key ` +
        "Rondom runs with on the source.",
    );
  }
  if (stored && key && sealKeyFingerprint(key) !== stored) {
    throw new CopyRefusal(
      `De sleutel voor verzegelde antwoorden (${originName(origin)}) hoort niet bij de ` +
        "brondatabase: wat ermee verzegeld is, zou in de kopie niet te openen zijn. Zet " +
        `${SEAL_KEY_ENV} of ${SEAL_KEY_FILE_ENV} op de sleutel waarmee Rondom op de ` +
        "brondatabase draait (of laat beide leeg voor het sleutelbestand naast de " +
        `SQLite-database). / The answer seal key (${originName(origin)}) does not belong to ` +
        "the source database; set the key Rondom runs with on the source.",
    );
  }
  return { origin: key ? origin : { kind: "none" }, text: adviceFor(origin, key) };
}
