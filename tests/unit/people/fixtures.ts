import fs from "node:fs";
import path from "node:path";
import { decodeCsvBytes } from "~/people/csv";

/** The odd CSV files of tests/fixtures/csv (see the comments in how they were made). */
export const CSV_FIXTURE_DIR = path.resolve("tests/fixtures/csv");

export function readFixtureBytes(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(CSV_FIXTURE_DIR, name)));
}

/** The fixture as text, decoded the way an upload is. */
export function readFixture(name: string): string {
  return decodeCsvBytes(readFixtureBytes(name)).text;
}
