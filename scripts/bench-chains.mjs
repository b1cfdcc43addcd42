#!/usr/bin/env node
// Year after year at scale (docs/adr/0010-year-after-year.md), in-process like scripts/bench-peers.mjs: server time only, no HTTP.
//
//   npm run bench -- --scenario chains [--db sqlite|postgresql|both --years 10 --municipalities 5029
//                                       --runs 200 --warmup 20 --seed 2020]
//
// Per database, a fresh one (a temporary SQLite file; a new PostgreSQL database on BENCH_PG_URL, default
// postgresql://root@127.0.0.1:5432/test, dropped at the end) is migrated and filled by a child process
// with `--years` yearly waves of every municipality of the register: chains of verified, submitted
// assessments (the older years superseded, only the newest holding the edit link and counting as a peer),
// answers drawn from the national 2020 shares, three targets on the newest assessment of every chain.
// A second child process then measures what a request costs the server:
//   (a) the results page with history: getBenchmark, the peer view of its cell, the chain, the targets,
//       the comparison with the year before, the history and the plan;
//   (b) the peer views of Germany, a state and a cell;
//   (c) creating a follow-up (each one deleted again, untimed, so that every run starts from the same chain);
//   (d) the PDF report with history and plan: median and the process's peak memory.
// It prints the database sizes. Timing is never asserted; the targets are those of docs/benchmarks.md.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { randomUUID } from "node:crypto";
import { ROOT, buildSubmitted, insertBatched, loadLib, migrate } from "./lib/fixtures.mjs";
import { integerFrom1, parseArgsOrExit } from "./lib/args.mjs";
import { createPrng } from "./lib/prng.mjs";
import { percentile } from "./lib/stats.mjs";
import { createPgDatabase, pgAnswers } from "./lib/load/databases.mjs";
import { onCleanup, runBenchMain } from "./lib/load/run.mjs";

const { values: opts } = parseArgsOrExit(
  process.argv.slice(2),
  {
    db: { type: "string", default: "both", parse: (raw) => raw ?? "both" },
    years: { type: "number", default: 10, parse: integerFrom1 },
    municipalities: { type: "number", default: 0, parse: integerFrom1 },
    runs: { type: "number", default: 200, parse: integerFrom1 },
    warmup: { type: "number", default: 20, parse: integerFrom1 },
    seed: { type: "number", default: 2020, parse: integerFrom1 },
    fill: { type: "boolean" },
    measure: { type: "boolean" },
    token: { type: "string", default: "", parse: (raw) => raw ?? "" },
  },
  {
    exitCode: 1,
    unknown: (a) =>
      `Unbekannte Option: ${a}. Erlaubt: --db sqlite|postgresql|both, --years N, --municipalities N, --runs N, --warmup N, --seed N.`,
  },
);
if (!["sqlite", "postgresql", "both"].includes(opts.db)) {
  console.error("--db erwartet sqlite, postgresql oder both.");
  process.exit(1);
}

const gc = typeof globalThis.gc === "function" ? globalThis.gc : () => {};
const fmtMs = (v) => v.toFixed(2).padStart(9);
const fmtInt = (n) => Number(n).toLocaleString("en-US");
const maxRssMb = () => process.resourceUsage().maxRSS / 1024;
const YEAR_MS = 365 * 86_400_000;

const loadChainLib = () =>
  loadLib([
    "lib/assessment/create-follow-up.ts",
    "lib/assessment/load-year-view.ts",
    "lib/assessment/create-report.ts",
    "lib/benchmark/year-over-year.ts",
    "lib/benchmark/targets.ts",
    "lib/assessment/delete-assessment.ts",
    "lib/lagebild/get-lagebild.ts",
    "lib/lagebild/build-lagebild.ts",
    "lib/lagebild/lagebild-tables.ts",
    "lib/lagebild/lagebild-xlsx.ts",
    "lib/report/render-lagebild.ts",
  ]);

