#!/usr/bin/env node
// Load figures of the production server (docs/benchmarks.md):
//
//   npm run bench:load [-- --db sqlite|postgresql|both --duration 10 --warmup 2 --connections 50 --port 3400
//                          --cap 100000 --quiet-wait 0 --retries 0 --timeout 10 --sqlite-journal wal|delete --skip-build]
//
// --cap bounds the requests of one scenario run; --quiet-wait N waits up to N seconds before each
// scenario for the other processes of the machine to go quiet (< 0.3 cores busy); --retries N repeats a
// scenario during which other processes used ≥ 0.3 cores, up to N times, and reports the cleanest attempt; --skip-build serves the
// existing build as it is; --sqlite-journal wal (an experiment) switches the SQLite files of the app and
// of the bare writer to WAL before the start (the mode is stored in the file). The CPU that the server, the bare writer, this load generator, PostgreSQL
// and all other processes used during each scenario is printed, so a run on a busy machine shows as such.
//
// Per database (default: both when PostgreSQL answers at BENCH_PG_URL, else SQLite only):
//   1. a fresh database (SQLite: a file in a temporary directory; PostgreSQL: CREATE DATABASE with a
//      unique name on the server of BENCH_PG_URL, default postgresql://root@127.0.0.1:5432/test),
//      migrated and filled with the demo municipalities (scripts/seed-demo.mjs), so the peer view has figures;
//   2. the production build (rebuilt first when it is missing, older than the sources, or lacks the
//      bench route) served by scripts/serve.mjs on 127.0.0.1 with TRUST_PROXY=true and BENCH_ROUTES=true;
//   3. through the JSON API: one submitted assessment (results page) and one draft per connection (saves);
//   4. autocannon, each scenario bounded by --duration seconds AND a request cap, after a warm-up:
//        (a) the results page  GET /a/<token>/ergebnis
//        (b) saves             PUT /api/assessments/<token>/answers, each connection on its own draft, each
//                              request carrying the version of that connection's previous 200 (no 409 by design)
//        (c) the peer view     GET /vergleich?state=DE-BY
//        (d) static files      GET of the scripts, stylesheets and fonts a first visit of / loads, in turn,
//                              accepting gzip (for information; the issue sets no target for it)
//      and, with the same load, two references:
//        floor                 POST /api/bench/floor of the same build: same proxy, route handler and
//                              readJsonBody, no database work (the framework's floor)
//        bare writer           a minimal node:http server (a child process of this script) that parses the same
//                              body and does the same write directly (better-sqlite3, or pg with a pool of 10)
//                              on its own copy of the schema: UPDATE of the version, DELETE + INSERT of the
//                              answer rows, one transaction (the machine's limit);
//   5. afterwards: every assessment's stored version − 1 must equal its acknowledged saves (plus a save
//      that was in flight when the clock stopped and did reach the database), and its stored answers must
//      equal the merge of those saves: "lost writes" and "extra writes" must be 0.
//
// Rate limits are per client (120 writes/min). With one load generator every request would come from
// one client, so each request carries its own X-Forwarded-For (a counter written as 127.x.y.z; only a
// header, no traffic goes anywhere but 127.0.0.1): the limiter's bookkeeping runs on every request, it
// just never refuses.
//
// Only loopback is contacted. Everything it creates (temporary directory, databases, child processes)
// is removed at the end, also on Ctrl-C. Exit code 1 when a write was lost or a scenario had errors.

import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, closeSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { serverHeapArgs } from "./lib/heap-limit.mjs";
import "./lib/no-telemetry.mjs";

export const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const reference = JSON.parse(readFileSync(path.join(ROOT, "lib/survey/national-2020.json"), "utf8"));

const DEFAULT_PG_ADMIN_URL = "postgresql://root@127.0.0.1:5432/test";
const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

// ---------------------------------------------------------------------------------------------
// Shared helpers (also used by scripts/bench-web.mjs)
// ---------------------------------------------------------------------------------------------

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Cleanup actions, run in reverse order at the end or on SIGINT/SIGTERM. */
const cleanups = [];
export function onCleanup(fn) {
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i !== -1) cleanups.splice(i, 1);
  };
}
export async function runCleanups() {
  while (cleanups.length > 0) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (e) {
      console.error(`cleanup: ${e instanceof Error ? e.message : e}`);
    }
  }
}
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: aufräumen …`);
    runCleanups().finally(() => process.exit(130));
  });
}

/** X-Forwarded-For values 127.x.y.z (loopback, never contacted) from a counter: a new client for the rate limiter on every request. */
let ipCounter = 1 + Math.floor(Math.random() * 1_000_000);
export function nextClientIp() {
  const n = ipCounter++ % 16_777_216;
  return `127.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export function describeMachine() {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model?.trim() ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/** CPU time (s) of every process, from /proc (USER_HZ = 100 on Linux): Map pid → { comm, cpu }. */
const TICK = 100;
function allProcesses() {
  const out = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const f = readFileSync(`/proc/${name}/stat`, "utf8");
      const close = f.lastIndexOf(")");
      const rest = f.slice(close + 2).split(" ");
      out.set(Number(name), {
        comm: f.slice(f.indexOf("(") + 1, close),
        ppid: Number(rest[1]),
        cpu: (Number(rest[11]) + Number(rest[12])) / TICK,
      }); // utime + stime
    } catch {
      // gone meanwhile
    }
  }
  return out;
}
export function cpuSample(pids) {
  try {
    const [, ...f] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal: busy without iowait; steal (the hypervisor gave the
    // CPU to someone else) apart.
    return {
      at: performance.now(),
      busy: (f[0] + f[1] + f[2] + f[5] + f[6]) / TICK,
      steal: f[7] / TICK,
      pids,
      procs: allProcesses(),
    };
  } catch {
    return null;
  }
}
/**
 * Cores used between two samples: { all, <name>… for the given pids, postgres, other, top } where
 * `top` names the busiest other processes (by command name). Processes that ended in between are
 * missing from the per-process figures, so postgres and top are estimates; `all` is exact.
 */
export function cpuDelta(a, b) {
  if (!a || !b) return null;
  const s = (b.at - a.at) / 1000;
  const out = { all: (b.busy - a.busy) / s, steal: (b.steal - a.steal) / s, postgres: 0 };
  const used = (pid) => Math.max(0, (b.procs.get(pid)?.cpu ?? 0) - (a.procs.get(pid)?.cpu ?? 0)) / s;
  // The server counts with its worker processes (scripts/serve.mjs forks one per core).
  const withWorkers = (pid) => [pid, ...[...b.procs].filter(([, p]) => p.ppid === pid).map(([child]) => child)];
  const mine = new Set();
  let own = 0;
  for (const [k, pid] of Object.entries(a.pids)) {
    const tree = k === "server" ? withWorkers(pid) : [pid];
    out[k] = tree.reduce((sum, p) => sum + used(p), 0);
    own += out[k];
    for (const p of tree) mine.add(p);
  }
  const byComm = new Map();
  for (const [pid, p] of b.procs) {
    if (mine.has(pid)) continue;
    const c = used(pid);
    if (c <= 0) continue;
    if (p.comm === "postgres") out.postgres += c;
    else byComm.set(p.comm, (byComm.get(p.comm) ?? 0) + c);
  }
  out.other = Math.max(0, out.all - own - out.postgres);
  out.top = [...byComm]
    .sort((x, y) => y[1] - x[1])
    .slice(0, 3)
    .filter(([, c]) => c >= 0.05)
    .map(([comm, c]) => `${comm} ${c.toFixed(2)}`)
    .join(", ");
  return out;
}

/**
 * Waits (at most maxSeconds) until the other processes of this machine use less than `below` cores,
 * measured over 2-second samples; returns the last figure. Benchmarks on a shared machine need this.
 */
export async function waitForQuiet(maxSeconds, below = 0.3, log = console.log) {
  const deadline = Date.now() + maxSeconds * 1000;
  let busy;
  for (;;) {
    const a = cpuSample({});
    await sleep(2000);
    busy = cpuDelta(a, cpuSample({}))?.all ?? 0;
    if (busy < below || Date.now() >= deadline) break;
  }
  log(
    `  other processes before the run: ${busy.toFixed(2)} cores busy${busy >= below ? ` (still ≥ ${below} after waiting ${maxSeconds} s: figures will be low)` : ""}`,
  );
  return busy;
}

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name === "node_modules") continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Builds like scripts/start.mjs does (generate the Prisma clients if missing; `next build` if the build is
 * missing or older than the sources), and also when the build lacks the bench route.
 */
