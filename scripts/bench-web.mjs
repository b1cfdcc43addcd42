#!/usr/bin/env node
// Front-end speed (docs/benchmarks.md):
//
//   npm run bench:web [-- --runs 3 --port 3420 --quiet-wait 0 --save dir --skip-build --skip-floor --no-paint-holding
//                         --pages landing,step,…]
//
// Builds if needed (as scripts/start.mjs does), serves the production build (scripts/serve.mjs on
// 127.0.0.1) on a temporary SQLite database with the demo municipalities, creates two assessments
// through the API (a draft with every question answered, for the questionnaire step; a submitted one,
// for the results page), and audits with Lighthouse (npm `lighthouse`, default config = mobile preset
// with simulated throttling, categories performance and accessibility), driving Debian's Chromium:
//
//   /                        landing page
//   /a/<token>/schritt/1     a questionnaire step
//   /a/<token>/ergebnis      a results page
//   /lagebild                the collective picture
//   /leichte-sprache         the offer in Leichter Sprache
//   /a/<token>/ziele         the targets page (of the submitted assessment)
//   /a/<token>/ergebnis?leichteSprache=ja   the result in Leichter Sprache
//
// --pages landing,step,results,lagebild,leichte-sprache,targets,results-easy audits only the pages named
// (default: all seven).
//
// The same audits run on the framework's floor (scripts/lib/next-floor.mjs): a one-page Next.js app with
// nothing of ours, built with the same Next.js, React and Turbopack and served by `next start` on port+1.
// --skip-floor leaves it out.
//
// --no-paint-holding turns Chromium's PaintHolding feature off (as Playwright does by default): under
// Lighthouse's phone emulation, headless Chromium holds the first frame of a page that is not ready within
// about 250 ms until about 1.25 s (docs/benchmarks.md). The default is Chromium's own behaviour.
//
// Per page: performance and accessibility scores, LCP and TBT (ms), and the first-load JavaScript:
// every script of Lighthouse's network-requests audit, summed as transferred (what the server sent:
// compressed if it compresses) and as gzip (each script fetched again and gzipped here at the default
// level, so the figure does not depend on whether the server compresses).
// Each page is audited --runs N times (1–5, default 3): performance and accessibility are each the median
// of the N runs (every run is printed below the table); LCP, TBT, FCP, CLS and the scripts are those of the
// run with the median performance score. --quiet-wait N waits up to N seconds for the other processes to go quiet (Lighthouse's TBT
// and simulated timings depend on the CPU it gets); --save dir keeps the Lighthouse reports as JSON.
// Bounded: every audit has a 120 s limit; the browser, the server and the temporary directory
// are always removed.

import { createRequire } from "node:module";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { parseArgs, usageError } from "./lib/args.mjs";
import { ensureBuild } from "./lib/ensure-build.mjs";
import { waitForQuiet } from "./lib/load/cpu.mjs";
import { createAnswered, seedDemo } from "./lib/load/fixtures.mjs";
import { ROOT, describeMachine, onCleanup, runBenchMain } from "./lib/load/run.mjs";
import { assertPortFree, spawnServer, startServer } from "./lib/load/servers.mjs";
import { chromeFlags } from "./lib/lighthouse-chrome.mjs";
import { buildFloorApp, floorEnv, floorServerArgs } from "./lib/next-floor.mjs";

const require = createRequire(import.meta.url);
const CHROME = process.env.CHROME_PATH || "/usr/bin/chromium";
const TARGETS = { performance: 95, accessibility: 100, questionnaireJsKb: 150 };
/** The pages --pages can name, in the order they are audited. */
const PAGE_KEYS = ["landing", "step", "results", "lagebild", "leichte-sprache", "targets", "results-easy"];

