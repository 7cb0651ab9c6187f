// Reading CSV exports of personnel systems and of Excel, whatever their dialect: UTF-8 with or
// without a BOM, Windows-1252 ("CSV" from a Dutch Excel), UTF-16 ("Unicode text"), an Excel
// `sep=;` first line, `;`, `,` or tab as separator, quoted fields with separators, doubled
// quotes and line breaks inside, and CRLF, LF or lone CR line ends. Pure: no I/O.

/** The separators recognised from the header line when the file does not name its own. */
export const DETECTED_DELIMITERS = [";", ",", "\t"] as const;

export interface CsvRecord {
  /** The physical line (1-based, counting every line of the file) where the record starts. */
  line: number;
  /** The fields, trimmed of surrounding whitespace. */
  fields: string[];
}

/** A data row, or a row whose number of fields differs from the header's. */
export type CsvRow =
  | ({ kind: "record" } & CsvRecord)
  | { kind: "wrong_field_count"; line: number; expected: number; found: number };

export type CsvProblem = { code: "empty_file" } | { code: "unterminated_quote"; line: number };

export type CsvParseResult =
  | { ok: true; delimiter: string; header: CsvRecord; rows: CsvRow[] }
  | { ok: false; problem: CsvProblem };

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/**
 * Turns the bytes of an uploaded file into text. UTF-8 is tried strictly first; bytes that are
 * not valid UTF-8 are what Excel writes as "CSV" on Windows, so they are read as Windows-1252
 * (é, ë, €, typographic quotes). A UTF-16 byte order mark means Excel's "Unicode text".
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

/**
 * Windows-1252 as the WHATWG encoding standard defines it. Written out because Node 20's
 * TextDecoder("windows-1252") decodes 0x80–0x9F as control characters (ISO-8859-1), which
 * would turn "€" and Word's curly quotes into invisible characters.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) {
    const isHigh = byte >= 0x80 && byte <= 0x9f;
    text += String.fromCharCode(isHigh ? (WINDOWS_1252_HIGH[byte - 0x80] as number) : byte);
  }
  return text;
}

/**
 * Files that are certainly not CSV: an Excel workbook (.xlsx is a zip archive, .xls an OLE
 * compound file) or other binary data (NUL bytes outside UTF-16 text).
 */
export function binaryFormatOf(bytes: Uint8Array): "workbook" | "binary" | null {
  const startsWith = (signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (startsWith([0x50, 0x4b, 0x03, 0x04]) || startsWith([0xd0, 0xcf, 0x11, 0xe0])) {
    return "workbook";
  }
  const isUtf16 = startsWith([0xff, 0xfe]) || startsWith([0xfe, 0xff]);
  return !isUtf16 && bytes.includes(0) ? "binary" : null;
}

const BYTE_ORDER_MARK = "\uFEFF";
const QUOTE = '"';
const NEWLINE = "\n";

/** Excel's first line naming the separator: `sep=;` (also quoted, as some tools write it). */
const SEPARATOR_LINE = /^[ \t]*"?sep=([^\n"])"?[ \t]*(?:\n|$)/i;

class UnterminatedQuoteError extends Error {
  constructor(readonly line: number) {
    super(`Unterminated quote in the record starting on line ${line}`);
  }
}

/**
 * Parses CSV text into a header and data rows with their line numbers. Blank lines and rows
 * of only empty fields are skipped; extra empty fields at the end of a row are tolerated
 * (spreadsheets pad rows), any other difference from the header's field count is reported.
 */
