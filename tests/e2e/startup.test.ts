import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ["server.js"], {
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

test("the app refuses to start on a broken profile and names the file and line", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rondom-broken-"));
  fs.copyFileSync("surveys/toepassing-beleid.md", path.join(dir, "toepassing-beleid.md"));
  fs.writeFileSync(
    path.join(dir, "kapot.md"),
    [
      "---",
      "id: kapot",
      "name: Kapot profiel",
      "---",
      "",
      "- een indicator zonder competentie {#x-1}",
      "",
    ].join("\n"),
  );
  const server = startServer({
    PORT: "3119",
    SURVEYS_DIR: dir,
    DATABASE_URL: `file:${path.join(dir, "db.sqlite")}`,
  });
  const timeout = setTimeout(() => server.child.kill("SIGKILL"), 20_000);
  const code = await server.exited;
  clearTimeout(timeout);
  expect(code).toBe(1);
  expect(server.output()).toContain("Rondom start niet");
  expect(server.output()).toMatch(/kapot\.md:6: /);
  expect(server.output()).not.toMatch(/\n\s+at /);
  expect(fs.existsSync(path.join(dir, "db.sqlite"))).toBe(false);
});
