// Where the time of one submission goes, in-process (no HTTP): CPU time per call of the
// steps the questionnaire action takes, next to cheaper alternatives. Figures only.
// Usage: tsx scripts/bench/breakdown.ts   (about 30 s)
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseWithZod } from "@conform-to/zod/v4";
import { sql } from "kysely";
import { createDatabase } from "#db/database";
import { translator } from "~/i18n/messages";
import { answerMessages } from "~/rater/answer-messages";
import { createAnswersSchema } from "~/rater/answers-schema";
import { cleanAnswers, findInvitationByToken, submitResponse } from "~/rater/invitation.server";
import { loadQuestionnaire } from "~/rater/questionnaire.server";
import { dayInOrganisation } from "~/utils/dates";
import { hashToken } from "~/utils/tokens.server";
import {
  ensureBuild,
  fmt,
  makeTempDir,
  ROOT,
  prepareDatabase,
  submissionBody,
  table,
  watchdog,
} from "./harness";

watchdog(120);
ensureBuild();

/** CPU ms (user + system) per call, over `n` calls after `warm` warm-up calls. */
async function measure(
  n: number,
  fn: (i: number) => unknown | Promise<unknown>,
  warm = Math.min(200, n),
) {
  for (let i = 0; i < warm; i++) await fn(i);
  const before = process.cpuUsage();
  for (let i = warm; i < warm + n; i++) await fn(i);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / n;
}

const N = 2000;
const prepared = await prepareDatabase(makeTempDir("breakdown"), N * 2 + 2500);
const db = createDatabase(prepared.url);
const questionnaire = await loadQuestionnaire(db, prepared.snapshotId);
const messages = answerMessages(translator("nl"));
const body = new URLSearchParams(submissionBody(prepared, 1, true));
const cachedSchema = createAnswersSchema(questionnaire, messages, "submit");
const formatter = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const tokens = prepared.invitations.map((i) => i.token);
const invitation = (await findInvitationByToken(db, tokens[0]!))!;
const parsed = parseWithZod(body, { schema: cachedSchema });
if (parsed.status !== "success") throw new Error("the submission body does not validate");
const answers = cleanAnswers(parsed.value);

// The query of findInvitationByToken, as written there.
const invitationQuery = (token: string) =>
  db
    .selectFrom("invitation as i")
    .innerJoin("cycle as c", "c.id", "i.cycle_id")
    .innerJoin("organisation as o", "o.id", "c.organisation_id")
    .innerJoin("participant as p", "p.id", "i.participant_id")
    .innerJoin("person as subject", "subject.id", "p.person_id")
    .select([
      "i.id",
      "i.status",
      "i.relationship",
      "i.rater_name",
      "i.locale",
      "i.expires_at",
      "c.id as cycleId",
      "c.name as cycleName",
      "c.status as cycleStatus",
      "c.answer_deadline",
      "c.min_group_size",
      "c.manager_identifiable",
      "c.lead_access",
      "c.profile_snapshot_id",
      "o.name as organisationName",
      "p.id as participantId",
      "subject.first_name",
      "subject.last_name",
    ])
    .where("i.token_hash", "=", hashToken(token));

const rows: [string, number][] = [];
const add = async (label: string, n: number, fn: (i: number) => unknown | Promise<unknown>) => {
  rows.push([label, await measure(n, fn)]);
};

await add("dayInOrganisation() (new Intl.DateTimeFormat per call)", 5000, () =>
  dayInOrganisation(),
);
await add("  … with one cached Intl.DateTimeFormat", 5000, () => formatter.format(new Date()));
await add("createAnswersSchema(submit)", 2000, () =>
  createAnswersSchema(questionnaire, messages, "submit"),
);
await add("createAnswersSchema + parseWithZod (as the action does)", 2000, () =>
  parseWithZod(body, { schema: createAnswersSchema(questionnaire, messages, "submit") }),
);
await add("  … parseWithZod with a cached schema", 2000, () =>
  parseWithZod(body, { schema: cachedSchema }),
);
await add("findInvitationByToken (Kysely, 4 joins)", 2000, (i) =>
  findInvitationByToken(db, tokens[i % tokens.length]!),
);
await add("  … its query only: build + compile with Kysely (no execution)", 2000, (i) =>
  invitationQuery(tokens[i % tokens.length]!).compile(),
);
await add("  … same SELECT as raw SQL through Kysely", 2000, (i) =>
  sql`select i.id, i.status, i.relationship, i.rater_name, i.locale, i.expires_at, c.id as cycleId,
      c.name as cycleName, c.status as cycleStatus, c.answer_deadline, c.min_group_size,
      c.manager_identifiable, c.lead_access, c.profile_snapshot_id, o.name as organisationName,
      p.id as participantId, s.first_name, s.last_name
      from invitation i join cycle c on c.id = i.cycle_id
      join organisation o on o.id = c.organisation_id join participant p on p.id = i.participant_id
      join person s on s.id = p.person_id where i.token_hash = ${tokens[i % tokens.length]!}`.execute(
    db,
  ),
);
let next = 400;
const claim = () => {
  const fixture = prepared.invitations[next++]!;
  return {
    id: fixture.id,
    relationship: fixture.relationship,
    cycle: { ...invitation.cycle },
    participant: { ...invitation.participant, id: fixture.participantId },
  };
};
rows.push([
  "submitResponse (Kysely transaction, 37 ratings, 2 comments)",
  await measure(N, () => submitResponse(db, claim(), answers), 200),
]);

// The whole Remix request handler of the build, in-process: no Express, compression or socket.
// (Compare with "server CPU per submission" of `npm run bench` for what HTTP + Express add.)
process.env.DATABASE_URL = prepared.url;
process.env.NODE_ENV = "production";
const { createRequestHandler } = await import("@remix-run/node");
const build = await import(pathToFileURL(path.join(ROOT, "build/server/index.js")).href);
const handler = createRequestHandler(build, "production");
const plainBody = submissionBody(prepared, 2);
const remixPost = async () => {
  const token = prepared.invitations[next++]!.token;
  const response = await handler(
    new Request(`http://127.0.0.1/uitnodiging/${token}/vragenlijst`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: plainBody,
    }),
  );
  if (response.status !== 302) throw new Error(`in-process POST answered ${response.status}`);
};
rows.push([
  "Remix handler in-process: POST submission (37 ratings)",
  await measure(1500, remixPost, 200),
]);
const pageToken = prepared.invitations.at(-1)!.token;
rows.push([
  "Remix handler in-process: GET questionnaire page",
  await measure(
    300,
    async () => {
      const response = await handler(
        new Request(`http://127.0.0.1/uitnodiging/${pageToken}/vragenlijst`),
      );
      await response.text();
    },
    50,
  ),
]);
await db.destroy();

console.log("\nCPU time per call (user + system), in-process, no HTTP:\n");
console.log(
  table(
    rows.map(([label, ms]) => [label, `${fmt(ms, 3)} ms`]),
    ["step", "CPU per call"],
  ),
);
process.exit(0);
