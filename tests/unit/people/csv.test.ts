import { describe, expect, it } from "vitest";
import {
  binaryFormatOf,
  decodeCsvBytes,
  detectDelimiter,
  parseCsv,
  type CsvParseResult,
  type CsvRow,
} from "~/people/csv";
import { readFixture, readFixtureBytes } from "../../support/fixtures/csv-files";

function parsed(text: string): Extract<CsvParseResult, { ok: true }> {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(`Expected the CSV to parse: ${JSON.stringify(result.problem)}`);
  return result;
}

/** Records as [line, ...fields]; a wrong field count as [line, "wrong", expected, found]. */
function table(rows: CsvRow[]) {
  return rows.map((row) =>
    row.kind === "record"
      ? [row.line, ...row.fields]
      : [row.line, "wrong", row.expected, row.found],
  );
}

describe("the odd files in tests/support/fixtures/csv", () => {
  it("reads Excel's UTF-8 export: BOM, semicolons, CRLF, no BOM left in the first header", () => {
    const csv = parsed(readFixture("excel-bom-semicolon.csv"));
    expect(csv.delimiter).toBe(";");
    expect(csv.header.fields[0]).toBe("Personeelsnummer");
    expect(csv.header.fields).toHaveLength(8);
    expect(table(csv.rows).map((row) => row[0])).toEqual([2, 3, 4, 5]);
    expect(csv.rows.every((row) => row.kind === "record" && row.fields.length === 8)).toBe(true);
    expect(table(csv.rows)[2]).toContain("Bedrijfsvoering > ICT");
  });

  it("takes the separator from Excel's sep= line and counts that line", () => {
    const csv = parsed(readFixture("excel-sep-line.csv"));
    expect(csv.delimiter).toBe(",");
    expect(csv.header).toEqual({ line: 2, fields: ["personeelsnummer", "naam", "email", "team"] });
    expect(table(csv.rows)).toEqual([
      [3, "200201", "Sanne de Wit", "s.dewit@voorbeeld.example", "Communicatie"],
      [4, "200202", "Pieter Jansen", "p.jansen@voorbeeld.example", "Communicatie"],
    ]);
  });

  it("keeps separators inside quotes and turns doubled quotes into one", () => {
    const csv = parsed(readFixture("comma-quoted-commas.csv"));
    expect(csv.delimiter).toBe(",");
    expect(table(csv.rows)).toEqual([
      [
        2,
        "200301",
        "Vries, Jan de",
        "j.devries@voorbeeld.example",
        "Wijkteams, Noord",
        'zegt: "hallo, allemaal"',
      ],
      [3, "200302", "Dijk, Anna van", "a.vandijk@voorbeeld.example", "Wijkteams, Noord", ""],
      [4, "200303", "O'Neill, Kate", "k.oneill@voorbeeld.example", "Wijkteams, Zuid", "geen"],
    ]);
  });

  it("keeps line breaks inside quotes and numbers each record by the line it starts on", () => {
    const csv = parsed(readFixture("quoted-newline.csv"));
    expect(table(csv.rows)).toEqual([
      [
        2,
        "200401",
        "Karin Mulder",
        "k.mulder@voorbeeld.example",
        "werkt op dinsdag\nen donderdag\nthuis",
      ],
      [5, "200402", "Bas Visser", "bas.visser@voorbeeld.example", ""],
      [6, "200403", "Eva Kok", "eva.kok@voorbeeld.example", "regel een\nregel twee"],
      [8, "200404", "Tim Bos", "geen-adres", ""],
    ]);
  });

  it("reads CRLF and skips the empty lines at the end", () => {
    const csv = parsed(readFixture("crlf.csv"));
    expect(table(csv.rows)).toEqual([
      [2, "200501", "Lotte", "Peters", "l.peters@voorbeeld.example"],
      [3, "200502", "Ruben", "Hendriks", "r.hendriks@voorbeeld.example"],
    ]);
  });

  it("reads lone CR line ends (and a last line without a line end)", () => {
    const csv = parsed(readFixture("lone-cr.csv"));
    expect(table(csv.rows).map((row) => row.slice(0, 3))).toEqual([
      [2, "200601", "Noor Willems"],
      [3, "200602", "Milan Dekker"],
      [4, "200603", "Julia Vos"],
    ]);
  });

  it("reads Windows-1252 bytes (é, ë, ï, €) that are not valid UTF-8", () => {
    const { text, encoding } = decodeCsvBytes(readFixtureBytes("windows-1252.csv"));
    expect(encoding).toBe("windows-1252");
    const csv = parsed(text);
    expect(table(csv.rows)).toEqual([
      [2, "200701", "Zoë", "Brouwer", "z.brouwer@voorbeeld.example", "Financiën"],
      [3, "200702", "André", "Maës", "a.maes@voorbeeld.example", "Financiën"],
      [
        4,
        "200703",
        "Anaïs",
        "Gerritsen",
        "a.gerritsen@voorbeeld.example",
        "Financiën € en begroting",
      ],
    ]);
  });

  it("detects tabs even when the data holds semicolons", () => {
    const csv = parsed(readFixture("tab-separated.csv"));
    expect(csv.delimiter).toBe("\t");
    expect(table(csv.rows)[0]).toEqual([
      2,
      "200801",
      "Yara Meijer",
      "y.meijer@voorbeeld.example",
      "Jeugd; gezin en onderwijs",
      "Engels",
    ]);
  });

  it("trims whitespace around header names and values", () => {
    const csv = parsed(readFixture("extra-columns-reordered.csv"));
    expect(csv.header.fields[0]).toBe("E-MAIL ADRES");
    expect(csv.header.fields).toHaveLength(7);
  });

  it("skips blank lines, rows of empty fields and trailing separators", () => {
    const csv = parsed(readFixture("blank-trailing-lines.csv"));
    expect(csv.header.line).toBe(2);
    expect(table(csv.rows)).toEqual([
      [3, "201101", "Roos Hermans", "r.hermans@voorbeeld.example"],
      [6, "201102", "Thijs Koster", "t.koster@voorbeeld.example"],
    ]);
  });

  it("reports rows with too few or too many fields by line", () => {
    const csv = parsed(readFixture("wrong-field-count.csv"));
    expect(table(csv.rows).map((row) => (row[1] === "wrong" ? row : row[0]))).toEqual([
      2,
      [3, "wrong", 4, 3],
      [4, "wrong", 4, 5],
      5,
    ]);
  });

  it("reports a quote that is never closed with the line where its record starts", () => {
    expect(parseCsv(readFixture("unterminated-quote.csv"))).toEqual({
      ok: false,
      problem: { code: "unterminated_quote", line: 2 },
    });
  });
});

