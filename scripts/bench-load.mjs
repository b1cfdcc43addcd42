#!/usr/bin/env node
// Load figures of the production server (docs/benchmarks.md):
//
//   npm run bench:load [-- --db sqlite|postgresql|both --duration 10 --warmup 2 --connections 50 --port 3400
//                          --cap 100000 --quiet-wait 0 --retries 0 --timeout 10 --sqlite-journal wal|delete --skip-build
//                          --compare <git-ref> --rounds 3 --max-drop 5]
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
//        floor, dynamic route  PUT /api/bench/floor/<token>: the same on a dynamic segment, a save's route shape
//        bare writer           a minimal node:http server (scripts/lib/load/bare-writer.mjs, a child process) that parses the same
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
//
// --compare <git-ref> [--rounds 3 --max-drop 5] compares this checkout with another commit instead: built once
// in .bench/ref-<commit>, both served side by side, every scenario interleaved (scripts/lib/load/compare.mjs);
// exit code 1 when saves / floor fall more than --max-drop points below the ref's.
//
// The parts live in scripts/lib/load/ (servers, fixtures, databases, scenarios, the lost-write check, CPU
// figures, the bare writer); this file holds the options, the run per database and the printed results.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs, usageError } from "./lib/args.mjs";
import { ensureBuild } from "./lib/ensure-build.mjs";
import { createPgDatabase, insertBareDrafts, openDb, pgAdminUrl, pgAnswers } from "./lib/load/databases.mjs";
import { api, createAnswered, createColleagues, createDraft, migrateDb, seedDemo } from "./lib/load/fixtures.mjs";
import { settleInflight, verify } from "./lib/load/lost-writes.mjs";
import { ROOT, describeMachine, onCleanup, runBenchMain, runCleanups } from "./lib/load/run.mjs";
import {
  COLLEAGUE_TABLES,
  drive,
  firstVisitAssets,
  floorScenario,
  getScenario,
  newSlots,
  saveScenario,
  staticScenario,
} from "./lib/load/scenarios.mjs";
import { waitForQuiet } from "./lib/load/cpu.mjs";
import { resolveRef, runCompare } from "./lib/load/compare.mjs";
import { startBareWriter, startServer } from "./lib/load/servers.mjs";
import "./lib/no-telemetry.mjs";

const require = createRequire(import.meta.url);

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
  // A colleague's saves (PUT /api/colleagues/<token>/answers): one invitation per connection, 20 per lead.
  const colleagues = await createColleagues(server.base, opts.connections);
  const colleagueSlots = newSlots(colleagues, (c) => `/api/colleagues/${c.token}/answers`, COLLEAGUE_TABLES);
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
      ["PUT", `/api/bench/floor/${"x".repeat(43)}`, { version: 1, answers: {} }],
      ["PUT", `/api/assessments/${drafts[0].token}/answers`, {}], // 422: loads the route, changes nothing
      ["PUT", `/api/colleagues/${colleagues[0].token}/answers`, {}], // likewise
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
    [
      "(b2) colleague saves",
      "PUT /api/colleagues/<token>/answers",
      () => saveScenario(server.base, colleagueSlots),
      colleagueSlots,
      appDb,
    ],
    ["(c) peer view", "GET /vergleich?state=DE-BY", () => getScenario(server.base, "/vergleich?state=DE-BY")],
    [
      "(d) static files",
      `GET of the ${assets.length} scripts, stylesheets and fonts of a first visit`,
      () => staticScenario(server.base, assets),
    ],
    ["floor (Next, no DB)", "POST /api/bench/floor", () => floorScenario(server.base)],
    [
      "floor, dynamic route",
      "PUT /api/bench/floor/<token> (a save's route shape)",
      () => floorScenario(server.base, { dynamic: true }),
    ],
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
  if (opts.scenario === "colleague") {
    const picked = ["floor (Next, no DB)", "(b) saves", "(b2) colleague saves"].map((k) =>
      scenarios.find(([label]) => label === k),
    );
    const runs = await interleave(picked, opts, { load, warm, log });
    await server.stop();
    await bare.stop();
    await wal?.writer.stop();
    await settleInflight(appDb, appSlots, { final: true });
    await settleInflight(appDb, colleagueSlots, { final: true });
    return {
      kind,
      runs,
      appCheck: await verify(appDb, appSlots),
      colleagueCheck: await verify(appDb, colleagueSlots),
      serverErrors: serverErrorLines(logFile),
      loadavg: os.loadavg(),
    };
  }
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
      const row = await runScenario(label, make, slots, db, opts, { load, warm });
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
  await settleInflight(appDb, colleagueSlots, { final: true });
  const appCheck = await verify(appDb, appSlots);
  const colleagueCheck = await verify(appDb, colleagueSlots);
  const bareCheck = await verify(bareDb, bareSlots);
  const walCheck = wal ? await verify(wal.db, wal.slots) : null;

  const serverErrors = serverErrorLines(logFile);
  return {
    kind,
    rows,
    appCheck,
    colleagueCheck,
    bareCheck,
    walCheck,
    appJournal,
    serverErrors,
    loadavg: os.loadavg(),
    seconds: (performance.now() - started) / 1000,
  };
}

