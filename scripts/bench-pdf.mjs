#!/usr/bin/env node
// Measures the PDF report (lib/report) in two ways. Prints figures only; timing is never asserted.
//
//   npm run bench:pdf [-- --runs 50 --warmup 5 --concurrency 20 --sequential 8 --seed 2020 --port 3210
//                         --no-server --no-in-process --out report.pdf]
//
// (a) In-process: a temporary SQLite database (never prisma/dev.db) is migrated and filled with
//     the own assessment plus 5 more submitted municipalities of its cell (state × size class),
//     so the report has a peer group with figures. The benchmark and the peer view are read once;
//     then buildReportModel + renderReport run --warmup times, and --runs times measured.
// (b) Against the production server: `node scripts/start.mjs` on --port (default 3210) with its
//     own fresh temporary database; six submitted assessments are created through the API (own
//     cell ≥ k), one report is requested alone (the first of the process), then --concurrency
//     requests of the same report at once, then --sequential more one at a time (server time
//     without queueing). The server's peak memory is VmHWM of the serving process (next-server,
//     or scripts/serve.mjs where start.mjs runs Next behind node:http), read from /proc before
//     the server is stopped.
// The server is always stopped and the temporary databases deleted, also on error or Ctrl-C.
// --out FILE writes the in-process PDF for inspection.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createJiti } from "jiti";
import {
  ROOT,
  buildSubmitted,
  bumpPeerPoolVersion,
  insertBatched,
  loadLib,
  migrate,
  sampleAnswers,
} from "./lib/fixtures.mjs";
import { integerFrom1, parseArgsOrExit } from "./lib/args.mjs";
import { createPrng } from "./lib/prng.mjs";
import { summarize } from "./lib/stats.mjs";

const require = createRequire(import.meta.url);

const { values: opts } = parseArgsOrExit(
  process.argv.slice(2),
  {
    runs: { type: "number", default: 50, parse: integerFrom1 },
    warmup: { type: "number", default: 5, parse: integerFrom1 },
    concurrency: { type: "number", default: 20, parse: integerFrom1 },
    sequential: { type: "number", default: 8, parse: integerFrom1 },
    seed: { type: "number", default: 2020, parse: integerFrom1 },
    port: { type: "number", default: 3210, parse: integerFrom1 },
    "no-server": { type: "boolean" },
    "no-in-process": { type: "boolean" },
    out: { type: "string", default: null, parse: (raw) => raw ?? null },
  },
  {
    exitCode: 1,
    unknown: (a) =>
      `Unbekannte Option: ${a}. Erlaubt: --runs N, --warmup N, --concurrency N, --sequential N, --seed N, --port P, --no-server, --no-in-process, --out DATEI.`,
  },
);
const RUNS = opts.runs;
const WARMUP = opts.warmup;
const CONCURRENCY = opts.concurrency;
const SEQUENTIAL = opts.sequential;
const SEED = opts.seed;
const PORT = opts.port;
const NO_SERVER = opts.noServer;
const NO_IN_PROCESS = opts.noInProcess;
const OUT = opts.out;
const READY_TIMEOUT_MS = 240_000;
// Prisma's CLI would otherwise try to reach its update-check service from migrate (no network here).
process.env.CHECKPOINT_DISABLE ??= "1";

/** The targets the figures are compared against (printed beside them, never asserted). */
const TARGET = { medianMs: 150, p95Ms: 300, peakMb: 300, failed: 0 };

// The own assessment and its cell: Kleinstädte in Sachsen, a name with umlauts and ß.
const OWN = { name: "Bench-Großenhain-Süß", state: "DE-SN", population: 18_500, sizeClass: "5000_19999" };
const PEERS_IN_CELL = 5;

