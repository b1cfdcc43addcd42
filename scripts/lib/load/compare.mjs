// `npm run bench:load -- --compare <git-ref>`: this checkout against another commit, interleaved.
//
// The ref is checked out once into .bench/ref-<commit> (a git worktree of this repository, node_modules
// hard-linked from this checkout, its Prisma clients generated, `next build`), and kept there so that the
// next comparison with the same commit starts at once (`git worktree remove --force .bench/ref-<commit>`
// removes it). Per database, each side gets a fresh database migrated and seeded by its own scripts and its
// own server (scripts/serve.mjs of its own checkout, this one on --port, the ref on --port + 1). Then, for
// --rounds rounds, every scenario runs on both sides in turn, the order swapped every round, so that a slow
// phase of a shared machine hits both alike. Printed: per scenario the median req/s and CPU ms per request
// of each side (every round's figure beside it), the ratio saves / floor of each side per round and its
// median, and the CPU of other processes during each run. Exit code 1 when the saves per floor of this
// checkout fall more than --max-drop points (default 5) below the ref's on any database, or when a side
// lost a write or had errors or non-2xx answers.

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { waitForQuiet } from "./cpu.mjs";
import { createPgDatabase } from "./databases.mjs";
import { openDb } from "./databases.mjs";
import { api, createAnswered, createDraft, seedDemo } from "./fixtures.mjs";
import { settleInflight, verify } from "./lost-writes.mjs";
import { ROOT, onCleanup, runCleanups } from "./run.mjs";
import { drive, floorScenario, getScenario, newSlots, saveScenario } from "./scenarios.mjs";
import { startServer } from "./servers.mjs";
import { median } from "../stats.mjs";
import "../no-telemetry.mjs";

const git = (args, cwd = ROOT) => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();

/** The commit a ref names; a usage error for anything git does not know. */
export function resolveRef(ref) {
  try {
    return git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    return null;
  }
}

/** node_modules as hard links (same file system, seconds instead of a copy); directories are created. */
function linkTree(from, to) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(a, b);
    else if (entry.isSymbolicLink()) execFileSync("cp", ["-P", a, b]);
    else if (entry.isFile()) linkSync(a, b);
  }
}

/**
 * The ref's checkout with a production build: .bench/ref-<commit>, created and built when missing. The build
 * runs as npm start builds (NODE_ENV=production, telemetry off); its output is shown only on failure.
 */