/** One run of a scenario: (waiting for quiet,) warm-up, the measured run; saves settled after each. */
async function runScenario(label, make, slots, db, opts, { load, warm }) {
  if (opts.quietWait > 0) await waitForQuiet(opts.quietWait, 0.3, () => {});
  if (opts.warmup > 0) {
    await drive(label, make(), warm);
    if (slots) await settleInflight(db, slots);
  }
  const row = await drive(label, make(), load);
  if (slots) await settleInflight(db, slots);
  return row;
}

function serverErrorLines(logFile) {
  return readFileSync(logFile, "utf8")
    .split("\n")
    .filter((l) => l.includes('"level":"error"') || /^\S*(Error|error)\b/.test(l));
}

/**
 * --scenario colleague: the floor, the lead's saves and a colleague's saves, each run once per round, the order
 * turned by one every round (so that a slow phase of a shared machine hits each alike). Returns every run.
 */
async function interleave(scenarios, opts, { load, warm, log }) {
  const runs = [];
  for (let round = 0; round < opts.rounds; round++) {
    const order = scenarios.map((_, i) => scenarios[(i + round) % scenarios.length]);
    for (const [label, , make, slots, db] of order) {
      const row = await runScenario(label, make, slots, db, opts, { load, warm });
      row.round = round + 1;
      runs.push(row);
      log(
        `round ${round + 1} ${label.padEnd(20)} ${fmt(row.rps).padStart(7)} req/s  ${fmt(cpuPerRequest(row), 2).padStart(5)} CPU ms/req  p99 ${fmt(row.p99)} ms  errors ${row.errors}  non-2xx ${row.non2xx}  (other processes ${(row.cpu?.other ?? 0).toFixed(2)} cores, load average ${os
          .loadavg()
          .map((v) => v.toFixed(2))
          .join(" ")})`,
      );
    }
  }
  return runs;
}