const gc = typeof globalThis.gc === "function" ? globalThis.gc : () => {};
const ms = (v) => `${v.toFixed(1)} ms`;
const mbOf = (bytes) => bytes / 1024 / 1024;
const verdict = (ok) => (ok ? "ok" : "MISSED");
const line = (label, value, target = "") => console.log(`  ${label.padEnd(34)} ${String(value).padEnd(30)} ${target}`);
const vsMs = (v, limit) => `target < ${limit} ms: ${verdict(v < limit)}`;

/** Temporary directories and the server, released by cleanup() in every case. */
const tempDirs = [];
let server = null;

function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

async function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  // start.mjs runs in its own process group (detached): the signal reaches it and next-server.
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    /* already gone */
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
  // Children that outlived start.mjs (same process group).
  try {
    process.kill(-server.pid, "SIGKILL");
  } catch {
    /* none left */
  }
}

function removeTempDirs() {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

async function cleanup() {
  await stopServer();
  removeTempDirs();
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// (a) in-process

async function loadReportModules() {
  const jiti = createJiti(import.meta.url, {
    alias: { "server-only": join(dirname(require.resolve("server-only")), "empty.js"), "@/": `${ROOT}/` },
    fsCache: false,
  });
  const [model, render] = await Promise.all([
    jiti.import(join(ROOT, "lib/report/report-model.ts")),
    jiti.import(join(ROOT, "lib/report/render-report.ts")),
  ]);
  return { buildReportModel: model.buildReportModel, renderReport: render.renderReport };
}

/** The page count, read with pdfjs-dist (no poppler-utils needed); null for a file it cannot read. */
async function pdfPages(file) {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  try {
    const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
    const pages = doc.numPages;
    await doc.destroy();
    return pages;
  } catch {
    return null;
  }
}

async function inProcess() {
  const dir = tempDir("kdc-bench-pdf-");
  const dbFile = join(dir, "bench.db");
  const url = `file:${dbFile}`;
  // Before any lib module is loaded: lib/env.ts reads DATABASE_URL once.
  process.env.DATABASE_URL = url;
  migrate({ ...process.env, DATABASE_URL: url });
  const lib = await loadLib();
  if (lib.getEnv().DATABASE_URL !== url)
    throw new Error(`refusing to run: the app would use ${lib.getEnv().DATABASE_URL}, not ${url}`);
  try {
    const { buildReportModel, renderReport } = await loadReportModules();
    const random = createPrng(SEED);
    const now = new Date();
    const members = [
      OWN,
      ...Array.from({ length: PEERS_IN_CELL }, (_, i) => ({
        ...OWN,
        name: `Bench-Kleinstadt ${i + 1}`,
        population: 6_000 + i * 1_000,
      })),
    ];
    const built = members.map((m) =>
      buildSubmitted(
        lib,
        random,
        { ...m, ags: null, key: lib.municipalityKey({ name: m.name, state: m.state }), peerCurrent: true },
        now,
      ),
    );
    await lib.db.$transaction(async (tx) => {
      await insertBatched(
        tx,
        built.map((b) => b.row),
        built.flatMap((b) => b.answers),
      );
      await bumpPeerPoolVersion(tx);
    });

    // What lib/assessment/create-report.ts reads from the database, once.
    const found = await lib.getBenchmark(built[0].token);
    if (!found.ok) throw new Error(`getBenchmark: ${JSON.stringify(found.error)}`);
    const { assessment, benchmark } = found.value;
    const peers = await lib.getPeerView({
      state: assessment.municipality.state,
      sizeClass: assessment.municipality.sizeClass,
    });
    if (!peers.ok) throw new Error(`getPeerView: ${JSON.stringify(peers.error)}`);
    const input = {
      ref: lib.reference,
      benchmark,
      peers: peers.value,
      municipality: assessment.municipality,
      respondentRole: assessment.respondentRole,
      status: assessment.status,
      now,
    };

    const once = async () => {
      const t0 = performance.now();
      const model = buildReportModel(input);
      const t1 = performance.now();
      const pdf = await renderReport(model, now);
      const t2 = performance.now();
      return { pdf, model, modelMs: t1 - t0, renderMs: t2 - t1, totalMs: t2 - t0 };
    };
    gc();
    const peakBeforeMb = process.resourceUsage().maxRSS / 1024;
    const heapBeforeMb = mbOf(process.memoryUsage().heapUsed);
    const first = await once();
    for (let i = 1; i < WARMUP; i++) await once();
    gc();
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once());
    const last = runs.at(-1);
    gc();
    const heapAfterMb = mbOf(process.memoryUsage().heapUsed);

    const pdfFile = OUT ? resolve(OUT) : join(dir, "report.pdf");
    writeFileSync(pdfFile, last.pdf);
    const pages = await pdfPages(pdfFile);

    const total = summarize(runs.map((r) => r.totalMs));
    const model = summarize(runs.map((r) => r.modelMs));
    const render = summarize(runs.map((r) => r.renderMs));
    const peak = process.resourceUsage().maxRSS / 1024; // kilobytes → MB
    console.log(
      `(a) In-process: buildReportModel + renderReport, ${RUNS} runs after ${WARMUP} warm-up runs (Node ${process.version})`,
    );
    line(
      "report",
      `${OWN.name}, ${benchmark.items.length} of ${lib.reference.questions.length} answered, ${assessment.status}`,
    );
    line(
      "peer group",
      peers.value.suppressed
        ? "suppressed"
        : `${peers.value.count} municipalities (own cell ${OWN.state} ${OWN.sizeClass})`,
    );
    line("PDF size", `${(last.pdf.length / 1024).toFixed(1)} KiB${pages ? `, ${pages} pages` : ""}`);
    line("first run (fonts parsed)", ms(first.totalMs));
    line("model + render, median", ms(total.median), vsMs(total.median, TARGET.medianMs));
    line("model + render, p95", ms(total.p95), vsMs(total.p95, TARGET.p95Ms));
    line("model + render, max", ms(total.max));
    line("  buildReportModel median / p95", `${ms(model.median)} / ${ms(model.p95)}`);
    line("  renderReport median / p95", `${ms(render.median)} / ${ms(render.p95)}`);
    line(
      "peak memory (maxRSS), this process",
      `${peak.toFixed(1)} MB`,
      `target < ${TARGET.peakMb} MB: ${verdict(peak < TARGET.peakMb)}`,
    );
    line(
      "  of which before the first report",
      `${peakBeforeMb.toFixed(1)} MB (Node, jiti-compiled lib, Prisma, register, test data)`,
    );
    line(
      "heap used after GC, before / after",
      `${heapBeforeMb.toFixed(1)} / ${heapAfterMb.toFixed(1)} MB${typeof globalThis.gc === "function" ? "" : " (no GC: run with --expose-gc)"}`,
      "(flat after GC = no leak; the peak is garbage V8 has not yet collected)",
    );
    if (OUT) line("PDF written to", pdfFile);
  } finally {
    await lib.db.$disconnect();
  }
}

// ---------------------------------------------------------------------------------------------
// (b) against the production server

function portInUse(port) {
  return new Promise((r) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      r(true);
    });
    socket.once("error", () => r(false));
  });
}

