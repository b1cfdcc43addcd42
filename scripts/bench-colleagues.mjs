#!/usr/bin/env node
// Measures the comparison of colleagues' answers (docs/adr/0014-colleagues.md): what
// GET /api/assessments/{token}/colleagues/comparison and the page /a/{token}/kollegium compute on the
// server (the database reads of lib/colleagues/get-comparison.ts and the disagreement measures), for one
// assessment with 20 colleagues who answered every question. Prints figures only; timing is never asserted.
//
//   npm run bench:colleagues [-- --runs 200 --warmup 20 --colleagues 20 --seed 2020]
//
// A temporary SQLite database (never prisma/dev.db) is migrated and filled through the use cases themselves
// (createInvitation, saveColleagueAnswers), then getComparison runs --warmup times and --runs times measured.
// The temporary database is deleted, also on error or Ctrl-C.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSubmitted, insertBatched, loadLib, migrate, sampleAnswers } from "./lib/fixtures.mjs";
import { percentile } from "./lib/stats.mjs";
import { integerFrom1, parseArgsOrExit } from "./lib/args.mjs";
import { createPrng } from "./lib/prng.mjs";

const { values: opts } = parseArgsOrExit(
  process.argv.slice(2),
  {
    runs: { type: "number", default: 200, parse: integerFrom1 },
    warmup: { type: "number", default: 20, parse: integerFrom1 },
    colleagues: { type: "number", default: 20, parse: integerFrom1 },
    seed: { type: "number", default: 2020, parse: integerFrom1 },
  },
  {
    exitCode: 1,
    unknown: (a) => `Unbekannte Option: ${a}. Erlaubt: --runs N, --warmup N, --colleagues N (höchstens 20), --seed N.`,
  },
);
if (opts.colleagues > 20) {
  console.error("Höchstens 20 Kolleginnen und Kollegen je Selbsteinschätzung (--colleagues).");
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), "kdc-bench-colleagues-"));
const cleanup = () => rmSync(dir, { recursive: true, force: true });
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    cleanup();
    process.exit(130);
  });

try {
  const url = `file:${join(dir, "bench.db")}`;
  // Before any lib module is loaded: lib/env.ts reads DATABASE_URL once.
  process.env.DATABASE_URL = url;
  migrate({ ...process.env, DATABASE_URL: url });
  const lib = await loadLib([
    "lib/colleagues/create-invitation.ts",
    "lib/colleagues/save-colleague-answers.ts",
    "lib/colleagues/get-comparison.ts",
  ]);
  if (lib.getEnv().DATABASE_URL !== url)
    throw new Error(`refusing to run: the app would use ${lib.getEnv().DATABASE_URL}, not ${url}`);
  const random = createPrng(opts.seed);
  const now = new Date();
  const lead = buildSubmitted(
    lib,
    random,
    {
      name: "Bench-Stadt",
      state: "DE-BY",
      population: 12_000,
      sizeClass: "5000_19999",
      ags: null,
      key: lib.municipalityKey({ name: "Bench-Stadt", state: "DE-BY" }),
      peerCurrent: false,
    },
    now,
  );
  await lib.db.$transaction((tx) =>
    insertBatched(tx, [{ ...lead.row, status: "draft", submittedAt: null }], lead.answers),
  );

  const roles = ["mayor", "digital", "it", "finance", "personnel", "other"];
  for (let i = 0; i < opts.colleagues; i += 1) {
    const made = await lib.createInvitation(lead.token, { role: roles[i % roles.length], label: `Person ${i + 1}` });
    if (!made.ok) throw new Error(`createInvitation: ${JSON.stringify(made.error)}`);
    // Every question answered; every fifth answer left to somebody else.
    const answers = Object.fromEntries(
      Object.entries(sampleAnswers(lib.reference, random)).map(([q, v]) => [q, random() < 0.2 ? "skip" : v]),
    );
    const saved = await lib.saveColleagueAnswers(made.value.token, "bench-colleagues", {
      readable: true,
      value: { version: 1, answers },
    });
    if (!saved.ok) throw new Error(`saveColleagueAnswers: ${JSON.stringify(saved.error)}`);
  }

  const once = async () => {
    const t0 = performance.now();
    const result = await lib.getComparison(lead.token);
    const ms = performance.now() - t0;
    if (!result.ok) throw new Error(`getComparison: ${JSON.stringify(result.error)}`);
    return { ms, result: result.value };
  };
  for (let i = 0; i < opts.warmup; i += 1) await once();
  const times = [];
  let last = null;
  for (let i = 0; i < opts.runs; i += 1) {
    const r = await once();
    times.push(r.ms);
    last = r.result;
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  console.log(
    `Comparison of ${opts.colleagues} colleagues + the lead over ${last.questions.length} questions (SQLite, in-process, ${opts.runs} runs after ${opts.warmup} warm-up):`,
  );
  console.log(`  answered ${last.answered}, disputed questions ${last.disputed}`);
  console.log(
    `  median ${percentile(times, 50).toFixed(2)} ms · p95 ${p95.toFixed(2)} ms · max ${times.at(-1).toFixed(2)} ms   target p95 < 50 ms: ${p95 < 50 ? "met" : "NOT met"}`,
  );
  await lib.db.$disconnect();
} finally {
  cleanup();
}