function readOptions(argv) {
  const { values } = parseArgs(
    argv,
    {
      runs: { type: "number", default: 3, parse: (raw) => Math.max(1, Math.min(5, Math.floor(Number(raw) || 1))) },
      port: { type: "number", default: 3420, parse: (raw) => Math.floor(Number(raw)) },
      "skip-build": { type: "boolean" },
      "skip-floor": { type: "boolean" },
      "no-paint-holding": { type: "boolean" },
      save: { type: "string", default: null, parse: (raw) => path.resolve(raw ?? ".") },
      "quiet-wait": { type: "number", default: 0, parse: (raw) => Math.max(0, Math.min(1800, Number(raw) || 0)) },
      pages: {
        type: "string",
        default: null,
        parse: (raw) => {
          const keys = String(raw ?? "").split(",");
          const bad = keys.filter((k) => !PAGE_KEYS.includes(k));
          if (bad.length) usageError(`--pages: unbekannte Seite ${bad.join(", ")} (erlaubt: ${PAGE_KEYS.join(", ")}).`);
          return keys;
        },
      },
    },
    {
      unknown: (a) =>
        `Unbekannte Option ${a}. Erlaubt: --runs n, --port p, --quiet-wait s, --skip-build, --skip-floor, --no-paint-holding, --save dir (Lighthouse-Berichte als JSON), --pages ${PAGE_KEYS.join(",")}`,
    },
  );
  return { ...values, floor: !values.skipFloor, paintHolding: !values.noPaintHolding };
}

/** chrome-launcher as Lighthouse itself resolves it (a dependency of lighthouse, not of this project). */
async function loadChromeLauncher() {
  const fromLighthouse = createRequire(require.resolve("lighthouse/package.json"));
  return import(pathToFileURL(fromLighthouse.resolve("chrome-launcher")).href);
}

const withTimeout = (promise, ms, what) =>
  Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: mehr als ${ms / 1000} s`)), ms).unref()),
  ]);

/** The median of a list of numbers (of an even count: the lower middle one, a score that was measured). */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

async function scriptSizes(lhr) {
  const items = (lhr.audits["network-requests"]?.details?.items ?? []).filter(
    (r) => r.resourceType === "Script" && !r.url.startsWith("data:"),
  );
  let transfer = 0;
  let resource = 0;
  let gzip = 0;
  for (const r of items) {
    transfer += r.transferSize ?? 0;
    resource += r.resourceSize ?? 0;
    const res = await fetch(r.url, { headers: { "accept-encoding": "identity" }, signal: AbortSignal.timeout(10_000) });
    gzip += gzipSync(Buffer.from(await res.arrayBuffer())).length;
  }
  return { count: items.length, transfer, resource, gzip };
}

async function audit(lighthouse, port, url, saveAs) {
  const runner = await withTimeout(
    lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] }),
    120_000,
    `Lighthouse ${url}`,
  );
  const lhr = runner.lhr;
  if (lhr.runtimeError) throw new Error(`Lighthouse ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  if (saveAs) writeFileSync(saveAs, typeof runner.report === "string" ? runner.report : JSON.stringify(lhr));
  const score = (c) => (lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100));
  const failedA11y = Object.values(lhr.audits)
    .filter(
      (a) =>
        lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0) &&
        a.score !== null &&
        a.score < 1,
    )
    .map((a) => a.id);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    lcp: lhr.audits["largest-contentful-paint"]?.numericValue,
    tbt: lhr.audits["total-blocking-time"]?.numericValue,
    fcp: lhr.audits["first-contentful-paint"]?.numericValue,
    cls: lhr.audits["cumulative-layout-shift"]?.numericValue,
    // The first paint in Lighthouse's own (unthrottled) trace. Lantern builds FCP and LCP from what happened
    // before it: a page that paints before its scripts run is simulated without their download and CPU.
    observedPaint: lhr.audits.metrics?.details?.items?.[0]?.observedFirstContentfulPaint ?? null,
    js: await scriptSizes(lhr),
    failedA11y,
    warnings: lhr.runWarnings ?? [],
  };
}

