import fs from "node:fs";
import { parseArgs } from "node:util";
import { copyDatabase, type CopyReport } from "../copy";
import { createDatabase, isPostgresUrl, sqlitePathFromUrl } from "../database";

// `npm run db:copy -- --from file:./data/rondom.sqlite --to postgres://user:pw@host/db`
// Copies a Rondom installation into a new, empty database (see docs/operations.md).

const USAGE =
  "Gebruik: npm run db:copy -- --from <DATABASE_URL van de bron> --to <DATABASE_URL van het " +
  "doel>\n  bijvoorbeeld: npm run db:copy -- --from file:./data/rondom.sqlite --to " +
  "postgres://gebruiker:wachtwoord@host/rondom";

const numbers = new Intl.NumberFormat("nl-NL");

/** A database's address without its password, for the output. */
function describe(url: string): string {
  if (!isPostgresUrl(url)) return sqlitePathFromUrl(url);
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

function readFlags(): { from: string; to: string } {
  let values: { from?: string; to?: string };
  try {
    ({ values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`Ongeldige optie (${reason}).\n${USAGE}`);
    process.exit(1);
  }
  if (!values.from || !values.to) {
    console.error(`Geef zowel --from als --to. / Give both --from and --to.\n${USAGE}`);
    process.exit(1);
  }
  return { from: values.from, to: values.to };
}

/** Refusals before any database is opened (opening a SQLite path would create the file). */
function refusalBeforeOpening(from: string, to: string): string | undefined {
  const sameFile =
    !isPostgresUrl(from) && !isPostgresUrl(to) && sqlitePathFromUrl(from) === sqlitePathFromUrl(to);
  if (from === to || sameFile) {
    return "Bron en doel zijn dezelfde database. / Source and target are the same database.";
  }
  if (!isPostgresUrl(from)) {
    const file = sqlitePathFromUrl(from);
    if (file === ":memory:" || !fs.existsSync(file)) {
      return (
        `De brondatabase ${file} bestaat niet; controleer --from. / The source database ` +
        `${file} does not exist; check --from.`
      );
    }
  }
  return undefined;
}

function printSummary(report: CopyReport): void {
  const width = Math.max(...report.tables.map(({ table }) => table.length));
  const total = report.tables.reduce((sum, { rows }) => sum + rows, 0);
  if (process.stdout.isTTY) process.stdout.write("\r\x1b[K");
  console.log("Gekopieerd (rijen per tabel):");
  for (const { table, rows } of report.tables) {
    console.log(`  ${table.padEnd(width)}  ${numbers.format(rows).padStart(10)}`);
  }
  const seconds = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 }).format(
    report.milliseconds / 1000,
  );
  console.log(
    `  ${"totaal".padEnd(width)}  ${numbers.format(total).padStart(10)}  in ${seconds} s`,
  );
  if (report.cleared.length > 0) {
    const cleared = report.cleared.map(({ table, rows }) => `${table} (${rows})`).join(", ");
    console.log(`\nDe doeldatabase had geen organisaties of personen; vervangen zijn: ${cleared}.`);
  }
  if (report.skipped.length > 0) {
    console.log(
      `\nLet op: deze tabellen van de bron horen niet bij Rondom en zijn niet gekopieerd: ` +
        `${report.skipped.join(", ")}.`,
    );
  }
  console.log(`\nVerzegelde antwoorden: ${report.sealKey.text}`);
  console.log(
    "Zet DATABASE_URL op de nieuwe database voordat u Rondom weer start; de bron is niet " +
      "gewijzigd.",
  );
}

const { from, to } = readFlags();
const refusal = refusalBeforeOpening(from, to);
if (refusal) {
  console.error(refusal);
  process.exit(1);
}

console.log(`Kopiëren van ${describe(from)} naar ${describe(to)} …`);
const source = createDatabase(from, { poolSize: 1 });
const target = createDatabase(to, { poolSize: 1 });
try {
  const report = await copyDatabase(source, target, {
    // Progress on a terminal only, on one line: the summary below lists every table.
    onTableCopied: ({ table, rows }) => {
      if (process.stdout.isTTY) process.stdout.write(`\r\x1b[K  ${table}: ${numbers.format(rows)}`);
    },
  });
  printSummary(report);
} catch (error) {
  // A refusal or a failure says what happened and what is left; its stack helps no operator.
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await source.destroy();
  await target.destroy();
}