/** The median of a list of numbers (the mean of the middle two of an even count). */
function median(values) {
  const v = values.filter((x) => x != null && !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** --scenario colleague: the lead's and a colleague's save side by side, medians of the rounds. */
function printColleagueResult(r, opts) {
  const labels = ["floor (Next, no DB)", "(b) saves", "(b2) colleague saves"];
  const of = (label) => r.runs.filter((x) => x.label === label);
  const floorByRound = new Map(of(labels[0]).map((x) => [x.round, x.rps]));
  console.log("");
  console.log(
    `${r.kind === "sqlite" ? "SQLite" : "PostgreSQL"}: the lead's save and a colleague's save, ${opts.rounds} interleaved rounds, ${opts.connections} connections, ${opts.duration} s per run after ${opts.warmup} s warm-up; medians, every round in brackets`,
  );
  console.log(
    `  ${"scenario".padEnd(22)} ${"req/s".padStart(22)} ${"saves / floor".padStart(22)} ${"CPU ms/req".padStart(18)} ${"p99 ms".padStart(20)} ${"errors".padStart(6)} ${"non-2xx".padStart(7)}  other processes (cores)`,
  );
  const list = (xs, f) => `[${xs.map(f).join(", ")}]`;
  for (const label of labels) {
    const xs = of(label).sort((a, b) => a.round - b.round);
    const ratio = (x) => (100 * x.rps) / floorByRound.get(x.round);
    const isSave = label !== labels[0];
    console.log(
      `  ${label.padEnd(22)} ${`${fmt(median(xs.map((x) => x.rps)))} ${list(xs, (x) => fmt(x.rps))}`.padStart(22)} ${(isSave ? `${fmt(median(xs.map(ratio)))} % ${list(xs, (x) => fmt(ratio(x)))}` : "").padStart(22)} ${`${fmt(median(xs.map(cpuPerRequest)), 2)} ${list(xs, (x) => fmt(cpuPerRequest(x), 2))}`.padStart(18)} ${`${fmt(median(xs.map((x) => x.p99)))} ${list(xs, (x) => fmt(x.p99))}`.padStart(20)} ${String(xs.reduce((n, x) => n + x.errors, 0)).padStart(6)} ${String(xs.reduce((n, x) => n + x.non2xx, 0)).padStart(7)}  ${xs.map((x) => (x.cpu?.other ?? 0).toFixed(2)).join(", ")}`,
    );
  }
  for (const [who, c] of [
    ["lead's saves", r.appCheck],
    ["colleague's saves", r.colleagueCheck],
  ])
    console.log(
      `  ${who}: ${fmt(c.acked)} acknowledged + ${c.applied} in flight that reached the database = ${fmt(c.acked + c.applied)}; stored version increments ${fmt(c.stored)}; lost writes ${c.lost}, extra writes ${c.extra}, differing answer sets ${c.contentMismatch}, wrong versions in 200 answers ${c.badAnswers}`,
    );
  const aborted = r.serverErrors.filter((l) => l.includes("Error: aborted")).length;
  console.log(
    `  server log: ${r.serverErrors.length - aborted} error lines${aborted ? ` (plus ${aborted} "Error: aborted")` : ""}; load average at the end ${r.loadavg.map((v) => v.toFixed(2)).join(" ")}`,
  );
  const lead = median(of(labels[1]).map((x) => (100 * x.rps) / floorByRound.get(x.round)));
  const colleague = median(of(labels[2]).map((x) => (100 * x.rps) / floorByRound.get(x.round)));
  console.log(
    `  a colleague's save against the lead's: ${fmt(colleague - lead)} points of the floor, ${fmt(median(of(labels[2]).map(cpuPerRequest)) - median(of(labels[1]).map(cpuPerRequest)), 2)} CPU ms per save`,
  );
  return [r.appCheck, r.colleagueCheck].every((c) => c.lost === 0 && c.extra === 0 && c.contentMismatch === 0);
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
  const colleagueSaves = rows["(b2) colleague saves"];
  console.log(
    `  colleague saves / floor: ${pct(colleagueSaves.rps, floor.rps)}   (${fmt(colleagueSaves.rps)} / ${fmt(floor.rps)} req/s; --scenario colleague compares them interleaved)`,
  );
  const c = r.appCheck;
  console.log(
    `  saves check: ${fmt(c.acked)} acknowledged (200) + ${c.applied} unanswered that reached the database (in flight when a run stopped${c.orphansApplied ? `, ${c.orphansApplied} timed out` : ""}) = ${fmt(c.acked + c.applied)}; stored version increments ${fmt(c.stored)} over ${c.assessments} assessments`,
  );
  console.log(
    `  lost writes: ${c.lost}   extra writes: ${c.extra}   answer sets differing from the acknowledged saves: ${c.contentMismatch}   wrong versions in 200 answers: ${c.badAnswers}`,
  );
  const cc = r.colleagueCheck;
  console.log(
    `  colleague saves check: ${fmt(cc.acked + cc.applied)} saves, ${fmt(cc.stored)} stored increments, lost ${cc.lost}, extra ${cc.extra}, differing answer sets ${cc.contentMismatch}, wrong versions in 200 answers ${cc.badAnswers}`,
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
      ["(a) results page", "(b) saves", "(b2) colleague saves", "(c) peer view"].every(
        (k) => rows[k].errorsAll === 0 && rows[k].non2xxAll === 0,
      ),
      "",
    ],
    ["no lost write", [c, cc].every((x) => x.lost === 0 && x.extra === 0 && x.contentMismatch === 0), ""],
    ["saves ≥ 70 % of the floor", saves.rps >= 0.7 * floor.rps, pct(saves.rps, floor.rps)],
    ["results page ≥ 300 req/s", rows["(a) results page"].rps >= 300, `${fmt(rows["(a) results page"].rps)} req/s`],
    ...["(a) results page", "(b) saves", "(b2) colleague saves", "(c) peer view"].map((k) => [
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

/** A number option: below min is an error, above max is cut to max; whole numbers are rounded down. */
const numberOption = (fallback, min, max = Infinity, whole = false) => ({
  type: "number",
  default: fallback,
  parse: (raw, flag) => {
    const v = Number(raw);
    if (!Number.isFinite(v) || v < min) usageError(`${flag} erwartet eine Zahl ≥ ${min}.`);
    return Math.min(whole ? Math.floor(v) : v, max);
  },
});

/** A string option with a fixed set of values. */
const choiceOption = (choices, message) => ({
  type: "string",
  default: null,
  parse: (raw) => (choices.includes(raw) ? raw : usageError(message)),
});

function readOptions(argv) {
  const { values: opts } = parseArgs(
    argv,
    {
      db: choiceOption(["sqlite", "postgresql", "both"], "--db: sqlite, postgresql oder both"),
      duration: numberOption(null, 1, 120),
      warmup: numberOption(null, 0, 30),
      connections: numberOption(50, 1, 500, true),
      port: numberOption(3400, 1024, Infinity, true),
      cap: numberOption(100_000, 100, 1_000_000, true),
      "skip-build": { type: "boolean" },
      "quiet-wait": numberOption(0, 0, 1800),
      retries: numberOption(0, 0, 5, true),
      timeout: numberOption(10, 1, 60),
      "sqlite-journal": choiceOption(["wal", "delete"], "--sqlite-journal: wal oder delete"),
      compare: {
        type: "string",
        default: null,
        parse: (raw) => raw ?? usageError("--compare erwartet eine Git-Referenz."),
      },
      rounds: numberOption(3, 1, 9, true),
      "max-drop": numberOption(5, 0, 100),
      scenario: choiceOption(["colleague"], "--scenario: colleague"),
    },
    {
      unknown: (a) =>
        `Unbekannte Option ${a}. Erlaubt: --db sqlite|postgresql|both, --duration s, --warmup s, --connections n, --port p, --cap n, --quiet-wait s, --retries n, --timeout s, --sqlite-journal wal|delete, --skip-build, --compare <git-ref>, --rounds n, --max-drop points, --scenario colleague`,
    },
  );
  if (opts.cap < opts.connections) opts.cap = opts.connections;
  // A comparison runs every scenario 2 × rounds times, --scenario colleague three scenarios × rounds: shorter
  // runs by default.
  const interleaved = opts.compare || opts.scenario;
  opts.duration ??= interleaved ? 5 : 10;
  opts.warmup ??= interleaved ? 1 : 2;
  if (opts.compare && !resolveRef(opts.compare)) usageError(`--compare: Git kennt ${opts.compare} nicht.`);
  if (opts.compare && opts.sqliteJournal) usageError("--compare und --sqlite-journal gehen nicht zusammen.");
  if (opts.compare && opts.scenario) usageError("--compare und --scenario gehen nicht zusammen.");

  return opts;
}

async function main() {
  const opts = readOptions(process.argv.slice(2));
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

  if (opts.compare) return runCompare(kinds, opts, { fmt });

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
  if (opts.scenario === "colleague") {
    for (const r of results) correct = printColleagueResult(r, opts) && correct;
    return correct ? 0 : 1;
  }
  for (const r of results) {
    allMet = printResult(r, opts) && allMet;
    const rows = Object.values(r.rows);
    if (r.appCheck.lost || r.appCheck.extra || r.appCheck.contentMismatch || rows.some((x) => x.errorsAll > 0))
      correct = false;
  }
  console.log(`\n${allMet ? "All targets met." : "Some targets missed (see MISSED above)."}`);
  return correct ? 0 : 1;
}

await runBenchMain("bench:load", main);