async function main() {
  const opts = readOptions(process.argv.slice(2));
  process.chdir(ROOT);
  console.log(`Front-end benchmark (npm run bench:web), ${new Date().toISOString()}`);
  console.log(
    `Machine: ${describeMachine()}; load average ${os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(" ")}`,
  );
  if (!opts.skipBuild) ensureBuild();

  const { default: lighthouse } = await import("lighthouse");
  const lhVersion = require("lighthouse/package.json").version;
  const chromeLauncher = await loadChromeLauncher();

  const dir = mkdtempSync(path.join(os.tmpdir(), "kdc-bench-web-"));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const databaseUrl = `file:${path.join(dir, "web.db")}`;
  console.log(seedDemo(databaseUrl));
  const server = await startServer({
    port: opts.port,
    databaseUrl,
    logFile: path.join(dir, "server.log"),
    extraEnv: { TRUST_PROXY: "false", BENCH_ROUTES: "false" },
  });
  const draft = await createAnswered(server.base, {
    submit: false,
    municipality: { name: "Messstadt", state: "DE-BY", population: 12000 },
  });
  const submitted = await createAnswered(server.base, {
    submit: true,
    municipality: { name: "Messdorf", state: "DE-BY", population: 3200 },
    seed: 1,
  });

  // Does the server compress? (Next's server does unless compress: false.)
  const probe = await fetch(`${server.base}/`, { headers: { "accept-encoding": "gzip, deflate, br" } });
  await probe.arrayBuffer();
  const encoding = probe.headers.get("content-encoding") ?? "none";

  let floor = null;
  if (opts.floor) {
    const floorDir = path.join(dir, "floor");
    const started = performance.now();
    buildFloorApp({ root: ROOT, dir: floorDir });
    await assertPortFree(opts.port + 1);
    const base = `http://127.0.0.1:${opts.port + 1}`;
    floor = {
      base,
      ...(await spawnServer({
        args: floorServerArgs(opts.port + 1),
        cwd: floorDir,
        env: floorEnv(),
        logFile: path.join(dir, "floor.log"),
        readyUrl: `${base}/`,
      })),
    };
    console.log(
      `Floor: a one-page Next.js app without anything of ours, built in ${((performance.now() - started) / 1000).toFixed(0)} s, next start on ${floor.base}`,
    );
  }

  const flags = chromeFlags(chromeLauncher.Launcher.defaultFlags(), opts);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME,
    chromeFlags: flags,
    ignoreDefaultFlags: true,
    logLevel: "silent",
    handleSIGINT: false,
  });
  onCleanup(() => chrome.kill());
  const chromeVersion = await (
    await fetch(`http://127.0.0.1:${chrome.port}/json/version`)
  )
    .json()
    .then((j) => j.Browser)
    .catch(() => "?");
  console.log(
    `Lighthouse ${lhVersion} (default config: mobile, simulated throttling), ${chromeVersion} (${CHROME}), ${opts.runs} run(s) per page`,
  );
  console.log(`Server: ${server.base}, compression of HTML: ${encoding}`);
  console.log(
    `Chromium: PaintHolding ${opts.paintHolding ? "on (Chromium's default; --no-paint-holding turns it off)" : "off (--no-paint-holding), as Playwright runs Chromium"}`,
  );

  const pages = [
    ["landing", "landing page", "/", "/"],
    ["step", "questionnaire step", `/a/${draft.token}/schritt/1`, "/a/<token>/schritt/1"],
    ["results", "results page", `/a/${submitted.token}/ergebnis`, "/a/<token>/ergebnis"],
    ["lagebild", "Lagebild", "/lagebild", "/lagebild"],
    ["leichte-sprache", "Leichte Sprache", "/leichte-sprache", "/leichte-sprache"],
    ["targets", "targets page", `/a/${submitted.token}/ziele`, "/a/<token>/ziele"],
    [
      "results-easy",
      "result, Leichte Sprache",
      `/a/${submitted.token}/ergebnis?leichteSprache=ja`,
      "/a/<token>/ergebnis?leichteSprache=ja",
    ],
  ]
    .filter(([key]) => !opts.pages || opts.pages.includes(key))
    .map(([, label, url, shown]) => [label, server.base + url, shown]);
  if (floor) pages.push(["floor (Next.js only)", `${floor.base}/`, "one-page Next.js app, next start", true]);
  // Lighthouse's TBT and its simulated timings follow the CPU it gets: note what else runs.
  await waitForQuiet(opts.quietWait, 0.3, (m) => console.log(m.trim()));
  const results = [];
  if (opts.save) mkdirSync(opts.save, { recursive: true });
  for (const [label, url, shown, isFloor = false] of pages) {
    const runs = [];
    for (let i = 0; i < opts.runs; i++)
      runs.push(
        await audit(
          lighthouse,
          chrome.port,
          url,
          opts.save && path.join(opts.save, `${label.replace(/\W+/g, "-")}-${i + 1}.json`),
        ),
      );
    // Each score is the median of its own runs; the other figures are those of the run with the median
    // performance score.
    const shownRuns = runs.map(
      (x, i) =>
        `#${i + 1} ${x.performance}/${x.accessibility} (paint ${Math.round(x.observedPaint ?? NaN)} ms, LCP ${Math.round(x.lcp)} ms, TBT ${Math.round(x.tbt)} ms)`,
    );
    const byPerformance = [...runs].sort((a, b) => (a.performance ?? 0) - (b.performance ?? 0));
    const r = byPerformance[Math.floor((runs.length - 1) / 2)];
    results.push({
      label,
      shown,
      isFloor,
      ...r,
      performance: median(runs.map((x) => x.performance ?? 0)),
      accessibility: median(runs.map((x) => x.accessibility ?? 0)),
      failedA11y: [...new Set(runs.flatMap((x) => x.failedA11y))],
      warnings: [...new Set(runs.flatMap((x) => x.warnings))],
      perfRuns: shownRuns,
    });
  }
  const loadAfter = os.loadavg();
  await chrome.kill();
  await server.stop();
  if (floor) await floor.stop();

  const kb = (n) => (n / 1024).toFixed(1);
  console.log("");
  console.log(
    `  ${"page".padEnd(24)} ${"perf".padStart(4)} ${"a11y".padStart(4)} ${"LCP ms".padStart(7)} ${"TBT ms".padStart(6)} ${"FCP ms".padStart(7)} ${"CLS".padStart(5)}  first-load JS: ${"scripts".padStart(7)} ${"kB gzip".padStart(8)} ${"kB sent".padStart(8)} ${"kB raw".padStart(8)}`,
  );
  for (const r of results) {
    console.log(
      `  ${r.label.padEnd(24)} ${String(r.performance).padStart(4)} ${String(r.accessibility).padStart(4)} ${Math.round(r.lcp).toString().padStart(7)} ${Math.round(r.tbt).toString().padStart(6)} ${Math.round(r.fcp).toString().padStart(7)} ${r.cls.toFixed(3).padStart(5)}                 ${String(r.js.count).padStart(7)} ${kb(r.js.gzip).padStart(8)} ${kb(r.js.transfer).padStart(8)} ${kb(r.js.resource).padStart(8)}  ${r.shown}`,
    );
  }
  console.log(
    `  every run, performance/accessibility${opts.runs > 1 ? ` (the table shows the median of the ${opts.runs} runs of each score)` : ""}:`,
  );
  for (const r of results) console.log(`    ${r.label.padEnd(24)} ${r.perfRuns.join(", ")}`);
  console.log(
    "  paint: the first paint in Lighthouse's unthrottled trace (docs/benchmarks.md: why the score follows it).",
  );
  for (const r of results) {
    if (r.failedA11y.length) console.log(`  accessibility audits failed on the ${r.label}: ${r.failedA11y.join(", ")}`);
    for (const w of r.warnings) console.log(`  Lighthouse warning (${r.label}): ${w}`);
  }
  console.log(
    "  kB gzip: the scripts gzipped here (default level); kB sent: Lighthouse's transfer sizes (as the server sent them); kB raw: uncompressed.",
  );
  const app = results.filter((r) => !r.isFloor);
  const floorResult = results.find((r) => r.isFloor);
  if (floorResult)
    console.log(
      `  floor: what Next.js and React alone score here; the app's pages ${app.map((r) => `${floorResult.performance - r.performance} (${r.label})`).join(", ")} points below it, with ${app.map((r) => kb(r.js.gzip - floorResult.js.gzip)).join(" / ")} kB gzip of scripts more.`,
    );
  const q = app.find((r) => r.label === "questionnaire step");
  const targets = [
    ...app.map((r) => [
      `performance ≥ ${TARGETS.performance}: ${r.label}`,
      r.performance >= TARGETS.performance,
      r.performance,
    ]),
    ...app.map((r) => [
      `accessibility ${TARGETS.accessibility}: ${r.label}`,
      r.accessibility >= TARGETS.accessibility,
      r.accessibility,
    ]),
    ...(q
      ? [
          [
            `questionnaire first-load JS < ${TARGETS.questionnaireJsKb} kB gzip`,
            q.js.gzip / 1024 < TARGETS.questionnaireJsKb,
            `${kb(q.js.gzip)} kB`,
          ],
        ]
      : []),
  ];
  console.log(`  load average at the end of the audits: ${loadAfter.map((v) => v.toFixed(2)).join(" ")}`);
  console.log("  targets:");
  for (const [name, ok, detail] of targets) console.log(`    ${ok ? "met   " : "MISSED"} ${name} (${detail})`);
  return 0;
}

await runBenchMain("bench:web", main);
