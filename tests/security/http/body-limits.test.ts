import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { BODIES_PER_CLIENT_MAX } from "../../../app/security/body-limit.js";
import {
  INVITATION_KEY_NAME,
  invitationTokenWithKey,
} from "../../../app/rater/invitation-token.server";
import { createDatabase } from "../../../db/database";
import { matrix, type MatrixData } from "../../e2e/support/route-matrix";
import { streamedPost, type StreamedAnswer } from "../../support/streamed-post";

// The attack (issue 14, point 1): unauthenticated posts of huge bodies. `POST /taal` parsed
// any body (300 MB took the server from 98 MB to 853 MB); eight parallel 500 MB posts left
// it unresponsive. Here a production server of its own (`node server.js` on the build) gets
// 50 MB, declared and chunked, on every route with an action, and must answer 413 each time
// with its memory flat: its resident size (VmRSS) may grow by at most 64 MB in all.
//
// Its own server, so that its memory is this test's alone: on BODY_LIMITS_PORT (3127 unless
// set), with a fresh demo database in a temporary directory.

const port = Number(process.env.BODY_LIMITS_PORT ?? 3127);
const origin = `http://127.0.0.1:${port}`;
const FIFTY_MB = 50 * 1024 * 1024;
const RSS_BOUND_KB = 64 * 1024;

test.describe.configure({ mode: "serial" });