export function ensureBuild({ log = console.log } = {}) {
  const run = (args, label) => {
    const r = spawnSync(args[0], args.slice(1), {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production" },
      encoding: "utf8",
      maxBuffer: 64 << 20,
      timeout: 900_000,
    });
    if (r.status !== 0) {
      process.stderr.write(`${r.stdout ?? ""}${r.stderr ?? ""}`.split("\n").slice(-60).join("\n"));
      throw new Error(`${label} fehlgeschlagen (Exit-Code ${r.status ?? r.signal}).`);
    }
    return r.stdout;
  };
  if (
    !existsSync(path.join(ROOT, "lib/generated/prisma/client.ts")) ||
    !existsSync(path.join(ROOT, "lib/generated/prisma-pg/client.ts"))
  ) {
    log("Prisma-Clients fehlen: npm run db:generate …");
    run(["npm", "run", "--silent", "db:generate"], "db:generate");
  }
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  const hasBenchRoute = existsSync(path.join(ROOT, ".next/server/app/api/bench/floor/route.js"));
  const sources = Math.max(
    ...["app", "components", "lib", "public", "prisma"].map((d) => newestMtime(path.join(ROOT, d))),
    ...["next.config.js", "package.json", "proxy.ts"].map((f) =>
      existsSync(path.join(ROOT, f)) ? statSync(path.join(ROOT, f)).mtimeMs : 0,
    ),
  );
  const reason = !existsSync(buildId)
    ? "kein Build vorhanden"
    : !hasBenchRoute
      ? "Build ohne /api/bench/floor"
      : sources > statSync(buildId).mtimeMs
        ? "Quellen neuer als der Build"
        : null;
  if (!reason) {
    log(`Build: vorhanden (${new Date(statSync(buildId).mtimeMs).toISOString()}), aktuell.`);
    return { built: false };
  }
  log(`Build: ${reason}; next build …`);
  const started = performance.now();
  run([process.execPath, "node_modules/next/dist/bin/next", "build"], "next build");
  if (!existsSync(path.join(ROOT, ".next/server/app/api/bench/floor/route.js")))
    throw new Error("Der Build enthält app/api/bench/floor nicht.");
  log(`Build: fertig in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  return { built: true };
}

export function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", () => reject(new Error(`Port ${port} auf 127.0.0.1 ist belegt (--port wählen).`)));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve()));
  });
}

/**
 * Spawns a Node server (args after `node`) with its output in logFile and waits until readyUrl answers
 * 200. stop() (and the cleanup at exit) ends it with SIGTERM, SIGKILL after 15 s.
 */
export async function spawnServer({ args, cwd, env, logFile, readyUrl, timeoutMs = 90_000 }) {
  const fd = openSync(logFile, "a");
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  let exited = null;
  const exitPromise = new Promise((resolve) =>
    child.on("exit", (code, signal) => resolve((exited = { code, signal }))),
  );
  const stop = async () => {
    if (exited) return;
    child.kill("SIGTERM");
    const t = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exitPromise;
    clearTimeout(t);
  };
  const removeCleanup = onCleanup(stop);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`Der Server hat sich beendet (${JSON.stringify(exited)}):\n${tail(logFile)}`);
    try {
      const res = await fetch(readyUrl, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `Der Server antwortet nach ${timeoutMs / 1000} s nicht mit 200 auf ${new URL(readyUrl).pathname}:\n${tail(logFile)}`,
      );
    }
    await sleep(250);
  }
  return {
    child,
    stop: async () => {
      removeCleanup();
      await stop();
    },
  };
}

/** Starts scripts/serve.mjs on 127.0.0.1:port with its output in logFile; resolves once /api/health answers 200. */
export async function startServer({ port, databaseUrl, logFile, extraEnv = {} }) {
  await assertPortFree(port);
  const env = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    TRUST_PROXY: "true",
    BENCH_ROUTES: "true",
    ...extraEnv,
  };
  const base = `http://127.0.0.1:${port}`;
  // The heap limit that `npm start` gives the server.
  const server = await spawnServer({
    args: [...serverHeapArgs(), "scripts/serve.mjs"],
    cwd: ROOT,
    env,
    logFile,
    readyUrl: `${base}/api/health`,
  });
  return { base, ...server };
}

export function tail(file, lines = 30) {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(kein Log)";
  }
}

