// Summarises a V8 .cpuprofile (from `BENCH_CPU_PROF=<dir> npm run bench`): self time per
// function and per package/file, and inclusive time of chosen app functions.
// Usage: tsx scripts/bench/profile-summary.ts <file.cpuprofile> [top=25]
import fs from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file) {
  console.error("usage: tsx scripts/bench/profile-summary.ts <file.cpuprofile> [top]");
  process.exit(2);
}
const top = Number(process.argv[3] ?? 25);
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) =>
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
);
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const idle = [...selfUs]
  .filter(([id]) => byId.get(id)!.callFrame.functionName === "(idle)")
  .reduce((a, [, v]) => a + v, 0);

function where(url: string): string {
  if (!url) return "(native/V8)";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith("node:")) return url;
  return url.replace(/^file:\/\/.*?\/(build|app|db|server\.js)/, "$1");
}

const fnSelf = new Map<string, number>();
const pkgSelf = new Map<string, number>();
for (const [id, us] of selfUs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const key = `${functionName || "(anonymous)"}  ${where(url)}:${lineNumber + 1}`;
  fnSelf.set(key, (fnSelf.get(key) ?? 0) + us);
  pkgSelf.set(where(url), (pkgSelf.get(where(url)) ?? 0) + us);
}

// Inclusive time of some functions of interest (each sample counted once per function name).
const interesting = process.env.PROFILE_FUNCTIONS?.split(",") ?? [
  "action",
  "loader",
  "requireInvitation",
  "createAnswersSchema",
  "parseWithZod",
  "submitResponse",
  "readFormBody",
  "handleRequest",
  "renderToPipeableStream",
  "compression",
];
const inclusive = new Map<string, number>();
profile.samples.forEach((id, i) => {
  const seen = new Set<string>();
  for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
    const name = byId.get(n)!.callFrame.functionName;
    if (interesting.includes(name) && !seen.has(name)) {
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
    }
  }
});

const pct = (us: number) => `${((us / (total - idle)) * 100).toFixed(1).padStart(5)} %`;
console.log(
  `total ${(total / 1e6).toFixed(2)} s, idle ${(idle / 1e6).toFixed(2)} s; percentages of busy time\n`,
);
console.log("self time by package/file:");
for (const [k, v] of [...pkgSelf].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`  ${pct(v)}  ${k}`);
console.log("\nself time by function:");
for (const [k, v] of [...fnSelf].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`  ${pct(v)}  ${k}`);
console.log("\ninclusive time (by function name):");
for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(v)}  ${k}`);
