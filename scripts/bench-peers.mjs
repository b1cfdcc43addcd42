#!/usr/bin/env node
// Measures the peer comparison on a realistic pool, in-process (server time only, no HTTP):
// a separate SQLite database in a temporary directory (never prisma/dev.db) is migrated and
// filled with 11,000 submitted assessments: every municipality of the official register once
// (10,747) plus repeat submissions of randomly chosen ones, whose older submissions are not
// peerCurrent (the "latest submission counts" rule). Answers are drawn from the national 2020
// shares as in scripts/lib/fixtures.mjs. Prints figures only; timing is never asserted.
//
//   npm run bench [-- --count 11000 --runs 300 --warmup 30 --cold 20 --seed 2020 --keep]
//   npm run bench -- --scenario chains [options of scripts/bench-chains.mjs]: ten yearly waves (docs/adr/0010-year-after-year.md)
//
// --keep leaves the temporary database in place (its path is printed); otherwise it is deleted.
//
// The data is generated and inserted by a child process (this script with --fill), so that the
// measuring process holds only what a server process holds and its peak memory (maxRSS) means
// something; the child's peak is printed separately.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { randomUUID } from "node:crypto";
import { ROOT, buildSubmitted, insertBatched, loadLib, migrate } from "./lib/fixtures.mjs";
import { percentile } from "./lib/stats.mjs";
import { integerFrom1, parseArgsOrExit } from "./lib/args.mjs";
import { createPrng } from "./lib/prng.mjs";

// `npm run bench -- --scenario chains …`: year after year at scale (scripts/bench-chains.mjs).
const scenarioAt = process.argv.indexOf("--scenario");
if (scenarioAt !== -1) {
  const scenario = process.argv[scenarioAt + 1];
  if (scenario !== "chains" && scenario !== "peers") {
    console.error("--scenario erwartet peers (Vorgabe) oder chains.");
    process.exit(1);
  }
  if (scenario === "chains") {
    const rest = process.argv.slice(2).filter((_, i) => i !== scenarioAt - 2 && i !== scenarioAt - 1);
    const r = spawnSync(process.execPath, [...process.execArgv, "scripts/bench-chains.mjs", ...rest], {
      cwd: ROOT,
      stdio: "inherit",
    });
    process.exit(r.status ?? 1);
  }
  process.argv.splice(scenarioAt, 2);
}

const { values: opts } = parseArgsOrExit(
  process.argv.slice(2),
  {
    count: { type: "number", default: 11_000, parse: integerFrom1 },
    runs: { type: "number", default: 300, parse: integerFrom1 },
    warmup: { type: "number", default: 30, parse: integerFrom1 },
    cold: { type: "number", default: 20, parse: integerFrom1 },
    seed: { type: "number", default: 2020, parse: integerFrom1 },
    keep: { type: "boolean" },
    fill: { type: "boolean" }, // the child process that generates and inserts the data
  },
  {
    exitCode: 1,
    unknown: (a) => `Unbekannte Option: ${a}. Erlaubt: --count N, --runs N, --warmup N, --cold N, --seed N, --keep.`,
  },
);
const COUNT = opts.count;
const RUNS = opts.runs;
const WARMUP = opts.warmup;
const COLD = opts.cold;
const SEED = opts.seed;
const KEEP = opts.keep;
const FILL = opts.fill;

const gc = typeof globalThis.gc === "function" ? globalThis.gc : () => {};
const fmtMs = (v) => v.toFixed(2).padStart(9);
const fmtInt = (n) => n.toLocaleString("en-US");
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const maxRssMb = () => process.resourceUsage().maxRSS / 1024; // maxRSS is in kilobytes

/** Loads the app for the database of DATABASE_URL, refusing anything but the expected file. */
async function openLib(url) {
  const lib = await loadLib();
  if (lib.getEnv().DATABASE_URL !== url)
    throw new Error(`refusing to run: the app would use ${lib.getEnv().DATABASE_URL}, not ${url}`);
  return lib;
}

/**
 * Child process: every register municipality once, then repeat submissions of municipalities
 * drawn without replacement (with replacement only once the register is exhausted). Writes one
 * JSON line for the parent; the token opens one current assessment in DE-BY lt_5000 (temporary DB).
 */
