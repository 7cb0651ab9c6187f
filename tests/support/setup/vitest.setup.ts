process.env.TZ = "Europe/Amsterdam";

// On PostgreSQL the answer seal key is never a file next to the database (db/answer-seal.ts):
// the tests give one, as an operator must.
if (process.env.RONDOM_TEST_DATABASE === "postgres") {
  process.env.ANSWER_SEAL_KEY ??= Buffer.alloc(32, 7).toString("base64");
}