/** All descendants of a process (pid, command), from `ps --ppid`, breadth first. */
function descendants(pid) {
  const out = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift();
    const r = spawnSync("ps", ["--ppid", String(parent), "-o", "pid=,args="], { encoding: "utf8" });
    for (const row of r.stdout
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)) {
      const [childPid, ...args] = row.split(/\s+/);
      out.push({ pid: Number(childPid), args: args.join(" ") });
      queue.push(Number(childPid));
    }
  }
  return out;
}

function procStatusKb(pid, field) {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

async function againstServer() {
  if (await portInUse(PORT)) throw new Error(`port ${PORT} is in use: choose another with --port`);
  const dir = tempDir("kdc-bench-pdf-server-");
  const dbFile = join(dir, "server.db");
  const base = `http://127.0.0.1:${PORT}`;
  let log = "";
  const keepLog = (chunk) => {
    log = (log + chunk).slice(-20_000);
  };
  const started = performance.now();
  server = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), DATABASE_URL: `file:${dbFile}`, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  server.stdout.on("data", keepLog);
  server.stderr.on("data", keepLog);
  const exitedEarly = new Promise((_, reject) =>
    server.once("exit", (code) => reject(new Error(`the server exited (code ${code}) before it was ready:\n${log}`))),
  );
  exitedEarly.catch(() => {});

  // Readiness: /api/reference/2020 answers 200 (as in playwright.config.ts).
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (Date.now() > deadline) throw new Error(`the server was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${log}`);
    const ready = await Promise.race([
      fetch(`${base}/api/reference/2020`).then(
        (r) => r.ok,
        () => false,
      ),
      exitedEarly,
    ]);
    if (ready) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const readyS = (performance.now() - started) / 1000;
  const built = /next build/.test(log);

  const api = async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: body ? { "content-type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  // Six submitted assessments in one cell, so the report shows the peer columns.
  const { reference } = await loadLibReference();
  const random = createPrng(SEED + 1);
  let ownToken = null;
  for (let i = 0; i <= PEERS_IN_CELL; i++) {
    const name = i === 0 ? OWN.name : `Bench-Kleinstadt ${i}`;
    const created = await api("POST", "/api/assessments", {
      municipality: { name, state: OWN.state, population: i === 0 ? OWN.population : 6_000 + i * 1_000 },
      respondentRole: "digital_officer",
    });
    await api("PUT", `/api/assessments/${created.token}/answers`, {
      version: 1,
      answers: sampleAnswers(reference, random),
    });
    await api("POST", `/api/assessments/${created.token}/submit`);
    ownToken ??= created.token;
  }
  const reportUrl = `${base}/api/assessments/${ownToken}/report.pdf`;

  const get = async () => {
    const t0 = performance.now();
    try {
      const res = await fetch(reportUrl);
      const body = Buffer.from(await res.arrayBuffer());
      const ok =
        res.status === 200 &&
        (res.headers.get("content-type") ?? "").startsWith("application/pdf") &&
        body.subarray(0, 5).toString("latin1") === "%PDF-";
      return {
        ok,
        ms: performance.now() - t0,
        bytes: body.length,
        status: res.status,
        encoding: res.headers.get("content-encoding") ?? "none",
      };
    } catch (error) {
      return { ok: false, ms: performance.now() - t0, bytes: 0, status: String(error) };
    }
  };
  const first = await get();
  const wallStart = performance.now();
  const results = await Promise.all(Array.from({ length: CONCURRENCY }, get));
  const wallMs = performance.now() - wallStart;
  // Then one at a time: the server time per report without queueing. (The app limits reports to
  // 30 per client and minute: 1 + 20 + 8 stay below.)
  const sequential = [];
  for (let i = 0; i < SEQUENTIAL; i++) sequential.push(await get());

  const tree = descendants(server.pid);
  // The process that serves HTTP: next-server (`next start`) or scripts/serve.mjs (Next behind
  // node:http); failing both names, the descendant with the highest peak.
  const alive = tree.map((p) => ({ ...p, hwmKb: procStatusKb(p.pid, "VmHWM") })).filter((p) => p.hwmKb !== null);
  const next =
    alive.find((p) => /next-server/.test(p.args)) ??
    alive.find((p) => /scripts\/serve\.mjs/.test(p.args)) ??
    alive.find((p) => /next\/dist\/bin\/next start/.test(p.args)) ??
    alive.sort((a, b) => b.hwmKb - a.hwmKb)[0];
  const hwmKb = next?.hwmKb ?? null;
  const latency = summarize(results.map((r) => r.ms));
  const failed = results.filter((r) => !r.ok);
  const failedSequential = sequential.filter((r) => !r.ok);
  const seq = summarize(sequential.map((r) => r.ms));
  const peakMb = hwmKb === null ? null : hwmKb / 1024;

  console.log("");
  console.log(
    `(b) Production server (scripts/start.mjs, port ${PORT}, fresh temporary database): ${CONCURRENCY} concurrent GET …/report.pdf`,
  );
  line("server ready after", `${readyS.toFixed(1)} s${built ? " (including next build)" : ""}`);
  line(
    "first request, alone",
    `${ms(first.ms)}${first.ok ? "" : ` (FAILED: ${first.status})`}, ${(first.bytes / 1024).toFixed(1)} KiB`,
  );
  line(
    `wall time for all ${CONCURRENCY} concurrent`,
    ms(wallMs),
    `${(CONCURRENCY / (wallMs / 1000)).toFixed(1)} reports/s`,
  );
  // The generation targets apply to one report; 20 at once queue on the server's one thread (reports
  // are rendered one after another), so the n-th waits for n − 1 others: wall time ≈ 20 × one report.
  line(
    "latency per request, median",
    ms(latency.median),
    `queued: ≈ ${(latency.median / Math.max(1, seq.median)).toFixed(1)} reports' time`,
  );
  line(
    "latency per request, p95",
    ms(latency.p95),
    `queued: ≈ ${(latency.p95 / Math.max(1, seq.median)).toFixed(1)} reports' time`,
  );
  line("latency per request, max", ms(latency.max));
  if (failedSequential.length > 0)
    line(
      "failed one-at-a-time requests",
      `${failedSequential.length} of ${SEQUENTIAL} (${[...new Set(failedSequential.map((f) => f.status))].join(", ")})`,
    );
  line(
    "failed concurrent requests",
    `${failed.length} of ${CONCURRENCY}${failed.length ? ` (${[...new Set(failed.map((f) => f.status))].join(", ")})` : ""}`,
    `target ${TARGET.failed}: ${verdict(failed.length === TARGET.failed)}`,
  );
  line(`then ${SEQUENTIAL} one at a time, median`, ms(seq.median), vsMs(seq.median, TARGET.medianMs));
  line(`then ${SEQUENTIAL} one at a time, p95`, ms(seq.p95), vsMs(seq.p95, TARGET.p95Ms));
  line("response encoding", `${first.encoding} (fetch sends Accept-Encoding: gzip, deflate, br)`);
  line(
    "server peak memory (VmHWM)",
    peakMb === null
      ? `not found in the process tree of ${server.pid}: ${JSON.stringify(tree)}`
      : `${peakMb.toFixed(1)} MB (pid ${next.pid}: ${next.args.replace(/^\S*node /, "node ").slice(0, 40)})`,
    peakMb === null ? "" : `target < ${TARGET.peakMb} MB: ${verdict(peakMb < TARGET.peakMb)}`,
  );
}

/** The parsed reference without opening a database (for the answers sent to the server). */
async function loadLibReference() {
  const jiti = createJiti(import.meta.url, { fsCache: false });
  return jiti.import(join(ROOT, "lib/survey/reference.ts"));
}

// ---------------------------------------------------------------------------------------------

process.chdir(ROOT); // lib/report/pdf/fonts.ts finds its fonts under the working directory
if (!existsSync(join(ROOT, "lib", "report", "pdf", "fonts", "FiraSans-Regular.ttf")))
  throw new Error("lib/report/pdf/fonts is missing");
let exitCode = 0;
try {
  console.log(
    `PDF report benchmark (targets: median < ${TARGET.medianMs} ms, p95 < ${TARGET.p95Ms} ms, peak memory < ${TARGET.peakMb} MB, no failed request)`,
  );
  console.log("");
  if (!NO_IN_PROCESS) await inProcess();
  if (!NO_SERVER) await againstServer();
} catch (error) {
  console.error(`bench:pdf fehlgeschlagen: ${error instanceof Error ? error.stack : error}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