/** Child: the chains, in slices of 500 municipalities per transaction so that memory stays flat. */
async function fill() {
  const lib = await loadLib();
  try {
    const random = createPrng(opts.seed);
    // The units of the frame (administrations: docs/adr/0013-administrations-as-units.md).
    const { gebietsstand } = lib.getRegister();
    const rows = lib.getUnits();
    const chosen = opts.municipalities ? rows.slice(0, opts.municipalities) : rows;
    const now = Date.now();
    const t0 = performance.now();
    let token = null;
    let inBavaria = false;
    let assessments = 0;
    let answers = 0;
    for (let start = 0; start < chosen.length; start += 500) {
      const slice = chosen.slice(start, start + 500);
      const codes = [];
      const built = [];
      const targets = [];
      for (const row of slice) {
        const codeId = randomUUID();
        codes.push({ id: codeId, codeHash: randomUUID(), unitKey: row.key, status: "active", issuedAt: new Date(now) });
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
        let chainId = null;
        let previousId = null;
        for (let y = 0; y < opts.years; y++) {
          const newest = y === opts.years - 1;
          const at = new Date(now - (opts.years - 1 - y) * YEAR_MS - Math.round(random() * 30 * 86_400_000));
          const b = buildSubmitted(lib, random, { ...m, peerCurrent: newest }, at);
          chainId ??= b.row.id;
          Object.assign(b.row, {
            chainId,
            previousId,
            superseded: !newest,
            tokenHash: newest ? b.row.tokenHash : null,
            verifiedCodeId: codeId,
            verifiedAt: at,
          });
          previousId = b.row.id;
          built.push(b);
          if (newest) {
            targets.push(
              {
                assessmentId: b.row.id,
                questionId: "e_file",
                optionId: "in_use",
                year: new Date(now).getFullYear() + 2,
                responsible: "Hauptamt",
              },
              {
                assessmentId: b.row.id,
                questionId: "citizen_app",
                optionId: "in_use",
                year: new Date(now).getFullYear() + 3,
                responsible: "Bürgerservice",
              },
              {
                assessmentId: b.row.id,
                questionId: "digital_strategy",
                optionId: "central",
                year: new Date(now).getFullYear() + 1,
                responsible: "Bürgermeisteramt",
              },
            );
            // The measured municipality: one in Bavaria's smallest size class (the largest cell), else the first.
            if (!inBavaria && row.state === "DE-BY" && row.sizeClass === "lt_5000") {
              token = b.token;
              inBavaria = true;
            }
            token ??= b.token;
          }
        }
        // A target must lie above today's answer; in the filled data it is simply there, as a plan to show.
      }
      const rowsA = built.map((b) => b.row);
      const rowsW = built.flatMap((b) => b.answers);
      assessments += rowsA.length;
      answers += rowsW.length;
      await lib.db.$transaction(
        async (tx) => {
          await tx.participationCode.createMany({ data: codes });
          await insertBatched(tx, rowsA, rowsW);
          await tx.target.createMany({ data: targets });
        },
        { timeout: 600_000, maxWait: 10_000 },
      );
    }
    const insertMs = performance.now() - t0;
    const t1 = performance.now();
    await lib.db.$transaction((tx) => lib.refreshWholePeerPool(tx), { timeout: 600_000, maxWait: 10_000 });
    const releaseMs = performance.now() - t1;
    process.stdout.write(
      `${JSON.stringify({ token, assessments, answers, insertMs, releaseMs, maxRssMb: maxRssMb() })}\n`,
    );
  } finally {
    await lib.db.$disconnect();
  }
}

