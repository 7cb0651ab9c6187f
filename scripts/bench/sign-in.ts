// Sign-in timing: POST /inloggen must answer a known address no slower than an unknown one
// (a difference would tell which addresses have an account). Runs its own server on a fresh
// demo database, behind TRUST_PROXY=1 so that each request can come from its own client
// address (the per-client rate limit would otherwise stop the run).
import { createDatabase } from "#db/database";
import { fmt, freePort, makeTempDir, ServerProcess, table } from "./harness";

const ROUNDS = Number(process.env.BENCH_SIGN_IN_ROUNDS ?? 150);

export interface SignInTiming {
  kind: string;
  statuses: string;
  p50: number;
  p90: number;
}

export async function signInTiming(): Promise<SignInTiming[]> {
  const dir = makeTempDir("bench-sign-in");
  const databaseUrl = `file:${dir}/sign-in.sqlite`;
  const server = new ServerProcess({
    databaseUrl,
    port: await freePort(),
    extraEnv: { TRUST_PROXY: "1" },
    label: "sign-in server",
  });
  await server.start();
  const db = createDatabase(databaseUrl);
  const people = await db.selectFrom("person").select("email").where("is_active", "=", 1).execute();
  await db.destroy();

  const samples: Record<string, { ms: number[]; statuses: Map<number, number> }> = {
    "known address": { ms: [], statuses: new Map() },
    "unknown address": { ms: [], statuses: new Map() },
  };
  const post = async (kind: string, email: string, client: string) => {
    const started = performance.now();
    const response = await fetch(`${server.baseUrl}/inloggen?index`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-forwarded-for": client,
      },
      body: new URLSearchParams({ email, redirectTo: "/mijn" }),
    });
    await response.arrayBuffer();
    const entry = samples[kind]!;
    entry.ms.push(performance.now() - started);
    entry.statuses.set(response.status, (entry.statuses.get(response.status) ?? 0) + 1);
  };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const known = people[round % people.length]!.email;
      const client = `198.51.${Math.floor(round / 250)}.${round % 250}`;
      // Alternate the order so neither kind always follows the other.
      const pair: [string, string][] = [
        ["known address", known],
        ["unknown address", `niemand-${round}@rondedam.example`],
      ];
      if (round % 2 === 1) pair.reverse();
      for (const [kind, email] of pair) await post(kind, email, client);
    }
  } finally {
    await server.stop();
  }
  return Object.entries(samples).map(([kind, { ms, statuses }]) => {
    const sorted = ms.slice(Math.floor(ROUNDS / 10)).sort((a, b) => a - b); // skip warm-up
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    const statusText = [...statuses.entries()].map(([status, n]) => `${status}×${n}`).join(" ");
    return { kind, statuses: statusText, p50: at(0.5), p90: at(0.9) };
  });
}

export function printSignInTiming(rows: SignInTiming[]) {
  console.log(`\n== Sign-in requests (POST /inloggen, ${ROUNDS} of each, alternating)`);
  console.log(
    table(
      rows.map((row) => [row.kind, row.statuses, `${fmt(row.p50, 2)} ms`, `${fmt(row.p90, 2)} ms`]),
      ["address", "answers", "p50", "p90"],
    ),
  );
}
