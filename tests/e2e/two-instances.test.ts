import fs from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { simpleParser } from "mailparser";
import pg from "pg";
import { createDatabase, type DB } from "../../db/database";
import { closeCycle } from "../../app/cycles/lifecycle.server";
import { enqueueEmail } from "../../app/email/outbox.server";
import { countSealedAnswers } from "../../app/rater/sealed-answers.server";
import { loadQuestionnaire } from "../../app/rater/questionnaire.server";
import { e2eMailDir } from "../../playwright.config";
import { createCycleFixture, type CycleFixture } from "../support/fixtures/cycle";
import { freePort, startPostgres, type RunningPostgres } from "../support/postgres/server";
import { startBalancer, startInstance, type AppInstance, type Balancer } from "./support/instances";

// Two app instances on one PostgreSQL database behind one address: they start side by side
// (both migrate), raters submit through both, mails go out from both, and one instance is
// killed in the middle of the load. Nothing acknowledged may be lost, nothing stored or
// mailed twice.

const RATERS = 400;
const AT_ONCE = 16;
const KILL_AFTER_ACKNOWLEDGED = 120;
const MAILS = 40;
const MAIL_DOMAIN = "twee-instanties.test";
const SEAL_KEY = Buffer.alloc(32, 11).toString("base64");
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2587);

test.describe.configure({ mode: "serial" });

let server: RunningPostgres;
let db: DB;
let a: AppInstance;
let b: AppInstance;
let balancer: Balancer;
let fixture: CycleFixture;
let indicatorIds: string[];
/** The environment every instance starts with (the same database, keys and address). */
let env: Record<string, string>;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startPostgres();
  const admin = new pg.Client({ connectionString: `${server.baseUrl}postgres` });
  await admin.connect();
  await admin.query("create database rondom");
  await admin.end();
  const url = `${server.baseUrl}rondom`;
  const balancerPort = await freePort();
  env = {
    DATABASE_URL: url,
    DEMO_MODE: "off",
    ANSWER_SEAL_KEY: SEAL_KEY,
    SESSION_SECRETS: "two-instances-session-secret-that-is-long-enough-0123",
    INVITATION_SECRET: "two-instances-invitation-secret-that-is-long-enough-0",
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    EMAIL_SEND_INTERVAL_MS: "100",
    APP_URL: `http://127.0.0.1:${balancerPort}`,
    INSECURE_COOKIES: "1",
    TRUST_PROXY: "1",
  };
  // Side by side on an empty database: both run the migrations at start.
  [a, b] = await Promise.all([startInstance("a", env), startInstance("b", env)]);
  balancer = await startBalancer([a, b], balancerPort);

  db = createDatabase(url);
  fixture = await createCycleFixture(db, { invitations: RATERS });
  const questionnaire = await loadQuestionnaire(db, fixture.snapshotId);
  indicatorIds = questionnaire.competencies.flatMap((c) => c.indicators.map((i) => i.id));
});

test.afterAll(async () => {
  await balancer?.close();
  await Promise.all([a?.kill(), b?.kill()]);
  await db?.destroy();
  await server?.stop();
});

function answers(seed: number): string {
  const body = new URLSearchParams({ intent: "submit" });
  indicatorIds.forEach((id, index) => {
    const n = (seed * 7 + index * 13) % 23;
    body.set(`ratings.${id}`, n === 0 ? "na" : String((n % 5) + 1));
  });
  return body.toString();
}

type Attempt = "acknowledged" | "cut" | "refused";

/** Each rater from an address of their own, as raters are (the balancer passes it on). */
async function submit(token: string, seed: number): Promise<Attempt> {
  const page = `/uitnodiging/${token}/vragenlijst`;
  try {
    const response = await fetch(`${balancer.url}${page}`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-forwarded-for": `10.0.${Math.floor(seed / 250)}.${(seed % 250) + 1}`,
      },
      body: answers(seed),
    });
    await response.arrayBuffer();
    if (
      response.status === 302 &&
      response.headers.get("location") === `/uitnodiging/${token}/bedankt`
    ) {
      return "acknowledged";
    }
    if (response.status === 502) return "cut";
    return "refused";
  } catch {
    return "cut";
  }
}