/** Child: the measurements on the filled database; prints a JSON line. */
async function measure(token) {
  const lib = await loadChainLib();
  const must = (r) => {
    if (!r.ok) throw new Error(`unexpected error: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  const time = async (fn, runs, warmup) => {
    for (let i = 0; i < warmup; i++) await fn();
    gc();
    const t = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      await fn();
      t.push(performance.now() - s);
    }
    return t.sort((a, b) => a - b);
  };
  try {
    const ref = lib.reference;
    const resultsPage = async () => {
      const { benchmark: b, assessment } = must(await lib.getBenchmark(token));
      // As app/a/[token]/ergebnis/page.tsx reads it.
      const [peers, { chain, targets }] = await Promise.all([
        lib.getPeerView(
          { state: b.municipality.state, sizeClass: b.municipality.sizeClass },
          { ...assessment, indexScore: b.index.score },
        ),
        lib.loadYearView(assessment),
      ]);
      must(peers);
      const { comparison, history } = lib.yearsView(ref, chain);
      const plan = lib.buildPlan(ref, assessment.answers, targets);
      return { comparison, history, plan };
    };
    const sample = await resultsPage();
    const results = await time(resultsPage, opts.runs, opts.warmup);
    const peersAll = await time(async () => must(await lib.getPeerView({})), opts.runs, opts.warmup);
    const peersState = await time(async () => must(await lib.getPeerView({ state: "DE-BY" })), opts.runs, opts.warmup);
    const peersCell = await time(
      async () => must(await lib.getPeerView({ state: "DE-BY", sizeClass: "lt_5000" })),
      opts.runs,
      opts.warmup,
    );
    // The Lagebild (docs/adr/0011-lagebild-estimate.md): warm reads per filter, and its XLSX (built from the same model).
    const lagebild = await time(async () => must(await lib.getLagebild({})), opts.runs, opts.warmup);
    const lagebildState = await time(
      async () => must(await lib.getLagebild({ state: "DE-BY" })),
      opts.runs,
      opts.warmup,
    );
    const cells = await lib.loadPeerCells();
    const lagebildBuild = await time(
      async () =>
        lib.buildLagebild({
          cells,
          registerCount: lib.countUnits,
          filter: {},
          k: lib.getEnv().PEER_K,
          ref,
        }),
      opts.runs,
      opts.warmup,
    );
    const xlsx = await time(
      async () => lib.renderLagebildXlsx(lib.lagebildTables(ref, must(await lib.getLagebild({}))), new Date()),
      20,
      3,
    );
    const lagebildPdf = await time(
      async () => lib.renderLagebildReport(ref, must(await lib.getLagebild({})), new Date()),
      20,
      3,
    );
    const followUps = [];
    for (let i = 0; i < Math.min(50, opts.runs); i++) {
      const s = performance.now();
      must(await lib.createFollowUp(token));
      followUps.push(performance.now() - s);
      must(await lib.deleteAssessment(token, "latest"));
    }
    followUps.sort((a, b) => a - b);
    const now = new Date();
    let pages = 0;
    const pdf = await time(
      async () => {
        const r = must(await lib.createReport(token, now));
        pages = (r.pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
      },
      20,
      3,
    );
    process.stdout.write(
      `${JSON.stringify({
        years: sample.history.length,
        changes: sample.comparison.changes.length,
        planRows: sample.plan.length,
        results,
        peersAll,
        peersState,
        peersCell,
        followUps,
        pdf,
        pages,
        lagebild,
        lagebildState,
        lagebildBuild,
        xlsx,
        lagebildPdf,
        maxRssMb: maxRssMb(),
      })}\n`,
    );
  } finally {
    await lib.db.$disconnect();
  }
}

/** A child process; `heapMb`: the measuring one gets the server's heap limit, the filling one (not the app) more. */
function child(args, env, heapMb = 384) {
  const r = spawnSync(
    process.execPath,
    ["--expose-gc", `--max-old-space-size=${heapMb}`, fileURLToPath(import.meta.url), ...args],
    {
      cwd: ROOT,
      env,
      encoding: "utf8",
      maxBuffer: 16 << 20,
    },
  );
  if (r.status !== 0) throw new Error(`${args[0]} failed (${r.status ?? r.signal}):\n${r.stderr}${r.stdout}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1));
}