export function prepareRef(commit, log) {
  const dir = path.join(ROOT, ".bench", `ref-${commit.slice(0, 12)}`);
  const run = (cmd, args, label) => {
    const r = spawnSync(cmd, args, {
      cwd: dir,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
      maxBuffer: 64 << 20,
      timeout: 1_200_000,
    });
    if (r.status !== 0) {
      process.stderr.write(`${r.stdout ?? ""}${r.stderr ?? ""}`.split("\n").slice(-40).join("\n"));
      throw new Error(`${label} in ${path.relative(ROOT, dir)} fehlgeschlagen (Exit-Code ${r.status ?? r.signal}).`);
    }
  };
  if (!existsSync(path.join(dir, "package.json"))) {
    mkdirSync(path.dirname(dir), { recursive: true });
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    git(["worktree", "prune"]);
    log(`Vergleichsstand ${commit.slice(0, 12)}: git worktree ${path.relative(ROOT, dir)} …`);
    git(["worktree", "add", "--detach", "--force", dir, commit]);
  }
  if (!existsSync(path.join(dir, "node_modules"))) {
    log("Vergleichsstand: node_modules als harte Links …");
    linkTree(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  }
  const buildId = path.join(dir, ".next", "BUILD_ID");
  if (!existsSync(buildId) || !existsSync(path.join(dir, ".next/server/app/api/bench/floor/route.js"))) {
    log("Vergleichsstand: Prisma-Clients und next build (einige Minuten) …");
    const started = performance.now();
    run("npm", ["run", "--silent", "db:generate"], "db:generate");
    run(process.execPath, ["node_modules/next/dist/bin/next", "build"], "next build");
    if (!existsSync(path.join(dir, ".next/server/app/api/bench/floor/route.js")))
      throw new Error(`Der Vergleichsstand ${commit.slice(0, 12)} hat keine Route /api/bench/floor.`);
    log(`Vergleichsstand: gebaut in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  } else log(`Vergleichsstand ${commit.slice(0, 12)}: Build vorhanden (${statSync(buildId).mtime.toISOString()}).`);
  return dir;
}

/** One side of the comparison on one database: its own fresh database, server and fixtures. */
async function startSide(kind, side, opts) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `kdc-bench-compare-${side.name}-`));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const url = kind === "sqlite" ? `file:${path.join(dir, "app.db")}` : (await createPgDatabase(`cmp_${side.name}`)).url;
  seedDemo(url, side.root);
  const server = await startServer({
    port: side.port,
    databaseUrl: url,
    logFile: path.join(dir, "server.log"),
    root: side.root,
  });
  const results = await createAnswered(server.base, {
    submit: true,
    municipality: { name: "Lasttest-Ergebnis", state: "DE-BY", population: 3200 },
  });
  const drafts = [];
  for (let i = 0; i < opts.connections; i++)
    drafts.push(
      await createDraft(server.base, { name: `Lasttest-Entwurf ${i + 1}`, state: "DE-BY", population: 3200 + i }),
    );
  const slots = newSlots(drafts, (d) => `/api/assessments/${d.token}/answers`);
  const db = await openDb(kind, url);
  onCleanup(() => db.close());
  // Cold start out of the way; and whether this build has the floor on a dynamic segment.
  let dynamicFloor = false;
  for (let i = 0; i < 5; i++) {
    for (const [method, p, body] of [
      ["GET", `/a/${results.token}/ergebnis`],
      ["POST", "/api/bench/floor", { version: 1, answers: {} }],
      ["PUT", `/api/bench/floor/${"x".repeat(43)}`, { version: 1, answers: {} }],
      ["PUT", `/api/assessments/${drafts[0].token}/answers`, {}],
    ]) {
      const r = await api(server.base, method, p, body);
      if (r.status >= 500) throw new Error(`${side.name}: ${method} ${p}: ${r.status}`);
      if (p.startsWith("/api/bench/floor/")) dynamicFloor = r.status === 200;
    }
  }
  return { ...side, server, results, slots, db, dynamicFloor };
}

const SCENARIOS = [
  ["floor (Next, no DB)", (s) => floorScenario(s.server.base)],
  ["(b) saves", (s) => saveScenario(s.server.base, s.slots), true],
  ["floor, dynamic route", (s) => floorScenario(s.server.base, { dynamic: true })],
  ["(a) results page", (s) => getScenario(s.server.base, `/a/${s.results.token}/ergebnis`)],
];

/** Runs the comparison on the given databases; returns the exit code. */
export async function runCompare(kinds, opts, { fmt, log = (m) => console.log(`  ${m}`), thisSide = null }) {
  const commit = resolveRef(opts.compare);
  const head = git(["rev-parse", "--short=12", "HEAD"]);
  const dirty = git(["status", "--porcelain", "--untracked-files=no"]) !== "";
  const refDir = prepareRef(commit, log);
  // thisSide (for a bisect between two other commits): { label, root } of another prepared checkout.
  const sides = [
    thisSide
      ? { name: "this", label: thisSide.label, root: thisSide.root, port: opts.port }
      : {
          name: "this",
          label: `this checkout (${head}${dirty ? " + uncommitted changes" : ""})`,
          root: ROOT,
          port: opts.port,
        },
    { name: "ref", label: `${opts.compare} (${commit.slice(0, 12)})`, root: refDir, port: opts.port + 1 },
  ];
  let code = 0;
  const summaries = [];
  for (const kind of kinds) {
    console.log(`\n== ${kind}: ${sides[0].label} against ${sides[1].label}, ${opts.rounds} rounds ==`);
    const started = [];
    for (const side of sides) started.push(await startSide(kind, side, opts));
    const scenarios = SCENARIOS.filter(
      ([label]) => label !== "floor, dynamic route" || started.every((s) => s.dynamicFloor),
    );
    // figures[side][label] = [{ rps, cpuMs, p99, other, errors }] per round
    const figures = Object.fromEntries(
      started.map((s) => [s.name, Object.fromEntries(scenarios.map(([l]) => [l, []]))]),
    );
    for (let round = 1; round <= opts.rounds; round++) {
      const order = round % 2 === 1 ? started : [...started].reverse();
      log(
        `round ${round} (${order.map((s) => s.name).join(", ")} per scenario), load average ${os
          .loadavg()
          .map((v) => v.toFixed(2))
          .join(" ")}`,
      );
      for (const [label, make, isSave] of scenarios) {
        for (const s of order) {
          if (opts.quietWait > 0) await waitForQuiet(opts.quietWait, 0.3, () => {});
          const load = {
            duration: opts.duration,
            connections: opts.connections,
            cap: opts.cap,
            timeout: opts.timeout,
            pids: { server: s.server.child.pid },
          };
          if (opts.warmup > 0) {
            await drive(label, make(s), { ...load, duration: opts.warmup });
            if (isSave) await settleInflight(s.db, s.slots);
          }
          const row = await drive(label, make(s), load);
          if (isSave) await settleInflight(s.db, s.slots);
          const cpuMs = row.cpu && row.rps ? (1000 * row.cpu.server) / row.rps : null;
          figures[s.name][label].push({
            rps: row.rps,
            cpuMs,
            p99: row.p99,
            other: row.cpu?.other ?? null,
            errors: row.errors + row.non2xx,
          });
          log(
            `  ${s.name.padEnd(4)} ${label.padEnd(22)} ${fmt(row.rps).padStart(6)} req/s  ${fmt(cpuMs, 2).padStart(5)} CPU ms/req  p99 ${fmt(row.p99).padStart(5)} ms  errors+non-2xx ${row.errors + row.non2xx}  other processes ${(row.cpu?.other ?? 0).toFixed(2)} cores`,
          );
        }
      }
    }
    for (const s of started) await s.server.stop();
    const checks = {};
    for (const s of started) {
      await settleInflight(s.db, s.slots, { final: true });
      checks[s.name] = await verify(s.db, s.slots);
    }
    await runCleanups();

    const ratios = Object.fromEntries(
      started.map((s) => [
        s.name,
        figures[s.name]["(b) saves"].map((x, i) => (100 * x.rps) / figures[s.name]["floor (Next, no DB)"][i].rps),
      ]),
    );
    console.log(
      `\n${kind === "sqlite" ? "SQLite" : "PostgreSQL"}: median of ${opts.rounds} interleaved rounds (${opts.duration} s each after ${opts.warmup} s warm-up, ${opts.connections} connections); every round in brackets`,
    );
    console.log(
      `  ${"scenario".padEnd(22)} ${"this: req/s".padStart(12)} ${"CPU ms/req".padStart(10)} ${"p99 ms".padStart(7)}   ${"ref: req/s".padStart(11)} ${"CPU ms/req".padStart(10)} ${"p99 ms".padStart(7)}   this / ref`,
    );
    for (const [label] of scenarios) {
      const a = figures.this[label];
      const b = figures.ref[label];
      const m = (xs, k) => median(xs.map((x) => x[k]));
      console.log(
        `  ${label.padEnd(22)} ${fmt(m(a, "rps")).padStart(12)} ${fmt(m(a, "cpuMs"), 2).padStart(10)} ${fmt(m(a, "p99")).padStart(7)}   ${fmt(m(b, "rps")).padStart(11)} ${fmt(m(b, "cpuMs"), 2).padStart(10)} ${fmt(m(b, "p99")).padStart(7)}   ${fmt((100 * m(a, "rps")) / m(b, "rps"))} %   [this ${a.map((x) => fmt(x.rps)).join(", ")} · ref ${b.map((x) => fmt(x.rps)).join(", ")}]`,
      );
    }
    const ra = median(ratios.this);
    const rb = median(ratios.ref);
    console.log(
      `  saves / floor: this ${fmt(ra)} % [${ratios.this.map((x) => fmt(x)).join(", ")}]   ref ${fmt(rb)} % [${ratios.ref.map((x) => fmt(x)).join(", ")}]   difference ${ra - rb >= 0 ? "+" : ""}${fmt(ra - rb, 1)} points`,
    );
    const others = started.flatMap((s) => scenarios.flatMap(([l]) => figures[s.name][l].map((x) => x.other ?? 0)));
    console.log(
      `  other processes during the runs: ${fmt(median(others), 2)} cores median, ${fmt(Math.max(...others), 2)} max; load average now ${os
        .loadavg()
        .map((v) => v.toFixed(2))
        .join(" ")}`,
    );
    for (const s of started) {
      const c = checks[s.name];
      const errors = scenarios.reduce((n, [l]) => n + figures[s.name][l].reduce((k, x) => k + x.errors, 0), 0);
      console.log(
        `  ${s.name}: saves check ${fmt(c.acked + c.applied)} saves, ${fmt(c.stored)} stored increments, lost ${c.lost}, extra ${c.extra}, differing answer sets ${c.contentMismatch}; errors and non-2xx ${errors}`,
      );
      // As in the plain run: a lost or extra write, or an error or non-2xx answer in a measured run, fails it.
      if (c.lost || c.extra || c.contentMismatch || errors > 0) code = 1;
    }
    const dropped = ra < rb - opts.maxDrop;
    console.log(
      `  ${dropped ? "REGRESSION" : "ok"}: saves / floor ${dropped ? "fell" : "did not fall"} more than ${opts.maxDrop} points below the ref's`,
    );
    if (dropped) code = 1;
    summaries.push({ kind, ra, rb });
  }
  console.log(
    `\n${summaries.map((s) => `${s.kind}: saves / floor ${fmt(s.ra)} % (ref ${fmt(s.rb)} %)`).join("; ")}. The ref's checkout stays in ${path.relative(ROOT, refDir)} for the next comparison (git worktree remove --force ${path.relative(ROOT, refDir)}).`,
  );
  return code;
}