test("raters submit through both instances, one is killed mid-load: every acknowledged answer is stored once", async () => {
  test.setTimeout(180_000);
  const queue = fixture.invitations.map((invitation, index) => ({ invitation, index }));
  const acknowledged = new Set<string>();
  const refused: string[] = [];
  let killed: Promise<void> | undefined;
  const rater = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      // A rater whose request was cut off sends it again, as a rater presses the button again.
      for (let attempt = 0; attempt < 3; attempt++) {
        const outcome = await submit(next.invitation.token, next.index);
        if (outcome === "acknowledged") acknowledged.add(next.invitation.id);
        if (outcome === "refused") refused.push(next.invitation.id);
        if (outcome !== "cut") break;
      }
      if (!killed && acknowledged.size >= KILL_AFTER_ACKNOWLEDGED) killed = b.kill();
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, rater));
  await killed;

  expect(killed, "instance b was killed during the load").toBeDefined();
  expect(balancer.served.get("a")).toBeGreaterThan(0);
  expect(balancer.served.get("b")).toBeGreaterThan(0);
  // A resent answer whose first sending had landed is refused as already given, not stored
  // again; nothing else is refused.
  const statuses = await db
    .selectFrom("invitation")
    .select(["id", "status"])
    .where("cycle_id", "=", fixture.cycleId)
    .execute();
  const submitted = new Set(
    statuses.filter((row) => row.status === "submitted").map((row) => row.id),
  );
  for (const id of refused) expect(submitted.has(id), `refused ${id} was stored before`).toBe(true);
  // Nothing acknowledged is lost…
  for (const id of acknowledged) expect(submitted.has(id), `acknowledged ${id}`).toBe(true);
  expect(acknowledged.size).toBeGreaterThan(RATERS * 0.9);
  // …and nothing is stored twice: one sealed answer per submitted invitation.
  expect(await countSealedAnswers(db, fixture.cycleId)).toBe(submitted.size);

  // The close (through the instance that lives) publishes each exactly once.
  process.env.ANSWER_SEAL_KEY = SEAL_KEY;
  const closed = await closeCycle(db, {
    organisationId: fixture.organisationId,
    cycleId: fixture.cycleId,
    actorPersonId: null,
    confirmation: "close_before_deadline",
  });
  expect(closed.status).toBe("done");
  const responses = await db
    .selectFrom("response")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("cycle_id", "=", fixture.cycleId)
    .executeTakeFirstOrThrow();
  expect(Number(responses.n)).toBe(submitted.size);
});

test("the mail senders of two instances send every mail once", async () => {
  test.setTimeout(120_000);
  // Instance b is gone; a second one takes its place, as an orchestrator restarts it.
  const restarted = await startInstance("b2", env);
  try {
    const ids: string[] = [];
    for (let i = 0; i < MAILS; i++) {
      ids.push(
        await enqueueEmail(db, {
          organisationId: fixture.organisationId,
          kind: "notice",
          to: `ontvanger-${i}@${MAIL_DOMAIN}`,
          locale: "nl",
          subject: `Bericht ${i}`,
          text: `Bericht ${i}`,
          html: `<p>Bericht ${i}</p>`,
        }),
      );
    }
    await expect
      .poll(
        async () =>
          (
            await db
              .selectFrom("email_outbox")
              .select("status")
              .where("id", "in", ids)
              .where("status", "=", "sent")
              .execute()
          ).length,
        { timeout: 60_000 },
      )
      .toBe(MAILS);
    const received = new Map<string, number>();
    for (const file of await fs.readdir(e2eMailDir)) {
      if (!file.endsWith(".eml")) continue;
      const mail = await simpleParser(await fs.readFile(path.join(e2eMailDir, file)));
      const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
      for (const address of to.flatMap((entry) => entry.value.map((value) => value.address))) {
        if (address?.endsWith(`@${MAIL_DOMAIN}`)) {
          received.set(address, (received.get(address) ?? 0) + 1);
        }
      }
    }
    expect(received.size).toBe(MAILS);
    expect([...received.values()].every((count) => count === 1)).toBe(true);
  } finally {
    await restarted.kill();
  }
});