let server: ChildProcess | undefined;
let dataDir = "";
const serverErrors: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  if (await portAnswers(port)) {
    throw new Error(`port ${port} is taken: set BODY_LIMITS_PORT to a free port`);
  }
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rondom-body-limits-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: `file:${path.join(dataDir, "x.sqlite")}`,
    INSECURE_COOKIES: "1",
    DEMO_MODE: "auto",
    ACCESS_LOG: "off",
  };
  for (const name of [
    "INVITATION_SECRET",
    "SESSION_SECRETS",
    "SMTP_URL",
    "APP_URL",
    "TRUST_PROXY",
  ]) {
    delete env[name];
  }
  server = spawn(process.execPath, ["server.js"], { env, stdio: ["ignore", "ignore", "pipe"] });
  server.stderr?.setEncoding("utf8");
  server.stderr?.on("data", (text: string) => {
    if (serverErrors.join("").length < 10_000) serverErrors.push(text);
  });
  await waitUntilServing();
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once("exit", resolve));
    server.kill("SIGTERM");
    const killer = setTimeout(() => server?.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(killer);
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test("50 MB to every route with an action is refused with 413, and the memory stays flat", async ({
  request,
}) => {
  test.setTimeout(180_000);
  const urls = await actionUrls();
  // Warm up as an ordinary visitor would (pages rendered, a form refused), then measure.
  for (let i = 0; i < 3; i++) expect((await request.get(`${origin}/`)).status()).toBe(200);
  await streamedPost(`${origin}/taal`, { total: 10, chunked: false });
  const before = rssKb();

  const failures: string[] = [];
  const check = (url: string, kind: string, answer: StreamedAnswer) => {
    const trouble =
      answer.status !== 413
        ? `status ${answer.status}`
        : answer.headers.connection !== "close"
          ? "connection kept open"
          : !answer.body.startsWith("Het ") || /Error|\bat .*\(/.test(answer.body)
            ? `body ${JSON.stringify(answer.body.slice(0, 200))}`
            : answer.sent >= FIFTY_MB
              ? "the whole body was read"
              : null;
    if (trouble) failures.push(`${kind} ${url}: ${trouble}`);
  };
  // A connection cut before any answer is a failure too, noted with the others.
  const post = (url: string, chunked: boolean) =>
    streamedPost(`${origin}${url}`, { total: FIFTY_MB, chunked }).catch(
      (error: unknown): StreamedAnswer => ({
        status: 0,
        headers: {},
        body: String(error),
        sent: 0,
      }),
    );
  for (const url of urls) {
    check(url, "declared", await post(url, false));
    check(url, "chunked", await post(url, true));
  }
  // Eight at once, as in the report.
  const parallel = await Promise.all(
    Array.from({ length: 8 }, (_, i) => post("/taal", i % 2 === 0)),
  );
  parallel.forEach((answer, i) => check("/taal", `parallel #${i + 1}`, answer));

  const after = rssKb();
  console.log(
    `body limits: ${urls.length} action URLs × 50 MB (declared and chunked) + 8 parallel; ` +
      `server RSS before ${mb(before)} MB, after ${mb(after)} MB (growth ${mb(after - before)} MB, ` +
      `bound ${mb(RSS_BOUND_KB)} MB)`,
  );
  expect(failures, serverErrors.join("")).toEqual([]);
  expect(after).toBeLessThan(before + RSS_BOUND_KB);

  // And it still serves pages.
  const home = await request.get(`${origin}/`);
  expect(home.status()).toBe(200);
  expect(await home.text()).toContain("<html");
  expect(server?.exitCode).toBeNull();
});

test("a declared 50 MB is refused on its headers alone, before any of it is sent", async () => {
  for (const url of ["/taal", "/inloggen", "/beheer/mensen/importeren"]) {
    const answer = await streamedPost(`${origin}${url}`, {
      total: FIFTY_MB,
      chunked: false,
      headersOnly: true,
    });
    expect(answer.status, url).toBe(413);
    expect(answer.sent).toBe(0);
  }
});

test("an anonymous client gets the form cap on the upload: 2 MB is refused unread", async () => {
  for (const url of [
    "/beheer/mensen/importeren",
    "/beheer/mensen/importeren.data?index",
    "/beheer/profielen/importeren",
    "/beheer/profielen/importeren.data?index",
  ]) {
    const answer = await streamedPost(`${origin}${url}`, {
      total: 2 * 1024 * 1024,
      chunked: false,
      headersOnly: true,
      contentType: "multipart/form-data; boundary=x",
    });
    expect(answer.status, url).toBe(413);
    expect(answer.body, url).toMatch(/^Het formulier is te groot/);
    expect(answer.sent, url).toBe(0);
  }
});

// The review's attack, scaled down: many connections each sending all but the end of a
// capped body and holding. One client may have only a few bodies in flight; the rest are
// refused with 503 at once, and the memory stays flat.
test("300 connections holding 60 KB of a declared 64 KB body each: 503s, flat memory", async ({
  request,
}) => {
  test.setTimeout(120_000);
  const count = 300;
  const before = rssKb();
  const held = Array.from({ length: count }, () => holdBody("/taal", 64 * 1024, 60 * 1024));
  try {
    // All but the few this client may have in flight are refused, each with a Retry-After.
    await expect
      .poll(() => held.filter((body) => body.answer() !== "").length, { timeout: 60_000 })
      .toBeGreaterThanOrEqual(count - BODIES_PER_CLIENT_MAX);
    const answers = held.map((body) => body.answer()).filter((answer) => answer !== "");
    for (const answer of answers) {
      expect(answer).toMatch(/^HTTP\/1\.1 (503|408) /);
      if (answer.includes(" 503 ")) expect(answer).toMatch(/\r\nretry-after: \d+\r\n/i);
    }
    // The server still answers others meanwhile.
    const home = await request.get(`${origin}/`);
    expect(home.status()).toBe(200);
    const during = rssKb();
    console.log(
      `many connections: ${count} × 60 KB held; ${answers.length} refused; server RSS before ` +
        `${mb(before)} MB, during ${mb(during)} MB (bound ${mb(RSS_BOUND_KB)} MB more)`,
    );
    expect(during).toBeLessThan(before + RSS_BOUND_KB);
  } finally {
    for (const body of held) body.socket.destroy();
  }
  expect((await request.get(`${origin}/`)).status()).toBe(200);
  expect(server?.exitCode).toBeNull();
});

// A body that trickles in (one byte every 2 s) is cut off by the server's request timeout
// (30 s), not Node's default 300 s: within this test's own timeout.
test("a body that trickles in is cut off by the request timeout", async () => {
  test.setTimeout(90_000);
  const body = holdBody("/taal", 1000, 1);
  const trickle = setInterval(() => {
    if (body.socket.writable) body.socket.write("a");
  }, 2_000);
  try {
    await new Promise((resolve) => body.socket.once("close", resolve));
  } finally {
    clearInterval(trickle);
  }
  expect(body.answer()).toMatch(/^(HTTP\/1\.1 408 |$)/);
});

test("ordinary forms still get through the cap", async () => {
  // The language switch of every page: a redirect with its cookie.
  const answer = await fetch(`${origin}/taal`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "locale=en&redirectTo=%2Fprofielen",
    redirect: "manual",
  });
  expect(answer.status).toBe(302);
  expect(answer.headers.get("location")).toBe("/profielen");
});

/** The upload pages: index routes, whose single-fetch form names the index. */
const UPLOAD_PAGES = ["/beheer/mensen/importeren", "/beheer/profielen/importeren"];

/**
 * Every route with an action, with real ids from this server's demo database (the post
 * cases of tests/e2e/support/route-matrix.ts, which the authorisation matrix keeps complete),
 * and their single-fetch (`.data`) forms.
 */
async function actionUrls(): Promise<string[]> {
  const data = await demoData();
  const urls = Object.values(matrix).flatMap((entry) => (entry.post ? [entry.post(data).url] : []));
  for (const required of [
    "/taal",
    "/inloggen",
    "/inloggen/code",
    "/uitloggen",
    "/demo/inloggen",
    "/beheer/mensen/importeren",
    "/beheer/profielen/importeren",
    `/uitnodiging/${data.invitation.token}/vragenlijst`,
  ]) {
    expect(urls, `the matrix posts to ${required}`).toContain(required);
  }
  const single = urls.map((url) => {
    const [pathname = "", query] = url.split("?");
    const index = UPLOAD_PAGES.includes(pathname) ? "?index" : query ? `?${query}` : "";
    return `${pathname}.data${index}`;
  });
  return [...urls, ...single, "/_root.data", "/", "/bestaat-niet"];
}

/** The ids the matrix's post cases need, read from this server's own database. */
async function demoData(): Promise<MatrixData> {
  const db = createDatabase(`file:${path.join(dataDir, "x.sqlite")}`);
  try {
    const hrAdmin = await db
      .selectFrom("person")
      .select(["id", "email", "organisation_id"])
      .where("is_hr_admin", "=", 1)
      .orderBy("email")
      .executeTakeFirstOrThrow();
    const employee = await db
      .selectFrom("person")
      .select(["id", "team_id"])
      .where("is_hr_admin", "=", 0)
      .where("team_id", "is not", null)
      .orderBy("email")
      .executeTakeFirstOrThrow();
    const collecting = await db
      .selectFrom("participant")
      .innerJoin("cycle", "cycle.id", "participant.cycle_id")
      .select(["cycle.id as cycleId", "participant.id as participantId"])
      .where("cycle.status", "=", "collecting")
      .orderBy("participant.id")
      .executeTakeFirstOrThrow();
    const released = await db
      .selectFrom("participant")
      .innerJoin("cycle", "cycle.id", "participant.cycle_id")
      .select("participant.id")
      .where("cycle.status", "=", "released")
      .orderBy("participant.id")
      .executeTakeFirstOrThrow();
    const invitation = await db
      .selectFrom("invitation")
      .innerJoin("cycle", "cycle.id", "invitation.cycle_id")
      .select("invitation.id")
      .where("cycle.status", "=", "collecting")
      .where("invitation.status", "=", "open")
      .orderBy("invitation.id")
      .executeTakeFirstOrThrow();
    const profile = await db
      .selectFrom("profile")
      .select("id")
      .where("organisation_id", "=", hrAdmin.organisation_id)
      .orderBy("key")
      .executeTakeFirstOrThrow();
    const key = await db
      .selectFrom("instance_secret")
      .select("value")
      .where("name", "=", INVITATION_KEY_NAME)
      .executeTakeFirstOrThrow();
    const data = {
      cast: {
        hrAdmin: { id: hrAdmin.id },
        employee: { id: employee.id },
        team: { id: employee.team_id },
      },
      invitation: { id: invitation.id, token: invitationTokenWithKey(key.value, invitation.id) },
      unknownToken: "A".repeat(43),
      crossSiteEmail: hrAdmin.email,
      reports: { own: { participantId: released.id, sharedWithLead: false } },
      cycles: {
        collectingCycleId: collecting.cycleId,
        collectingParticipantId: collecting.participantId,
        stagedImportId: "bestaat-niet",
      },
      profiles: { profileId: profile.id, stagedImportId: "bestaat-niet" },
    } satisfies Partial<Record<keyof MatrixData, unknown>>;
    // Only the fields the post cases use; a case that needs another fails loudly. The
    // `satisfies` above still refuses a field the matrix does not know (a renamed one).
    return data as unknown as MatrixData;
  } finally {
    await db.destroy();
  }
}

/**
 * A post of `declared` bytes that sends only `send` of them and holds its connection; what
 * the server answers (if anything) is collected.
 */
function holdBody(url: string, declared: number, send: number) {
  const socket = net.connect(port, "127.0.0.1");
  let answer = "";
  socket.on("error", () => {});
  socket.setEncoding("latin1");
  socket.on("data", (text: string) => (answer += text));
  socket.write(
    `POST ${url} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
      `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${declared}\r\n\r\n`,
  );
  socket.write(Buffer.alloc(send, 97));
  return { socket, answer: () => answer };
}

/** The server's resident memory in kB, from /proc/<pid>/status. */
function rssKb(): number {
  const status = fs.readFileSync(`/proc/${server?.pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error("no VmRSS in /proc/<pid>/status");
  return Number(match[1]);
}

const mb = (kb: number) => (kb / 1024).toFixed(1);

async function waitUntilServing() {
  for (;;) {
    if (server?.exitCode !== null) {
      throw new Error(`node server.js stopped (${server?.exitCode}): ${serverErrors.join("")}`);
    }
    try {
      const response = await fetch(`${origin}/`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Whether something already listens on the port (then this test would measure another server). */
function portAnswers(portToCheck: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(portToCheck, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
