// Imports a plain-text competency profile into surveys/<id>.md.
//
//   npm run profile:import -- <bestand.txt> [--id <id>] [--name "<naam>"] [--out <map>] [--force]
//
// Exit codes: 0 written, 1 invalid input or target exists, 2 usage error or unreadable file.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { isDeepStrictEqual } from "node:util";
// Relative imports: tsx does not resolve the ~/ alias.
import {
  formatProfileIssues,
  parseProfileMarkdown,
  serializeProfileMarkdown,
} from "../app/profiles/markdown";
import { importPlainTextProfile, slugify } from "../app/profiles/plain-text-import";
import { countProfile, ProfileIdSchema } from "../app/profiles/schema";

const USAGE = `Gebruik: npm run profile:import -- <bestand.txt> [--id <id>] [--name "<naam>"] [--out <map>] [--force]

  --id     id van het profiel (standaard afgeleid van de bestandsnaam)
  --name   naam van het profiel (standaard afgeleid van de bestandsnaam)
  --out    map om in te schrijven (standaard surveys)
  --force  overschrijf een bestaand bestand`;

function usageError(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function readArguments() {
  try {
    const { values, positionals } = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        id: { type: "string" },
        name: { type: "string" },
        out: { type: "string" },
        force: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    const [input, ...rest] = positionals;
    if (!input) usageError("Geef het tekstbestand op dat geïmporteerd moet worden.");
    if (rest.length > 0) usageError(`Onverwachte argumenten: ${rest.join(" ")}`);
    return { input, ...values };
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
}

/** "competentieprofiel-toepassing-beleid.txt" → "toepassing-beleid". */
function baseNameWithoutPrefix(filePath: string): string {
  return path
    .basename(filePath, path.extname(filePath))
    .replace(/^competentieprofiel[-_ ]*/i, "")
    .trim();
}

/** "competentieprofiel-toepassing-beleid.txt" → "Competentieprofiel Toepassing beleid". */
function defaultName(filePath: string): string {
  const words = baseNameWithoutPrefix(filePath)
    .replace(/[-_\s]+/g, " ")
    .trim();
  return `Competentieprofiel ${words.charAt(0).toLocaleUpperCase("nl")}${words.slice(1)}`;
}

/** UTF-8 as expected; UTF-16 with a BOM and Windows-1252 (Word, Notepad) are understood too. */
function decode(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "UTF-16" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "UTF-16" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "Windows-1252" };
  }
}

// Node 20's TextDecoder("windows-1252") decodes as Latin-1, so 0x80–0x9F (’ “ ” • – …) are mapped here.
const WINDOWS_1252_HIGH = [..."€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ"];

function decodeWindows1252(bytes: Buffer): string {
  return Array.from(bytes, (byte) =>
    byte >= 0x80 && byte <= 0x9f
      ? (WINDOWS_1252_HIGH[byte - 0x80] ?? "")
      : String.fromCharCode(byte),
  ).join("");
}

function main() {
  const args = readArguments();
  let bytes: Buffer;
  try {
    bytes = readFileSync(args.input);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return usageError(`Kan ${args.input} niet lezen: ${reason}`);
  }

  const id = args.id ?? slugify(baseNameWithoutPrefix(args.input));
  if (!ProfileIdSchema.safeParse(id).success) {
    usageError(
      `Ongeldig id "${id}": gebruik kleine letters, cijfers en streepjes (geef het op met --id).`,
    );
  }
  const name = args.name ?? defaultName(args.input);
  const { text, encoding } = decode(bytes);
  const result = importPlainTextProfile(text, { id, name, fileName: args.input });
  if (!result.ok) {
    console.error(formatProfileIssues(result.errors));
    console.error(`\n${result.errors.length} probleem/problemen gevonden; er is niets geschreven.`);
    process.exit(1);
  }

  const markdown = serializeProfileMarkdown(result.profile);
  const reread = parseProfileMarkdown(markdown, `${id}.md`);
  if (!reread.ok || !isDeepStrictEqual(reread.profile, result.profile)) {
    console.error("Interne fout: het geschreven profiel leest niet terug als hetzelfde profiel.");
    if (!reread.ok) console.error(formatProfileIssues(reread.errors));
    process.exit(1);
  }

  const outDir = args.out ?? "surveys";
  const target = path.join(outDir, `${id}.md`);
  if (existsSync(target) && !args.force) {
    console.error(`${target} bestaat al; gebruik --force om het te overschrijven.`);
    process.exit(1);
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(target, markdown, "utf8");

  const counts = countProfile(result.profile);
  const lines = [
    `Geïmporteerd: ${result.profile.name} (${id})`,
    `  clusters:            ${counts.clusters}`,
    `  competenties:        ${counts.competencies}`,
    `  gedragsindicatoren:  ${counts.indicators}`,
    `  organisatiebreed:    ${counts.organisationWide.length > 0 ? `${counts.organisationWide.length} (${counts.organisationWide.join(", ")})` : "geen"}`,
  ];
  if (encoding !== "UTF-8") lines.push(`  tekenset:            ${encoding} (omgezet naar UTF-8)`);
  lines.push(`Geschreven naar ${target}`);
  console.log(lines.join("\n"));
}

main();