async function api(base, method, pathName, body) {
  const res = await fetch(base + pathName, {
    method,
    headers: { "content-type": "application/json", "x-forwarded-for": nextClientIp() },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, json, text };
}

/** Creates a draft through the API (its own client address, so the create limit of 20/h never bites). */
export async function createDraft(
  base,
  municipality = { name: "Lasttest-Gemeinde", state: "DE-BY", population: 3200 },
) {
  const r = await api(base, "POST", "/api/assessments", { municipality, respondentRole: "digital_officer" });
  if (r.status !== 201) throw new Error(`POST /api/assessments: ${r.status} ${r.text.slice(0, 300)}`);
  return { id: r.json.id, token: r.json.token };
}

/** A complete answer set: for every question its first option (multi: the first non-exclusive one), varied by seed. */
export function completeAnswers(seed = 0) {
  const answers = {};
  reference.questions.forEach((q, i) => {
    const options = q.type === "multi" ? q.options.filter((o) => !o.exclusive) : q.options;
    const o = options[(seed + i) % options.length].id;
    answers[q.id] = q.type === "multi" ? [o] : o;
  });
  return answers;
}

/** A draft with every question answered; submitted when asked. */
export async function createAnswered(base, { submit, municipality, seed = 0 } = {}) {
  const a = await createDraft(base, municipality);
  const put = await api(base, "PUT", `/api/assessments/${a.token}/answers`, {
    version: 1,
    answers: completeAnswers(seed),
  });
  if (put.status !== 200) throw new Error(`PUT answers: ${put.status} ${put.text.slice(0, 300)}`);
  if (submit) {
    const s = await api(base, "POST", `/api/assessments/${a.token}/submit`);
    if (s.status !== 200) throw new Error(`POST submit: ${s.status} ${s.text.slice(0, 300)}`);
  }
  return a;
}

/** Runs scripts/seed-demo.mjs (it migrates first) against databaseUrl; returns its summary line. */
export function seedDemo(databaseUrl) {
  const r = spawnSync(process.execPath, ["scripts/seed-demo.mjs"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
    encoding: "utf8",
    timeout: 300_000,
  });
  if (r.status !== 0) throw new Error(`seed:demo fehlgeschlagen (${r.status ?? r.signal}):\n${r.stderr}${r.stdout}`);
  return r.stdout.split("\n").find((l) => l.startsWith("Demo-Daten angelegt")) ?? r.stdout.trim().split("\n")[0];
}

function migrateDb(databaseUrl) {
  const r = spawnSync(process.execPath, ["scripts/migrate.mjs"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`Migration fehlgeschlagen:\n${r.stderr}${r.stdout}`);
}

// ---------------------------------------------------------------------------------------------
// Databases
// ---------------------------------------------------------------------------------------------

function pgAdminUrl() {
  const url = process.env.BENCH_PG_URL || DEFAULT_PG_ADMIN_URL;
  const host = new URL(url).hostname;
  if (!LOOPBACK.has(host))
    throw new Error(`BENCH_PG_URL muss auf diesen Rechner zeigen (127.0.0.1, localhost, ::1), nicht auf ${host}.`);
  return url;
}

async function pgAnswers() {
  const { default: pg } = await import("pg");
  const c = new pg.Client({ connectionString: pgAdminUrl(), connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    const { rows } = await c.query("SHOW server_version");
    return rows[0].server_version;
  } catch {
    return null;
  } finally {
    await c.end().catch(() => {});
  }
}

async function pgAdmin(sql) {
  const { default: pg } = await import("pg");
  const c = new pg.Client({ connectionString: pgAdminUrl(), connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end().catch(() => {});
  }
}

/** A fresh PostgreSQL database with a unique name; dropped in the cleanup (and by the returned drop()). */
async function createPgDatabase(suffix) {
  const name = `kdc_bench_${process.pid}_${randomBytes(3).toString("hex")}_${suffix}`;
  await pgAdmin(`CREATE DATABASE "${name}"`);
  const drop = () => pgAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  onCleanup(drop);
  const url = new URL(pgAdminUrl());
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** Minimal query access for fixtures and checks: { all(sql, params), close() }; "?" placeholders on both. */
async function openDb(kind, url) {
  if (kind === "sqlite") {
    const Database = require("better-sqlite3");
    const db = new Database(url.slice("file:".length));
    db.pragma("busy_timeout = 10000");
    return {
      all: async (sql, params = []) => db.prepare(sql).all(...params),
      run: async (sql, params = []) => db.prepare(sql).run(...params),
      close: async () => db.close(),
    };
  }
  const { default: pg } = await import("pg");
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const conv = (sql) => {
    let i = 0;
    return sql.replace(/\?/g, () => `$${++i}`);
  };
  return {
    all: async (sql, params = []) => (await c.query(conv(sql), params)).rows,
    run: async (sql, params = []) => c.query(conv(sql), params),
    close: () => c.end(),
  };
}

// ---------------------------------------------------------------------------------------------
// The bare writer (child process: node scripts/bench-load.mjs --bare-writer)
// ---------------------------------------------------------------------------------------------

const MAX_BODY = 64 * 1024;

function answerRowsOf(id, answers) {
  const entries = Object.entries(answers).filter(([, v]) => v !== undefined);
  const rows = entries.flatMap(([q, v]) => (v == null ? [] : (Array.isArray(v) ? v : [v]).map((o) => [id, q, o])));
  return { questionIds: entries.map(([q]) => q), rows };
}

async function bareWriterMain() {
  const url = process.env.BARE_DATABASE_URL;
  const port = Number(process.env.BARE_PORT);
  let write; // (id, version, answers) => Promise<number|null> (new version, or null when stale)
  let close;
  if (url.startsWith("file:")) {
    const Database = require("better-sqlite3");
    const db = new Database(url.slice("file:".length)); // the driver's defaults, as PrismaBetterSQLite3 opens it
    if (process.env.BARE_JOURNAL === "wal") {
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
    }
    const update = db.prepare(
      `UPDATE "Assessment" SET "version" = "version" + 1, "updatedAt" = ? WHERE "id" = ? AND "version" = ? AND "status" = 'draft'`,
    );
    const deletes = new Map();
    const insert = db.prepare(`INSERT INTO "Answer" ("assessmentId", "questionId", "optionId") VALUES (?, ?, ?)`);
    const tx = db.transaction((id, version, questionIds, rows) => {
      if (update.run(new Date().toISOString(), id, version).changes !== 1) return null;
      if (!deletes.has(questionIds.length))
        deletes.set(
          questionIds.length,
          db.prepare(
            `DELETE FROM "Answer" WHERE "assessmentId" = ? AND "questionId" IN (${questionIds.map(() => "?").join(", ")})`,
          ),
        );
      deletes.get(questionIds.length).run(id, ...questionIds);
      for (const r of rows) insert.run(...r);
      return version + 1;
    });
    write = async (id, version, answers) => {
      const { questionIds, rows } = answerRowsOf(id, answers);
      return tx(id, version, questionIds, rows);
    };
    close = async () => db.close();
  } else {
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString: url, max: 10 }); // the app's pool size (lib/db/client.ts)
    write = async (id, version, answers) => {
      const { questionIds, rows } = answerRowsOf(id, answers);
      const c = await pool.connect();
      try {
        await c.query("BEGIN");
        const u = await c.query(
          `UPDATE "Assessment" SET "version" = "version" + 1, "updatedAt" = now() WHERE "id" = $1 AND "version" = $2 AND "status" = 'draft'`,
          [id, version],
        );
        if (u.rowCount !== 1) {
          await c.query("ROLLBACK");
          return null;
        }
        await c.query(`DELETE FROM "Answer" WHERE "assessmentId" = $1 AND "questionId" = ANY($2::text[])`, [
          id,
          questionIds,
        ]);
        if (rows.length > 0)
          await c.query(
            `INSERT INTO "Answer" ("assessmentId", "questionId", "optionId") VALUES ${rows.map((_, i) => `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3})`).join(", ")}`,
            rows.flat(),
          );
        await c.query("COMMIT");
        return version + 1;
      } catch (e) {
        await c.query("ROLLBACK").catch(() => {});
        throw e;
      } finally {
        c.release();
      }
    };
    close = () => pool.end();
  }
  const send = (res, status, body) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      "content-length": Buffer.byteLength(text),
    });
    res.end(text);
  };
  const server = http.createServer(async (req, res) => {
    try {
      const m = /^\/bare\/([^/]+)\/answers$/.exec(req.url ?? "");
      if (!m || req.method !== "PUT") return send(res, 404, { error: "not found" });
      if (Number(req.headers["content-length"] ?? 0) > MAX_BODY) return send(res, 413, { error: "too large" });
      const type = req.headers["content-type"] ?? "";
      if (type && !/^application\/(.+\+)?json\b/i.test(type)) return send(res, 415, { error: "json only" });
      const chunks = [];
      let size = 0;
      for await (const chunk of req) {
        size += chunk.length;
        if (size > MAX_BODY) return send(res, 413, { error: "too large" });
        chunks.push(chunk);
      }
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return send(res, 422, { error: "invalid json" });
      }
      if (!body || !Number.isInteger(body.version) || typeof body.answers !== "object" || body.answers === null)
        return send(res, 422, { error: "invalid" });
      const next = await write(decodeURIComponent(m[1]), body.version, body.answers);
      return next === null ? send(res, 409, { error: "stale" }) : send(res, 200, { version: next });
    } catch (e) {
      return send(res, 500, { error: e instanceof Error ? e.message : "error" });
    }
  });
  server.keepAliveTimeout = 5_000;
  server.listen(port, "127.0.0.1", () => console.log(JSON.stringify({ listening: port })));
  const shutdown = () => {
    server.close(() => close().finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.removeAllListeners("SIGTERM");
  process.removeAllListeners("SIGINT");
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

async function startBareWriter(databaseUrl, port, journal = "") {
  await assertPortFree(port);
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--bare-writer"], {
    cwd: ROOT,
    env: {
      ...process.env,
      BARE_DATABASE_URL: databaseUrl,
      BARE_PORT: String(port),
      BARE_JOURNAL: journal,
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stderr.on("data", (d) => (out += d));
  const exit = new Promise((resolve) => child.on("exit", resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const t = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exit;
    clearTimeout(t);
  };
  const removeCleanup = onCleanup(stop);
  await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`bare writer did not start:\n${out}`)), 15_000);
    child.stdout.on("data", (d) => {
      out += d;
      if (out.includes('"listening"')) {
        clearTimeout(t);
        resolve();
      }
    });
    child.on("exit", (code) => reject(new Error(`bare writer exited (${code}):\n${out}`)));
  });
  child.stdout.resume();
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: async () => {
      removeCleanup();
      await stop();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Load generation
// ---------------------------------------------------------------------------------------------

const QUESTIONS = reference.questions;

/**
 * The headers of a save and of the floor's request: as a browser's autosave sends them (it always offers
 * compressed answers), each from a new client address.
 */
const autosaveHeaders = () => ({
  "content-type": "application/json",
  "accept-encoding": "gzip, deflate, br, zstd",
  "x-forwarded-for": nextClientIp(),
});

/** One or two questions per save, varying with the connection (slot) and the save's number n. */
function answerPatch(slot, n) {
  const patch = {};
  const count = n % 2 === 0 ? 1 : 2;
  for (let k = 0; k < count; k++) {
    const q = QUESTIONS[(slot * 5 + n * 3 + k * 11) % QUESTIONS.length];
    const i = n + k + slot;
    if (q.type === "single") patch[q.id] = q.options[i % q.options.length].id;
    else {
      const plain = q.options.filter((o) => !o.exclusive);
      patch[q.id] =
        i % 3 === 0 ? [plain[i % plain.length].id] : [plain[i % plain.length].id, plain[(i + 1) % plain.length].id];
    }
  }
  return patch;
}

function applyPatch(expected, patch) {
  for (const [q, v] of Object.entries(patch)) {
    if (v == null) expected.delete(q);
    else expected.set(q, [...(Array.isArray(v) ? v : [v])].sort());
  }
}

/**
 * Runs autocannon, bounded by duration (s) and a request cap, with a watchdog on top.
 * Returns the summary row.
 */
async function drive(label, options, { duration, connections, cap, timeout = 10, pids = {} }) {
  const { default: autocannon } = await import("autocannon");
  const cpuBefore = cpuSample({ ...pids, generator: process.pid });
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon(
      { connections, pipelining: 1, duration, maxOverallRequests: cap, timeout, ...options },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    const watchdog = setTimeout(() => instance.stop(), (duration + 20) * 1000);
    instance.on("done", () => clearTimeout(watchdog));
  });
  const cpu = cpuDelta(cpuBefore, cpuSample({ ...pids, generator: process.pid }));
  const codes = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith("2"))
    .map(([code, { count }]) => `${code}×${count}`)
    .join(" ");
  return {
    label,
    rps: result.requests.average,
    completed: result.requests.total ?? result.totalCompletedRequests,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    ok2xx: result["2xx"],
    codes,
    duration: result.duration,
    cpu,
  };
}

