import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * One folder per test run for seeded template databases (see createSeededTestDatabase):
 * the demo is seeded once per seed value and run, and every test file gets a copy.
 */
export default function setup(): () => void {
  // Both sqlite projects name this setup; the second finds the folder the first made.
  if (process.env.RONDOM_TEST_TEMPLATES) return () => {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rondom-templates-"));
  process.env.RONDOM_TEST_TEMPLATES = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