async function sizes(kind, url, file) {
  if (kind === "sqlite")
    return `${(
      ["", "-wal", "-shm"]
        .map((s) => file + s)
        .filter(existsSync)
        .reduce((n, f) => n + statSync(f).size, 0) /
      2 ** 20
    ).toFixed(0)} MB (file)`;
  const { default: pg } = await import("pg");
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(
      `SELECT pg_database_size(current_database()) AS "all",
              pg_total_relation_size('"Assessment"') AS "assessment", pg_total_relation_size('"Answer"') AS "answer"`,
    );
    const m = (b) => `${(Number(b) / 2 ** 20).toFixed(0)} MB`;
    return `${m(rows[0].all)} (Assessment ${m(rows[0].assessment)}, Answer ${m(rows[0].answer)}, with indexes)`;
  } finally {
    await c.end();
  }
}

async function runOne(kind) {
  let url;
  let file = null;
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "kdc-chains-"));
    onCleanup(() => rmSync(dir, { recursive: true, force: true }));
    file = join(dir, "chains.db");
    url = `file:${file}`;
  } else {
    if (!(await pgAnswers())) {
      console.log("PostgreSQL: not reachable (BENCH_PG_URL); skipped.");
      return;
    }
    url = (await createPgDatabase("chains")).url;
  }
  const env = { ...process.env, DATABASE_URL: url, NODE_ENV: "production" };
  migrate(env);
  const filled = child(
    [
      "--fill",
      "--years",
      String(opts.years),
      "--seed",
      String(opts.seed),
      ...(opts.municipalities ? ["--municipalities", String(opts.municipalities)] : []),
    ],
    env,
    2048,
  );
  const m = child(
    ["--measure", "--token", filled.token, "--runs", String(opts.runs), "--warmup", String(opts.warmup)],
    env,
  );
  const row = (label, t) =>
    console.log(`  ${label.padEnd(58)} ${fmtMs(percentile(t, 50))} ${fmtMs(percentile(t, 95))} ${fmtMs(t.at(-1))}`);
  console.log(
    `\n${kind === "sqlite" ? "SQLite" : "PostgreSQL"}: ${fmtInt(filled.assessments)} submitted assessments in chains of ${opts.years}, ${fmtInt(filled.answers)} answer rows`,
  );
  console.log(`  database size                                              ${await sizes(kind, url, file)}`);
  console.log(
    `  fill ${(filled.insertMs / 1000).toFixed(1)} s, first releases ${(filled.releaseMs / 1000).toFixed(1)} s, fill process peak ${filled.maxRssMb.toFixed(0)} MB`,
  );
  console.log(
    `  results page shows ${m.years} years, ${m.changes} changes since the year before, ${m.planRows} plan rows; PDF ${m.pages} pages`,
  );
  console.log(`  ${"ms".padEnd(58)} ${"median".padStart(9)} ${"p95".padStart(9)} ${"max".padStart(9)}`);
  row("(a) results page with history and plan          target p95 < 50", m.results);
  row("(b) peers: Germany                              target p95 < 50", m.peersAll);
  row("    peers: DE-BY", m.peersState);
  row("    peers: DE-BY lt_5000", m.peersCell);
  row("(c) creating a follow-up                        target < 50", m.followUps);
  row("(d) PDF with history and plan                   target median < 200", m.pdf);
  row("(e) Lagebild, Germany (warm)                 target p95 < 100", m.lagebild);
  row("    Lagebild, DE-BY (warm)", m.lagebildState);
  row("    Lagebild, Germany, built anew (as after a release)", m.lagebildBuild);
  row("(f) Lagebild as XLSX                            target < 500", m.xlsx);
  row("(g) Lagebild as PDF                             target median < 500", m.lagebildPdf);
  console.log(
    `  peak memory of the measuring process (maxRSS)              ${m.maxRssMb.toFixed(0)} MB   target < 300 MB`,
  );
}

if (opts.fill) await fill();
else if (opts.measure) await measure(opts.token);
else
  await runBenchMain("bench (chains)", async () => {
    console.log(`Year after year, Node ${process.version}, seed ${opts.seed}`);
    for (const kind of opts.db === "both" ? ["sqlite", "postgresql"] : [opts.db]) await runOne(kind);
    return 0;
  });