/** A GET scenario; every request from a new client address. */
function getScenario(base, pathName) {
  return {
    url: base,
    requests: [
      {
        method: "GET",
        path: pathName,
        setupRequest: (req) => ({
          ...req,
          method: "GET",
          path: pathName,
          headers: { ...req.headers, "x-forwarded-for": nextClientIp() },
        }),
      },
    ],
  };
}

/** The static files a first visit of the landing page fetches: its scripts and stylesheets and the preloaded fonts. */
async function firstVisitAssets(base) {
  const res = await fetch(`${base}/`);
  const html = await res.text();
  const paths = [...html.matchAll(/(?:src|href)="(\/(?:_next\/static|fonts)\/[^"?]+\.(?:js|css|woff2))"/g)].map(
    (m) => m[1],
  );
  // Modern browsers skip the nomodule polyfills.
  const nomodule = new Set([...html.matchAll(/<script src="([^"]+)" noModule=""/g)].map((m) => m[1]));
  return [...new Set(paths)].filter((p) => !nomodule.has(p));
}

/** (d): the first visit's static files in turn, each connection cycling through them. */
function staticScenario(base, paths) {
  return {
    url: base,
    requests: paths.map((p) => ({ method: "GET", path: p, headers: { "accept-encoding": "gzip, deflate, br" } })),
  };
}

/** The floor: same body shape as the saves, POSTed to the no-database route. */
function floorScenario(base) {
  let n = 0;
  return {
    url: base,
    requests: [
      {
        method: "POST",
        path: "/api/bench/floor",
        setupRequest: (req) => {
          const i = n++;
          return {
            ...req,
            method: "POST",
            path: "/api/bench/floor",
            headers: autosaveHeaders(),
            body: JSON.stringify({ version: 1 + (i % 40), answers: answerPatch(i % 50, i) }),
          };
        },
      },
    ],
  };
}