async function fill(url) {
  const lib = await openLib(url);
  try {
    const random = createPrng(SEED);
    // The units of the frame (administrations: docs/adr/0013-administrations-as-units.md).
    const { gebietsstand } = lib.getRegister();
    const rows = lib.getUnits();
    const pool = [...rows];
    const submissions = new Map(); // unit key -> number of submissions
    const order = [];
    for (let i = 0; i < COUNT; i++) {
      if (pool.length === 0) pool.push(...rows);
      const j = Math.floor(random() * pool.length);
      const row = pool[j];
      pool[j] = pool[pool.length - 1];
      pool.pop();
      if (!submissions.has(row.key)) order.push(row);
      submissions.set(row.key, (submissions.get(row.key) ?? 0) + 1);
    }
    const now = Date.now();
    let token = null;
    const t0 = performance.now();
    const built = [];
    for (const row of order) {
      const n = submissions.get(row.key);
      // Submission dates within the last 180 days; the latest one is the current one.
      const dates = Array.from({ length: n }, () => now - Math.round(random() * 180 * 86_400_000)).sort(
        (a, b) => a - b,
      );
      const m = {
        name: row.nameShort,
        state: row.state,
        population: row.population,
        sizeClass: row.sizeClass,
        ags: row.ags,
        agsGebietsstand: gebietsstand,
        unitKind: row.kind,
        unitKey: row.key,
        memberCount: row.memberCount,
        key: lib.municipalityKey({ unitKey: row.key, name: row.nameShort, state: row.state }),
      };
      dates.forEach((d, i) => {
        const b = buildSubmitted(lib, random, { ...m, peerCurrent: i === n - 1 }, new Date(d));
        built.push(b);
        if (!token && i === n - 1 && row.state === "DE-BY" && row.sizeClass === "lt_5000") token = b.token;
      });
    }
    // Every unit took part with its participation code: one code per unit, all assessments verified.
    const codeOf = new Map(order.map((row) => [row.key, randomUUID()]));
    const codes = order.map((row) => ({
      id: codeOf.get(row.key),
      codeHash: randomUUID(),
      unitKey: row.key,
      status: "active",
      issuedAt: new Date(now),
    }));
    const assessments = built.map((b) => ({
      ...b.row,
      verifiedCodeId: codeOf.get(b.row.unitKey),
      verifiedAt: b.row.submittedAt,
    }));
    const answers = built.flatMap((b) => b.answers);
    const generateMs = performance.now() - t0;
    const t1 = performance.now();
    await lib.db.$transaction(
      async (tx) => {
        for (let i = 0; i < codes.length; i += 400)
          await tx.participationCode.createMany({ data: codes.slice(i, i + 400) });
        await insertBatched(tx, assessments, answers);
      },
      { timeout: 600_000, maxWait: 10_000 },
    );
    const insertMs = performance.now() - t1;
    // The first releases: every municipality's contribution, then each cell with ≥ k changes is released.
    const t2 = performance.now();
    await lib.db.$transaction((tx) => lib.refreshWholePeerPool(tx), { timeout: 600_000, maxWait: 10_000 });
    const releaseAllMs = performance.now() - t2;
    process.stdout.write(`${JSON.stringify({ generateMs, insertMs, releaseAllMs, token, maxRssMb: maxRssMb() })}\n`);
  } finally {
    await lib.db.$disconnect();
  }
}

