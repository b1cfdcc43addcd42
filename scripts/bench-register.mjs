#!/usr/bin/env node
// Measures the municipality register on this machine: load time (read, JSON parse, zod
// validation, search index), process memory, and server-side search time over 10,000
// random queries. Prints figures only; timing is never asserted (machines differ).
//
//   npm run bench:register [-- --queries 10000 --seed 42]
//
// The TypeScript modules are loaded with jiti (installed with vite/prisma); "server-only"
// is aliased to its empty export, as the react-server condition does inside Next.js.

import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createJiti } from "jiti";
import { percentile } from "./lib/stats.mjs";
import { parseArgsOrExit } from "./lib/args.mjs";
import { createPrng } from "./lib/prng.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

const { values: opts } = parseArgsOrExit(
  process.argv.slice(2),
  { queries: { type: "number", default: 10_000 }, seed: { type: "number", default: 42 } },
  { unknown: (a) => `Unbekannte Option: ${a}. Erlaubt: --queries N, --seed N.` },
);
const QUERIES = opts.queries;
const SEED = opts.seed;
const WARMUP = 500;

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (v) => `${v.toFixed(3)} ms`;

const jiti = createJiti(import.meta.url, {
  alias: { "server-only": join(dirname(require.resolve("server-only")), "empty.js") },
  fsCache: false,
});

const register = await jiti.import(join(ROOT, "lib/municipalities/register.ts"));
const { STATES } = await jiti.import(join(ROOT, "lib/profile/states.ts"));

// With --expose-gc (as in the npm script) the heap figures are what the register retains.
const gc = typeof globalThis.gc === "function" ? globalThis.gc : () => {};
gc();
const memBefore = process.memoryUsage();
const t0 = performance.now();
const { rows, gebietsstand } = register.getRegister();
const loadMs = performance.now() - t0;
gc();
const memAfter = process.memoryUsage();

const random = createPrng(SEED);
const pick = (list) => list[Math.floor(random() * list.length)];
const int = (min, max) => min + Math.floor(random() * (max - min + 1));
const stateCodes = STATES.map((s) => s.code);
const umlautNames = rows.filter((r) => /[äöüß]/i.test(r.nameShort));

function queryOf(kind) {
  const name = pick(rows).nameShort;
  switch (kind) {
    case "prefix":
      return name.slice(0, int(2, 12));
    case "substring": {
      const start = int(0, Math.max(0, name.length - 3));
      return name.slice(start, start + int(2, 8));
    }
    case "umlaut": {
      const variant = pick([
        { ä: "ae", ö: "oe", ü: "ue", ß: "ss", Ä: "Ae", Ö: "Oe", Ü: "Ue" },
        { ä: "a", ö: "o", ü: "u", ß: "sz", Ä: "A", Ö: "O", Ü: "U" },
      ]);
      const spelled = pick(umlautNames).nameShort.replace(/[äöüßÄÖÜ]/g, (c) => variant[c]);
      return spelled.slice(0, int(3, 14)).toLowerCase();
    }
    case "words":
      return `${name.slice(0, int(3, 8))} ${pick(rows).kreis.slice(0, int(2, 6))}`;
    default: {
      // Misses: random consonant clusters, mostly found nowhere.
      const letters = "bcdfghjklmnpqrstvwxz";
      return Array.from({ length: int(2, 12) }, () => letters[int(0, letters.length - 1)]).join("");
    }
  }
}

const KINDS = [
  ["prefix", 0.45],
  ["substring", 0.2],
  ["umlaut", 0.15],
  ["words", 0.05],
  ["miss", 0.15],
];
function randomQuery() {
  let r = random();
  let kind = "miss";
  for (const [k, share] of KINDS) {
    if (r < share) {
      kind = k;
      break;
    }
    r -= share;
  }
  const withState = random() < 0.3;
  return {
    kind,
    params: { q: queryOf(kind), state: withState ? pick(stateCodes) : undefined, limit: pick([5, 10, 10, 10, 20]) },
  };
}

const coldStart = performance.now();
register.searchMunicipalities({ q: "gross", limit: 10 });
const coldMs = performance.now() - coldStart;

for (let i = 0; i < WARMUP; i++) register.searchMunicipalities(randomQuery().params);

const times = [];
const byKind = new Map();
let hits = 0;
for (let i = 0; i < QUERIES; i++) {
  const { kind, params } = randomQuery();
  const start = performance.now();
  const result = register.searchMunicipalities(params);
  const elapsed = performance.now() - start;
  times.push(elapsed);
  if (!byKind.has(kind)) byKind.set(kind, []);
  byKind.get(kind).push(elapsed);
  if (result.length > 0) hits++;
}
times.sort((a, b) => a - b);

console.log(`Municipality register benchmark (Node ${process.version}, ${process.arch}, seed ${SEED})`);
console.log(`  rows                 ${rows.length} (Gebietsstand ${gebietsstand})`);
console.log(`  load                 ${ms(loadMs)} (read + JSON.parse + zod + index, first call)`);
console.log(
  `  heap used            ${mb(memBefore.heapUsed)} before the first call, ${mb(memAfter.heapUsed)} after load ${typeof globalThis.gc === "function" ? "(after GC)" : "(no GC: run with --expose-gc)"}`,
);
console.log(`  rss                  ${mb(memAfter.rss)} after load, ${mb(process.memoryUsage().rss)} at the end`);
console.log(`  first search         ${ms(coldMs)} (cold)`);
console.log(`  searches             ${QUERIES} after ${WARMUP} warm-up, ${hits} with at least one hit`);
console.log(`  median               ${ms(percentile(times, 50))}`);
console.log(`  p95                  ${ms(percentile(times, 95))}`);
console.log(`  p99                  ${ms(percentile(times, 99))}`);
console.log(`  max                  ${ms(times.at(-1))}`);
for (const [kind] of KINDS) {
  const t = (byKind.get(kind) ?? []).sort((a, b) => a - b);
  if (t.length)
    console.log(
      `    ${kind.padEnd(10)} n=${String(t.length).padEnd(5)} median ${ms(percentile(t, 50))}  p95 ${ms(percentile(t, 95))}`,
    );
}