/**
 * Saves: connection k works on slots[k] only, sending the version of its previous 200 answer.
 * autocannon resets a request's context on every loop, so the slot is bound per connection in
 * setupClient (documented API: client.setRequests) and the state lives in slots[].
 */
function saveScenario(base, slots) {
  let nextSlot = 0;
  return {
    url: base,
    setupClient: (client) => {
      const slot = nextSlot++ % slots.length;
      const s = slots[slot];
      client.setRequests([
        {
          method: "PUT",
          path: s.path,
          setupRequest: (req) => {
            // A request still in flight here never got its answer (autocannon timed it out and reconnected):
            // its outcome is settled by the answer to the next request with the same version.
            if (s.inflight) s.orphans.push(s.inflight);
            // The patch depends on the version only: every request that can apply at version v carries the
            // same change, so a save whose answer was lost still leaves a known state.
            s.sent++;
            const patch = answerPatch(slot, s.version);
            s.inflight = { version: s.version, patch };
            return {
              ...req,
              method: "PUT",
              path: s.path,
              headers: autosaveHeaders(),
              body: JSON.stringify({ version: s.version, answers: patch }),
            };
          },
          onResponse: (status, body) => {
            const sent = s.inflight;
            s.inflight = null;
            if (!sent) return;
            // Only one save per version can succeed: a 200 means the orphan of this version did not reach
            // the database; a 409 means it did (nobody else writes this assessment).
            const orphan = s.orphans.find((o) => o.version === sent.version);
            if (orphan) {
              s.orphans = s.orphans.filter((o) => o.version !== sent.version);
              if (status === 409) {
                s.applied++;
                s.orphansApplied++;
                applyPatch(s.expected, orphan.patch);
              }
            }
            if (status === 200) {
              let v = null;
              try {
                v = JSON.parse(body).version;
              } catch {
                // counted below
              }
              if (v !== sent.version + 1) s.badAnswers++;
              s.version = typeof v === "number" ? v : s.version;
              s.acked++;
              applyPatch(s.expected, sent.patch);
            } else {
              s.refused++;
              s.codes[status] = (s.codes[status] ?? 0) + 1;
              try {
                const cur = JSON.parse(body).currentVersion;
                if (typeof cur === "number") s.version = cur;
              } catch {
                // not JSON
              }
            }
          },
        },
      ]);
    },
  };
}

function newSlots(rows, pathOf) {
  return rows.map((r) => ({
    id: r.id,
    path: pathOf(r),
    version: 1,
    sent: 0,
    acked: 0,
    refused: 0,
    applied: 0,
    orphans: [],
    orphansApplied: 0,
    badAnswers: 0,
    codes: {},
    inflight: null,
    expected: new Map(),
  }));
}

async function readState(db, ids) {
  const marks = ids.map(() => "?").join(", ");
  const versions = new Map(
    (await db.all(`SELECT "id", "version" FROM "Assessment" WHERE "id" IN (${marks})`, ids)).map((r) => [
      r.id,
      Number(r.version),
    ]),
  );
  const answers = new Map(ids.map((id) => [id, new Map()]));
  for (const r of await db.all(
    `SELECT "assessmentId", "questionId", "optionId" FROM "Answer" WHERE "assessmentId" IN (${marks})`,
    ids,
  )) {
    const m = answers.get(r.assessmentId);
    m.set(r.questionId, [...(m.get(r.questionId) ?? []), r.optionId].sort());
  }
  return { versions, answers };
}

/**
 * After a run: a save that was in flight when autocannon stopped (or that timed out) may or may not have
 * reached the database, and the server may still be working on it. Waits until the stored versions have
 * been stable for 1.5 s (at most 30 s), then settles what it can: such a save was applied when the stored
 * version is exactly its version + 1. What is still open stays open, to be settled by the next answer for
 * that version (200: it was not applied; 409: it was) or by the final call, made after the servers stopped.
 */
async function settleInflight(db, slots, { final = false } = {}) {
  const ids = slots.map((s) => s.id);
  let prev = null;
  let stableSince = Date.now();
  const deadline = Date.now() + (final ? 5_000 : 30_000);
  while (Date.now() < deadline) {
    await sleep(250);
    const cur = JSON.stringify([...(await readState(db, ids)).versions]);
    if (cur !== prev) {
      prev = cur;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= (final ? 250 : 1500)) break;
  }
  const { versions } = await readState(db, ids);
  let open = 0;
  for (const s of slots) {
    const stored = versions.get(s.id);
    const pending = [...s.orphans, ...(s.inflight ? [s.inflight] : [])].filter((o) => o.version === s.version);
    s.inflight = null;
    s.orphans = [];
    if (pending.length === 0) continue;
    if (stored === s.version + 1) {
      s.applied++;
      applyPatch(s.expected, pending[0].patch);
      s.version = stored;
    } else if (!final) {
      s.orphans = [pending[0]];
      open++;
    }
  }
  return open;
}

/** Lost writes: acknowledged saves the database does not show; extra writes: version bumps nobody made. */
async function verify(db, slots) {
  const { versions, answers } = await readState(
    db,
    slots.map((s) => s.id),
  );
  let lost = 0;
  let extra = 0;
  let contentMismatch = 0;
  let acked = 0;
  let applied = 0;
  let stored = 0;
  for (const s of slots) {
    const bumps = (versions.get(s.id) ?? 1) - 1;
    const expectedBumps = s.acked + s.applied;
    acked += s.acked;
    applied += s.applied;
    stored += bumps;
    if (bumps < expectedBumps) lost += expectedBumps - bumps;
    if (bumps > expectedBumps) extra += bumps - expectedBumps;
    const got = answers.get(s.id);
    const same =
      got.size === s.expected.size &&
      [...s.expected].every(([q, v]) => JSON.stringify(got.get(q)) === JSON.stringify(v));
    if (!same) contentMismatch++;
  }
  const badAnswers = slots.reduce((n, s) => n + s.badAnswers, 0);
  const orphansApplied = slots.reduce((n, s) => n + s.orphansApplied, 0);
  return {
    acked,
    applied,
    orphansApplied,
    stored,
    lost,
    extra,
    contentMismatch,
    badAnswers,
    assessments: slots.length,
  };
}