async function bench() {
  const dir = mkdtempSync(join(tmpdir(), "kdc-bench-"));
  const dbFile = join(dir, "bench.db");
  const url = `file:${dbFile}`;
  // Must be set before any lib module is loaded: lib/env.ts reads DATABASE_URL once.
  process.env.DATABASE_URL = url;
  let db;
  try {
    migrate({ ...process.env, DATABASE_URL: url });
    const child = spawnSync(
      process.execPath,
      [fileURLToPath(import.meta.url), "--fill", "--count", String(COUNT), "--seed", String(SEED)],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: url },
        encoding: "utf8",
        maxBuffer: 1 << 20,
      },
    );
    if (child.status !== 0) throw new Error(`filling the benchmark database failed:\n${child.stderr}${child.stdout}`);
    const filled = JSON.parse(child.stdout.trim().split("\n").at(-1));

    const lib = await openLib(url);
    db = lib.db;
    const [stats] = await db.$queryRawUnsafe(
      `SELECT COUNT(*) AS "n", SUM(CASE WHEN "peerCurrent" THEN 1 ELSE 0 END) AS "current", COUNT(DISTINCT "municipalityKey") AS "keys",
              SUM(CASE WHEN "status" = 'submitted' THEN 1 ELSE 0 END) AS "submitted" FROM "Assessment"`,
    );
    // Latest-submission rule: no current row has a later submission of the same municipality.
    const [violations] = await db.$queryRawUnsafe(
      `SELECT COUNT(*) AS "n" FROM "Assessment" a WHERE a."peerCurrent" = true
         AND EXISTS (SELECT 1 FROM "Assessment" b WHERE b."municipalityKey" = a."municipalityKey" AND b."submittedAt" > a."submittedAt")`,
    );
    const answerRows = Number((await db.$queryRawUnsafe(`SELECT COUNT(*) AS "n" FROM "Answer"`))[0].n);
    const dbBytes = ["", "-wal", "-shm", "-journal"]
      .map((s) => dbFile + s)
      .filter(existsSync)
      .reduce((n, f) => n + statSync(f).size, 0);

    const must = (r) => {
      if (!r.ok) throw new Error(`unexpected error: ${JSON.stringify(r.error)}`);
      return r.value;
    };
    async function measure(fn, runs, warmup) {
      for (let i = 0; i < warmup; i++) must(await fn());
      gc();
      const times = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await fn();
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b);
    }
    // What app/a/[token]/ergebnis/page.tsx does on the server.
    const resultsPage = async () => {
      const { benchmark: b, assessment } = must(await lib.getBenchmark(filled.token));
      return lib.getPeerView(
        { state: b.municipality.state, sizeClass: b.municipality.sizeClass },
        { ...assessment, indexScore: b.index.score },
      );
    };
    const cases = [
      ["(a) getPeerView({})", () => lib.getPeerView({})],
      ['(b) getPeerView({ state: "DE-BY" })', () => lib.getPeerView({ state: "DE-BY" })],
      [
        '(c) getPeerView({ state: "DE-BY", sizeClass: "lt_5000" })',
        () => lib.getPeerView({ state: "DE-BY", sizeClass: "lt_5000" }),
      ],
      ["(d) results page: getBenchmark + getPeerView(own cell, own index)", resultsPage],
      ["    of which getBenchmark(token) alone", () => lib.getBenchmark(filled.token)],
      [
        "    version check alone (readPeerPoolVersion)",
        async () => ({ ok: true, value: await lib.readPeerPoolVersion() }),
      ],
    ];

    // The very first call of the process: cache empty, modules and query plans cold.
    const firstStart = performance.now();
    const firstView = must(await lib.getPeerView({}));
    const firstMs = performance.now() - firstStart;
    const peersBy = must(await lib.getPeerView({ state: "DE-BY" })).count;
    const peersCell = must(await lib.getPeerView({ state: "DE-BY", sizeClass: "lt_5000" })).count;
    const ownBand = must(await resultsPage()).ownBand;

    const warm = [];
    for (const [label, fn] of cases) warm.push([label, await measure(fn, RUNS, WARMUP)]);

    // Cold: a release of the largest cell (what the submission that completes it pays, in its own
    // transaction), then the first read after it, which loads the released cells again.
    const cold = [];
    const releases = [];
    for (let i = 0; i < COLD; i++) {
      gc();
      const r0 = performance.now();
      await db.$transaction((tx) => lib.releaseCell(tx, "DE-BY", "lt_5000", new Date()));
      releases.push(performance.now() - r0);
      const start = performance.now();
      must(await lib.getPeerView({}));
      cold.push(performance.now() - start);
    }
    cold.sort((a, b) => a - b);
    releases.sort((a, b) => a - b);

    const line = (label, value) => console.log(`  ${label.padEnd(30)} ${value}`);
    console.log(
      `Peer comparison benchmark (Node ${process.version}, ${process.arch}, SQLite via @prisma/adapter-better-sqlite3, seed ${SEED})`,
    );
    console.log("");
    console.log("Database");
    line("file", `${dbFile} (${KEEP ? "kept" : "deleted at the end"})`);
    line(
      "assessments",
      `${fmtInt(Number(stats.n))} (${fmtInt(Number(stats.submitted))} submitted, ${fmtInt(Number(stats.keys))} distinct municipalities)`,
    );
    line(
      "peerCurrent",
      `${fmtInt(Number(stats.current))} (${fmtInt(Number(stats.n) - Number(stats.current))} older repeat submissions not current; rule violations: ${Number(violations.n)})`,
    );
    line("answer rows", fmtInt(answerRows));
    line("file size", mb(dbBytes));
    line("generate", `${(filled.generateMs / 1000).toFixed(2)} s (sampling, index scores, token hashes)`);
    line(
      "insert",
      `${(filled.insertMs / 1000).toFixed(2)} s (createMany, 500 assessments / 5,000 answers per batch, one transaction)`,
    );
    line(
      "first releases",
      `${(filled.releaseAllMs / 1000).toFixed(2)} s (refreshWholePeerPool: every municipality, then every cell)`,
    );
    line(
      "peers shown",
      `all ${fmtInt(firstView.count)}, DE-BY ${fmtInt(peersBy)}, DE-BY lt_5000 ${fmtInt(peersCell)} (cells with < k never count)`,
    );
    line("own band (results page)", `${ownBand ?? "none"} (against the published quartiles)`);
    console.log("");
    const w = Math.max(...cases.map(([l]) => l.length));
    const header = () =>
      console.log(`  ${"".padEnd(w)}  ${"median".padStart(9)}  ${"p95".padStart(9)}  ${"max".padStart(9)}`);
    console.log(`Server time, warm (cache valid), ms: ${RUNS} runs after ${WARMUP} warm-up runs each`);
    header();
    for (const [label, t] of warm)
      console.log(`  ${label.padEnd(w)}  ${fmtMs(percentile(t, 50))}  ${fmtMs(percentile(t, 95))}  ${fmtMs(t.at(-1))}`);
    console.log("");
    console.log(`Server time, after a release (docs/adr/0005), ms: ${COLD} runs`);
    header();
    console.log(
      `  ${"release of DE-BY lt_5000 (in its transaction)".padEnd(w)}  ${fmtMs(percentile(releases, 50))}  ${fmtMs(percentile(releases, 95))}  ${fmtMs(releases.at(-1))}`,
    );
    console.log(
      `  ${"(a) getPeerView({}), first read after it".padEnd(w)}  ${fmtMs(percentile(cold, 50))}  ${fmtMs(percentile(cold, 95))}  ${fmtMs(cold.at(-1))}`,
    );
    console.log(`  ${"    very first call of the process (1 run)".padEnd(w)}  ${fmtMs(firstMs)}`);
    console.log("");
    console.log("Memory");
    line(
      "peak (maxRSS), this process",
      `${maxRssMb().toFixed(1)} MB (app modules, register, Prisma client, peer cache, measurements)`,
    );
    gc();
    const end = process.memoryUsage();
    line(
      "at the end, after GC",
      `rss ${mb(end.rss)}, heap used ${mb(end.heapUsed)}${typeof globalThis.gc === "function" ? "" : " (no GC: run with --expose-gc)"}`,
    );
    line(
      "peak (maxRSS), fill process",
      `${filled.maxRssMb.toFixed(1)} MB (generating and inserting the data; not the app)`,
    );
  } finally {
    await db?.$disconnect();
    if (!KEEP) rmSync(dir, { recursive: true, force: true });
  }
}

process.chdir(ROOT);
if (FILL) {
  // Only ever the temporary database the parent created: never prisma/dev.db.
  const url = process.env.DATABASE_URL ?? "";
  if (!url.startsWith(`file:${join(tmpdir(), "kdc-bench-")}`)) {
    console.error("--fill ist nur für den Aufruf durch npm run bench gedacht (temporäre Datenbank).");
    process.exit(1);
  }
  await fill(url);
} else await bench();