describe("parseCsv", () => {
  it("reports an empty file, also one with only a BOM, blank lines or a sep= line", () => {
    for (const text of ["", "\uFEFF", "\n\r\n  \n", "sep=;\r\n", ";;;\n"]) {
      expect(parseCsv(text), JSON.stringify(text)).toEqual({
        ok: false,
        problem: { code: "empty_file" },
      });
    }
  });

  it("accepts a quoted sep= line and any single-character separator", () => {
    const csv = parsed('"sep=|"\na|b\n1|2');
    expect(csv.delimiter).toBe("|");
    expect(table(csv.rows)).toEqual([[3, "1", "2"]]);
  });

  it("keeps a tab as the separator named by sep=", () => {
    expect(parsed("sep=\t\na\tb\n1\t2").delimiter).toBe("\t");
  });

  it("counts a CR, LF or CRLF inside quotes as one line each", () => {
    const csv = parsed('a;b\r\n"x\r\ny\rz\nw";1\r\nlast;2');
    expect(table(csv.rows)).toEqual([
      [2, "x\ny\nz\nw", "1"],
      [6, "last", "2"],
    ]);
  });

  it("treats a quote inside an unquoted value as a character and text after a closing quote as part of the value", () => {
    expect(table(parsed('a;b\nO"Brien;"van" Dam').rows)).toEqual([[2, 'O"Brien', "van Dam"]]);
  });

  it("allows spaces before an opening quote", () => {
    expect(table(parsed('a;b\n  "1;2" ;3').rows)).toEqual([[2, "1;2", "3"]]);
  });

  it("ignores trailing empty header cells, and extra empty fields on a row", () => {
    const csv = parsed("a;b;;\n1;2\n3;4;;;\n5;6;7");
    expect(csv.header.fields).toEqual(["a", "b"]);
    expect(table(csv.rows)).toEqual([
      [2, "1", "2"],
      [3, "3", "4"],
      [4, "wrong", 2, 3],
    ]);
  });
});

describe("detectDelimiter", () => {
  it.each([
    ["a;b;c", ";"],
    ["a,b,c", ","],
    ["a\tb\tc", "\t"],
    ['"naam, voluit";email;team', ";"],
    ['"a;b";"c;d",e,f', ","],
    ["a;b,c", ";"],
    ["enkel", ";"],
  ])("%j → %j", (header, expected) => {
    expect(detectDelimiter(header)).toBe(expected);
  });
});

describe("decodeCsvBytes", () => {
  it("reads UTF-8 (with or without BOM) as UTF-8", () => {
    const bytes = new TextEncoder().encode("\uFEFFnaam\nZoë");
    const { text, encoding } = decodeCsvBytes(bytes);
    expect(encoding).toBe("utf-8");
    expect(text).toBe("naam\nZoë");
  });

  it("falls back to Windows-1252 for bytes that are not valid UTF-8, including 0x80–0x9F", () => {
    const bytes = Uint8Array.from([0x5a, 0x6f, 0xeb, 0x20, 0x80, 0x20, 0x93, 0x61, 0x94]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: "Zoë € “a”", encoding: "windows-1252" });
  });

  it("reads UTF-16 with a byte order mark (Excel's Unicode text)", () => {
    const text = "naam\tteam\nZoë\tFinanciën";
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(decodeCsvBytes(utf16)).toEqual({ text, encoding: "utf-16le" });
  });
});

describe("binaryFormatOf", () => {
  it("recognises Excel workbooks and binary files, not text", () => {
    expect(binaryFormatOf(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe("workbook");
    expect(binaryFormatOf(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1]))).toBe("workbook");
    expect(binaryFormatOf(Uint8Array.from([0x61, 0x00, 0x62]))).toBe("binary");
    expect(
      binaryFormatOf(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a", "utf16le")])),
    ).toBe(null);
    expect(binaryFormatOf(readFixtureBytes("windows-1252.csv"))).toBe(null);
  });
});