async function insertBareDrafts(db, count) {
  const rows = [];
  const now = new Date().toISOString();
  for (let i = 0; i < count; i++) {
    const id = `bare-${i}-${randomBytes(4).toString("hex")}`;
    await db.run(
      `INSERT INTO "Assessment" ("id", "tokenHash", "status", "version", "referenceId", "municipalityName", "state", "population", "sizeClass", "respondentRole", "municipalityKey", "createdAt", "updatedAt")
       VALUES (?, ?, 'draft', 1, 'bitkom-dstgb-2020', ?, 'DE-BY', ?, 'lt_5000', 'digital_officer', ?, ?, ?)`,
      [
        id,
        randomBytes(32).toString("hex"),
        `Lasttest-Entwurf ${i + 1}`,
        3200 + i,
        `name:lasttest-entwurf ${i + 1}|DE-BY`,
        now,
        now,
      ],
    );
    rows.push({ id });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// One database
// ---------------------------------------------------------------------------------------------

const fmt = (v, digits = 0) =>
  v == null || Number.isNaN(v)
    ? "–"
    : v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function benchDatabase(kind, opts) {
  const started = performance.now();
  const dir = mkdtempSync(path.join(os.tmpdir(), "kdc-bench-load-"));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const log = (m) => console.log(`  ${m}`);
  let appUrl;
  let bareUrl;
  if (kind === "sqlite") {
    appUrl = `file:${path.join(dir, "app.db")}`;
    bareUrl = `file:${path.join(dir, "bare.db")}`;
  } else {
    appUrl = (await createPgDatabase("app")).url;
    bareUrl = (await createPgDatabase("bare")).url;
  }
  log(
    `Datenbank: ${kind === "sqlite" ? appUrl : appUrl.replace(/^(postgresql:\/\/[^/]*\/)/, "$1")} (frisch, wird am Ende gelöscht)`,
  );
  log(seedDemo(appUrl));
  migrateDb(bareUrl);
  if (kind === "sqlite" && opts.sqliteJournal) {
    // Experiment: the journal mode is stored in the database file, so the app (whose driver opens it with
    // its defaults) and the bare writer both run in it without a code change.
    const Database = require("better-sqlite3");
    for (const url of [appUrl, bareUrl]) {
      const db = new Database(url.slice("file:".length));
      db.pragma(`journal_mode = ${opts.sqliteJournal}`);
      db.close();
    }
  }

  const logFile = path.join(dir, "server.log");
  const server = await startServer({ port: opts.port, databaseUrl: appUrl, logFile });
  const workers = process.env.WEB_CONCURRENCY?.trim() || "1 (the default; set WEB_CONCURRENCY to measure more)";
  log(
    `Server: ${server.base} (scripts/serve.mjs, NODE_ENV=production, TRUST_PROXY=true, BENCH_ROUTES=true, worker processes: ${workers})`,
  );

  // Fixtures through the API.
  const results = await createAnswered(server.base, {
    submit: true,
    municipality: { name: "Lasttest-Ergebnis", state: "DE-BY", population: 3200 },
  });
  const drafts = [];
  for (let i = 0; i < opts.connections; i++)
    drafts.push(
      await createDraft(server.base, { name: `Lasttest-Entwurf ${i + 1}`, state: "DE-BY", population: 3200 + i }),
    );
  const appSlots = newSlots(drafts, (d) => `/api/assessments/${d.token}/answers`);
  const appDb = await openDb(kind, appUrl);
  onCleanup(() => appDb.close());

  // The bare writer's copy: same migrations, the same kind of draft rows, written directly. On SQLite it
  // opens the file as the app does (the driver's defaults: rollback journal, synchronous=FULL); when the
  // app's database is not in WAL mode, a second bare writer shows the same write in WAL mode.
  const appJournal = kind === "sqlite" ? String((await appDb.all("PRAGMA journal_mode"))[0].journal_mode) : null;
  const bareDb = await openDb(kind, bareUrl);
  onCleanup(() => bareDb.close());
  const bareSlots = newSlots(
    await insertBareDrafts(bareDb, opts.connections),
    (r) => `/bare/${encodeURIComponent(r.id)}/answers`,
  );
  // The bare writer runs as the app does: in WAL mode with synchronous=NORMAL when the app's file is in WAL.
  const bare = await startBareWriter(bareUrl, opts.port + 1, appJournal === "wal" ? "wal" : "");
  let wal = null;
  if (kind === "sqlite" && appJournal !== "wal") {
    const walUrl = `file:${path.join(dir, "bare-wal.db")}`;
    migrateDb(walUrl);
    const walDb = await openDb(kind, walUrl);
    onCleanup(() => walDb.close());
    wal = {
      db: walDb,
      slots: newSlots(
        await insertBareDrafts(walDb, opts.connections),
        (r) => `/bare/${encodeURIComponent(r.id)}/answers`,
      ),
      writer: await startBareWriter(walUrl, opts.port + 2, "wal"),
    };
  }
  if (appJournal)
    log(
      `SQLite journal_mode of the app's database: ${appJournal} (${appJournal === "wal" ? "the app sets synchronous=NORMAL" : "driver defaults: synchronous=FULL"})`,
    );

  // Cold start out of the way (route modules loaded, peer cells built) before anything is timed.
  for (let i = 0; i < 5; i++) {
    for (const [method, p, body] of [
      ["GET", `/a/${results.token}/ergebnis`],
      ["GET", "/vergleich?state=DE-BY"],
      ["POST", "/api/bench/floor", { version: 1, answers: {} }],
      ["PUT", `/api/assessments/${drafts[0].token}/answers`, {}], // 422: loads the route, changes nothing
    ]) {
      const r = await api(server.base, method, p, body);
      if (r.status >= 500) throw new Error(`${method} ${p}: ${r.status}`);
    }
  }
  const pids = { server: server.child.pid, bare: bare.pid, ...(wal ? { bareWal: wal.writer.pid } : {}) };
  const load = { duration: opts.duration, connections: opts.connections, cap: opts.cap, timeout: opts.timeout, pids };
  const warm = { ...load, duration: opts.warmup };
  const rows = {};
  const assets = await firstVisitAssets(server.base);
  const scenarios = [
    ["(a) results page", "GET /a/<token>/ergebnis", () => getScenario(server.base, `/a/${results.token}/ergebnis`)],
    ["(b) saves", "PUT /api/assessments/<token>/answers", () => saveScenario(server.base, appSlots), appSlots, appDb],
    ["(c) peer view", "GET /vergleich?state=DE-BY", () => getScenario(server.base, "/vergleich?state=DE-BY")],
    [
      "(d) static files",
      `GET of the ${assets.length} scripts, stylesheets and fonts of a first visit`,
      () => staticScenario(server.base, assets),
    ],
    ["floor (Next, no DB)", "POST /api/bench/floor", () => floorScenario(server.base)],
    [
      "bare writer",
      `PUT node:http + ${kind === "sqlite" ? `better-sqlite3 (${appJournal})` : "pg pool"}`,
      () => saveScenario(bare.base, bareSlots),
      bareSlots,
      bareDb,
    ],
    ...(wal
      ? [
          [
            "bare writer, WAL",
            "PUT node:http + better-sqlite3 (WAL, synchronous=NORMAL)",
            () => saveScenario(wal.writer.base, wal.slots),
            wal.slots,
            wal.db,
          ],
        ]
      : []),
  ];
  log(
    `load average before the scenarios: ${os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(" ")}`,
  );
  for (const [label, what, make, slots, db] of scenarios) {
    // On a shared machine: an attempt during which other processes used ≥ 0.3 cores is repeated (at most
    // --retries times); the attempt with the least foreign CPU is reported. Saves chain on across attempts.
    const attempts = [];
    for (let attempt = 0; attempt <= opts.retries; attempt++) {
      if (opts.quietWait > 0) await waitForQuiet(opts.quietWait, 0.3, () => {});
      if (opts.warmup > 0) {
        await drive(label, make(), warm);
        if (slots) await settleInflight(db, slots);
      }
      const row = await drive(label, make(), load);
      if (slots) await settleInflight(db, slots);
      attempts.push(row);
      if ((row.cpu?.other ?? 0) < 0.3) break;
    }
    attempts.sort((x, y) => (x.cpu?.other ?? 0) - (y.cpu?.other ?? 0));
    rows[label] = attempts[0];
    rows[label].what = what;
    rows[label].attempts = attempts.length;
    // Errors of rejected attempts are not hidden: they count for the target "0 errors".
    rows[label].errorsAll = attempts.reduce((n, x) => n + x.errors, 0);
    rows[label].timeoutsAll = attempts.reduce((n, x) => n + x.timeouts, 0);
    rows[label].non2xxAll = attempts.reduce((n, x) => n + x.non2xx, 0);
    log(
      `${label.padEnd(20)} ${fmt(rows[label].rps).padStart(7)} req/s${rows[label].cpu ? `  (CPU cores: all ${rows[label].cpu.all.toFixed(2)}, other processes ${rows[label].cpu.other.toFixed(2)})` : ""}${attempts.length > 1 ? `  [${attempts.length} attempts, other processes: ${attempts.map((x) => (x.cpu?.other ?? 0).toFixed(2)).join(", ")}]` : ""}`,
    );
  }
  // The servers stop first (serve.mjs lets requests in progress finish), so the database is final.
  await server.stop();
  await bare.stop();
  await wal?.writer.stop();
  await settleInflight(appDb, appSlots, { final: true });
  await settleInflight(bareDb, bareSlots, { final: true });
  if (wal) await settleInflight(wal.db, wal.slots, { final: true });
  const appCheck = await verify(appDb, appSlots);
  const bareCheck = await verify(bareDb, bareSlots);
  const walCheck = wal ? await verify(wal.db, wal.slots) : null;

  const serverErrors = readFileSync(logFile, "utf8")
    .split("\n")
    .filter((l) => l.includes('"level":"error"') || /^\S*(Error|error)\b/.test(l));
  return {
    kind,
    rows,
    appCheck,
    bareCheck,
    walCheck,
    appJournal,
    serverErrors,
    loadavg: os.loadavg(),
    seconds: (performance.now() - started) / 1000,
  };
}

/** Server-side CPU milliseconds per request: the Next.js process, or the bare writer's process. */
function cpuPerRequest(row) {
  if (!row.cpu || !row.rps) return null;
  const cores = row.label.startsWith("bare") ? (row.cpu.bare ?? 0) + (row.cpu.bareWal ?? 0) : row.cpu.server;
  return (1000 * cores) / row.rps;
}

function printResult(r, opts) {
  const { rows } = r;
  const W = 22;
  console.log("");
  console.log(
    `${r.kind === "sqlite" ? "SQLite" : "PostgreSQL"}: ${opts.connections} connections, ${opts.duration} s per scenario after ${opts.warmup} s warm-up (cap ${fmt(opts.cap)} requests)`,
  );
  console.log(
    `  ${"scenario".padEnd(W)} ${"req/s".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"errors".padStart(6)} ${"non-2xx".padStart(7)} ${"requests".padStart(8)} ${"CPU ms/req".padStart(10)}  what`,
  );
  for (const row of Object.values(rows)) {
    console.log(
      `  ${row.label.padEnd(W)} ${fmt(row.rps).padStart(8)} ${fmt(row.p50).padStart(7)} ${fmt(row.p99).padStart(7)} ${String(row.errors).padStart(6)} ${String(row.non2xx).padStart(7)} ${fmt(row.completed).padStart(8)} ${fmt(cpuPerRequest(row), 1).padStart(10)}  ${row.what}${row.codes ? `  [${row.codes}]` : ""}${row.timeouts ? ` (${row.timeouts} timeouts)` : ""}${row.attempts > 1 ? ` (cleanest of ${row.attempts} attempts${row.errorsAll + row.non2xxAll > row.errors + row.non2xx ? `; all attempts: ${row.errorsAll} errors (${row.timeoutsAll} timeouts at ${opts.timeout} s), ${row.non2xxAll} non-2xx` : ""})` : ""}`,
    );
  }
  console.log(
    "  CPU ms/req: CPU time of the serving process per request (bare writer: its own process; PostgreSQL's backends not included).",
  );
  console.log(
    `  CPU during each scenario, in cores of 2 (server = Next.js process, bare = bare writer, generator = autocannon in this process):`,
  );
  for (const row of Object.values(rows)) {
    const c = row.cpu;
    if (!c) continue;
    const bareCores = (c.bare ?? 0) + (c.bareWal ?? 0);
    console.log(
      `    ${row.label.padEnd(W)} all ${c.all.toFixed(2)}  server ${c.server.toFixed(2)}  bare ${bareCores.toFixed(2)}  generator ${c.generator.toFixed(2)}  postgres ${c.postgres.toFixed(2)}  other processes ${c.other.toFixed(2)}${c.top ? ` (${c.top})` : ""}${c.steal >= 0.05 ? `  steal ${c.steal.toFixed(2)}` : ""}`,
    );
  }
  const saves = rows["(b) saves"];
  const floor = rows["floor (Next, no DB)"];
  const bare = rows["bare writer"];
  const pct = (a, b) => `${((100 * a) / b).toFixed(0)} %`;
  console.log(`  saves / floor:       ${pct(saves.rps, floor.rps)}   (${fmt(saves.rps)} / ${fmt(floor.rps)} req/s)`);
  console.log(`  saves / bare writer: ${pct(saves.rps, bare.rps)}   (${fmt(saves.rps)} / ${fmt(bare.rps)} req/s)`);
  const c = r.appCheck;
  console.log(
    `  saves check: ${fmt(c.acked)} acknowledged (200) + ${c.applied} unanswered that reached the database (in flight when a run stopped${c.orphansApplied ? `, ${c.orphansApplied} timed out` : ""}) = ${fmt(c.acked + c.applied)}; stored version increments ${fmt(c.stored)} over ${c.assessments} assessments`,
  );
  console.log(
    `  lost writes: ${c.lost}   extra writes: ${c.extra}   answer sets differing from the acknowledged saves: ${c.contentMismatch}   wrong versions in 200 answers: ${c.badAnswers}`,
  );
  const b = r.bareCheck;
  console.log(
    `  bare writer check: ${fmt(b.acked + b.applied)} saves, ${fmt(b.stored)} stored increments, lost ${b.lost}, extra ${b.extra}, differing answer sets ${b.contentMismatch}`,
  );
  if (r.walCheck) {
    const w = r.walCheck;
    console.log(
      `  bare writer (WAL) check: ${fmt(w.acked + w.applied)} saves, ${fmt(w.stored)} stored increments, lost ${w.lost}, extra ${w.extra}, differing answer sets ${w.contentMismatch}`,
    );
    console.log(`  saves / bare writer (WAL): ${pct(saves.rps, rows["bare writer, WAL"].rps)}`);
  }
  // When the clock stops, autocannon closes its connections; a save still waiting for the rate-limit
  // query then fails reading its body ("aborted"), which the route logs as an unexpected error.
  const aborted = r.serverErrors.filter((l) => l.includes("Error: aborted")).length;
  const others = r.serverErrors.filter((l) => !l.includes("Error: aborted"));
  console.log(
    `  server log: ${others.length} error lines${aborted ? `, plus ${aborted} "Error: aborted" (requests whose client went away when a scenario's clock stopped; the client never sees them)` : ""}; load average at the end ${r.loadavg.map((v) => v.toFixed(2)).join(" ")}`,
  );
  const distinct = [...new Set(others.map((l) => l.replace(/"(id|ms)":[^,}]*/g, "").slice(0, 240)))];
  for (const l of distinct.slice(0, 5)) console.log(`    ${l}`);
  const targets = [
    [
      "0 errors and 0 non-2xx in (a)–(c)",
      ["(a) results page", "(b) saves", "(c) peer view"].every(
        (k) => rows[k].errorsAll === 0 && rows[k].non2xxAll === 0,
      ),
      "",
    ],
    ["no lost write", c.lost === 0 && c.extra === 0 && c.contentMismatch === 0, ""],
    ["saves ≥ 70 % of the floor", saves.rps >= 0.7 * floor.rps, pct(saves.rps, floor.rps)],
    ["results page ≥ 300 req/s", rows["(a) results page"].rps >= 300, `${fmt(rows["(a) results page"].rps)} req/s`],
    ...["(a) results page", "(b) saves", "(c) peer view"].map((k) => [
      `p99 < 250 ms ${k}`,
      rows[k].p99 < 250,
      `${fmt(rows[k].p99)} ms`,
    ]),
  ];
  console.log("  targets:");
  for (const [name, ok, detail] of targets)
    console.log(`    ${ok ? "met   " : "MISSED"} ${name}${detail ? ` (${detail})` : ""}`);
  return targets.every(([, ok]) => ok);
}

function parseArgs(argv) {
  const opts = {
    db: null,
    duration: 10,
    warmup: 2,
    connections: 50,
    port: 3400,
    cap: 100_000,
    skipBuild: false,
    quietWait: 0,
    retries: 0,
    sqliteJournal: null,
    timeout: 10,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (min) => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < min) throw new Error(`${a} erwartet eine Zahl ≥ ${min}.`);
      return v;
    };
    if (a === "--db") {
      opts.db = argv[++i];
      if (!["sqlite", "postgresql", "both"].includes(opts.db)) throw new Error("--db: sqlite, postgresql oder both");
    } else if (a === "--duration") opts.duration = Math.min(num(1), 120);
    else if (a === "--warmup") opts.warmup = Math.min(num(0), 30);
    else if (a === "--connections") opts.connections = Math.min(Math.floor(num(1)), 500);
    else if (a === "--port") opts.port = Math.floor(num(1024));
    else if (a === "--cap") opts.cap = Math.min(Math.floor(num(100)), 1_000_000);
    else if (a === "--skip-build") opts.skipBuild = true;
    else if (a === "--quiet-wait") opts.quietWait = Math.min(num(0), 1800);
    else if (a === "--retries") opts.retries = Math.min(Math.floor(num(0)), 5);
    else if (a === "--timeout") opts.timeout = Math.min(num(1), 60);
    else if (a === "--sqlite-journal") {
      opts.sqliteJournal = argv[++i];
      if (!["wal", "delete"].includes(opts.sqliteJournal)) throw new Error("--sqlite-journal: wal oder delete");
    } else
      throw new Error(
        `Unbekannte Option ${a}. Erlaubt: --db sqlite|postgresql|both, --duration s, --warmup s, --connections n, --port p, --cap n, --quiet-wait s, --retries n, --timeout s, --sqlite-journal wal|delete, --skip-build`,
      );
  }
  if (opts.cap < opts.connections) opts.cap = opts.connections;
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  process.chdir(ROOT);
  console.log(`Load benchmark (npm run bench:load), ${new Date().toISOString()}`);
  console.log(`Machine: ${describeMachine()}`);
  console.log(
    "Every request carries its own X-Forwarded-For (127.x.y.z from a counter; TRUST_PROXY=true): the rate limiter's bookkeeping runs on every request (one upsert per write) but never refuses.",
  );
  console.log("Only 127.0.0.1 is contacted; autocannon runs in this process, on the same 2 cores as the server.");
  if (!opts.skipBuild) ensureBuild();
  const pgVersion = opts.db === "sqlite" ? null : await pgAnswers();
  let kinds;
  if (opts.db === "sqlite") kinds = ["sqlite"];
  else if (opts.db === "postgresql") {
    if (!pgVersion) throw new Error(`PostgreSQL antwortet nicht unter ${pgAdminUrl()} (BENCH_PG_URL).`);
    kinds = ["postgresql"];
  } else if (opts.db === "both") {
    if (!pgVersion) throw new Error(`PostgreSQL antwortet nicht unter ${pgAdminUrl()} (BENCH_PG_URL).`);
    kinds = ["sqlite", "postgresql"];
  } else kinds = pgVersion ? ["sqlite", "postgresql"] : ["sqlite"];
  if (!pgVersion && opts.db === null) console.log(`PostgreSQL antwortet nicht unter ${pgAdminUrl()}: nur SQLite.`);
  if (pgVersion) console.log(`PostgreSQL ${pgVersion} at ${new URL(pgAdminUrl()).host}`);

  const results = [];
  for (const kind of kinds) {
    console.log(`\n== ${kind} ==`);
    const r = await benchDatabase(kind, opts);
    results.push(r);
    await runCleanups(); // drop this database and its temporary files before the next one
  }
  console.log("\n================ Results ================");
  let allMet = true;
  let correct = true;
  for (const r of results) {
    allMet = printResult(r, opts) && allMet;
    const rows = Object.values(r.rows);
    if (r.appCheck.lost || r.appCheck.extra || r.appCheck.contentMismatch || rows.some((x) => x.errorsAll > 0))
      correct = false;
  }
  console.log(`\n${allMet ? "All targets met." : "Some targets missed (see MISSED above)."}`);
  return correct ? 0 : 1;
}

/** Runs a benchmark's main(): exits with its code, prints a one-line error, runs the cleanups in every case. */
export async function runBenchMain(name, main) {
  let code = 1;
  try {
    code = await main();
  } catch (e) {
    console.error(`${name}: ${e instanceof Error ? e.message : e}`);
  } finally {
    await runCleanups();
  }
  process.exit(code);
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain && process.argv.includes("--bare-writer")) {
  await bareWriterMain();
} else if (isMain) {
  await runBenchMain("bench:load", main);
}