export function parseCsv(input: string): CsvParseResult {
  const withoutBom = input.startsWith(BYTE_ORDER_MARK) ? input.slice(1) : input;
  // Every line end counts as one line; a quoted line break becomes "\n".
  const text = withoutBom.replace(/\r\n?/g, NEWLINE);

  let start = 0;
  let firstLine = 1;
  let delimiter: string | null = null;
  const separatorLine = SEPARATOR_LINE.exec(text);
  if (separatorLine) {
    delimiter = separatorLine[1] as string;
    start = separatorLine[0].length;
    firstLine = 2;
  }

  let records: CsvRecord[];
  try {
    delimiter ??= detectDelimiter(firstContentLine(text, start));
    records = readRecords(text, start, firstLine, delimiter).filter((record) => !isBlank(record));
  } catch (error) {
    if (error instanceof UnterminatedQuoteError) {
      return { ok: false, problem: { code: "unterminated_quote", line: error.line } };
    }
    throw error;
  }

  const [header, ...data] = records;
  if (!header) return { ok: false, problem: { code: "empty_file" } };
  const headerFields = withoutTrailingEmpty(header.fields);
  const rows = data.map((record) => toRow(record, headerFields.length));
  return { ok: true, delimiter, header: { line: header.line, fields: headerFields }, rows };
}

function toRow(record: CsvRecord, expected: number): CsvRow {
  const fields = record.fields.length === expected ? record.fields : cutPadding(record, expected);
  if (fields) return { kind: "record", line: record.line, fields };
  return {
    kind: "wrong_field_count",
    line: record.line,
    expected,
    found: withoutTrailingEmpty(record.fields).length,
  };
}

/** The fields of a longer row cut to `length`, when everything beyond is empty padding. */
function cutPadding(record: CsvRecord, length: number): string[] | null {
  if (record.fields.length < length) return null;
  const beyond = record.fields.slice(length);
  return beyond.every((field) => field === "") ? record.fields.slice(0, length) : null;
}

function withoutTrailingEmpty(fields: string[]): string[] {
  let end = fields.length;
  while (end > 0 && fields[end - 1] === "") end--;
  return fields.slice(0, end);
}

function isBlank(record: CsvRecord): boolean {
  return record.fields.every((field) => field === "");
}

/** The text of the first non-blank line from `start`, up to a line end outside quotes. */
function firstContentLine(text: string, start: number): string {
  let lineStart = start;
  while (lineStart < text.length) {
    const end = endOfLogicalLine(text, lineStart);
    const line = text.slice(lineStart, end);
    if (line.trim() !== "") return line;
    lineStart = end + 1;
  }
  return "";
}

function endOfLogicalLine(text: string, from: number): number {
  let quoted = false;
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (char === QUOTE) quoted = !quoted;
    else if (char === NEWLINE && !quoted) return index;
  }
  return text.length;
}

/**
 * The separator the header line uses most, outside quotes; `;` wins a tie (Dutch Excel), and
 * a header with none of them is a single column.
 */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(DETECTED_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === QUOTE) quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: string = DETECTED_DELIMITERS[0];
  for (const candidate of DETECTED_DELIMITERS) {
    if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  }
  return best;
}

/** Splits the text into records of fields; throws UnterminatedQuoteError. */
function readRecords(text: string, start: number, firstLine: number, delimiter: string) {
  const records: CsvRecord[] = [];
  let index = start;
  let line = firstLine;
  const isPadding = (char: string | undefined) =>
    (char === " " || char === "\t") && char !== delimiter;

  while (index < text.length) {
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      let fieldStart = index;
      while (isPadding(text[fieldStart])) fieldStart++;
      let value = "";
      index = fieldStart;
      if (text[index] === QUOTE) {
        index++;
        for (;;) {
          if (index >= text.length) throw new UnterminatedQuoteError(recordLine);
          const char = text[index] as string;
          if (char === QUOTE) {
            if (text[index + 1] === QUOTE) {
              value += QUOTE;
              index += 2;
              continue;
            }
            index++;
            break;
          }
          if (char === NEWLINE) line++;
          value += char;
          index++;
        }
      }
      // Unquoted text, or whatever stands between a closing quote and the separator.
      const restStart = index;
      while (index < text.length && text[index] !== delimiter && text[index] !== NEWLINE) index++;
      value += text.slice(restStart, index);
      fields.push(value.trim());

      if (text[index] === delimiter) {
        index++;
        continue;
      }
      if (text[index] === NEWLINE) {
        index++;
        line++;
      }
      break;
    }
    records.push({ line: recordLine, fields });
  }
  return records;
}
