#!/usr/bin/env node
// Participation codes and invitation letters: speed and peak memory, printed, never asserted.
//
//   npm run bench:codes [-- --state DE-BY --port 3440 --skip-server]
//
// On a temporary SQLite database (migrated, then removed):
//   1. `npm run codes -- issue --out …csv` for every municipality of the register (10,747): wall time and
//      the command's peak memory (VmHWM of its process, read from /proc while it runs);
//   2. `npm run codes -- issue --state DE-BY --letters …pdf`: the letters of one state as one PDF, written
//      to a file as it is made: wall time, pages, size, peak memory;
//   3. the same through the server (scripts/serve.mjs with the heap limit of `npm start`): an operator
//      session, then the form post of /betrieb/teilnahme with "Einladungsbriefe"; the PDF is read as it
//      streams. Printed: time to the first byte, total time, size, the server's memory before the request
//      and the highest it reached during it (VmRSS sampled every 20 ms).
// The targets: codes for all municipalities < 5 s; letters for Bavaria's 2,056 municipalities
// with a peak below 300 MB.

import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { integerFrom1, parseArgsOrExit } from "./lib/args.mjs";
import { openDb } from "./lib/load/databases.mjs";
import { migrateDb } from "./lib/load/fixtures.mjs";
import { ROOT, describeMachine, onCleanup, runBenchMain, sleep } from "./lib/load/run.mjs";
import { startServer } from "./lib/load/servers.mjs";

const { values: opts } = parseArgsOrExit(
  process.argv.slice(2),
  {
    state: { type: "string", default: "DE-BY", parse: (raw) => raw ?? "DE-BY" },
    port: { type: "number", default: 3440, parse: integerFrom1 },
    "skip-server": { type: "boolean" },
  },
  { exitCode: 1, unknown: (a) => `Unbekannte Option: ${a}. Erlaubt: --state DE-XX, --port P, --skip-server.` },
);

// The hash of the test operator's password (tests/support/operator.ts); the session is created directly.
const OPERATOR_HASH =
  "scrypt$a2fd03e561ee0030ddb628379fd046d6$d1ee564a3285fe9970ab164380c9b2657438b58e999fd3fdee5d4c278368d237f304160aae1a3b4bea5c0e0a26ff859ad918f3b59c75752a22fb3f09ad979c90";

const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

function procKb(pid, field) {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Runs `npm run codes` (as package.json runs it) and returns its wall time, peak memory and stderr. */
function runCodes(args, databaseUrl) {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const [node, ...nodeArgs] = pkg.scripts.codes.split(" ");
  if (node !== "node") throw new Error(`unexpected codes script: ${pkg.scripts.codes}`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, ...args], {
      cwd: ROOT,
      // Letters need a sender (lib/participation/letter-sender.ts).
      env: {
        OPERATOR_NAME: "Digitalcheck (Messung)",
        OPERATOR_ADDRESS: "Musterstraße 1 | 12345 Musterstadt",
        OPERATOR_EMAIL: "messung@example.de",
        ...process.env,
        DATABASE_URL: databaseUrl,
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    let hwm = 0;
    child.stderr.on("data", (d) => (stderr += d));
    const tick = setInterval(() => (hwm = Math.max(hwm, procKb(child.pid, "VmHWM") ?? 0)), 20);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(tick);
      if (code !== 0) reject(new Error(`npm run codes -- ${args.join(" ")}: exit ${code}\n${stderr}`));
      else resolve({ ms: performance.now() - started, peakKb: hwm, stderr: stderr.trim() });
    });
  });
}

const pagesOf = (buffer) => (buffer.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;

async function main() {
  console.log(`bench:codes on ${describeMachine()}`);
  const dir = mkdtempSync(join(tmpdir(), "bench-codes-"));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const databaseUrl = `file:${join(dir, "codes.db")}`;
  migrateDb(databaseUrl);

  const all = await runCodes(["issue", "--all", "--out", join(dir, "all.csv")], databaseUrl);
  const rows = readFileSync(join(dir, "all.csv"), "utf8").trim().split("\n").length - 1;
  console.log(
    `codes for all municipalities: ${rows.toLocaleString("en")} codes, ${(all.ms / 1000).toFixed(1)} s wall (${all.stderr.match(/\(([\d.,]+ s)\)/)?.[1] ?? "?"} issuing), peak ${mb(all.peakKb)}   target < 5 s`,
  );

  const pdf = join(dir, "letters.pdf");
  const cli = await runCodes(
    ["issue", "--state", opts.state, "--replace", "--letters", pdf, "--url", "https://digitalcheck.example.de"],
    databaseUrl,
  );
  const cliPdf = readFileSync(pdf);
  console.log(
    `letters ${opts.state}, command: ${pagesOf(cliPdf).toLocaleString("en")} pages, ${(statSync(pdf).size / 2 ** 20).toFixed(1)} MB, ${(cli.ms / 1000).toFixed(1)} s wall, peak ${mb(cli.peakKb)}   target < 300 MB`,
  );

  if (opts["skip-server"]) return 0;
  const server = await startServer({
    port: opts.port,
    databaseUrl,
    logFile: join(dir, "server.log"),
    extraEnv: { OPERATOR_PASSWORD_HASH: OPERATOR_HASH },
  });
  onCleanup(() => server.stop());
  const token = randomBytes(32).toString("base64url");
  const db = await openDb("sqlite", databaseUrl);
  await db.run(`INSERT INTO "OperatorSession" ("tokenHash", "createdAt", "expiresAt") VALUES (?, ?, ?)`, [
    createHash("sha256").update(token).digest("hex"),
    new Date().toISOString(),
    new Date(Date.now() + 3_600_000).toISOString(),
  ]);
  await db.close();

  const post = async (fields) => {
    const started = performance.now();
    const res = await fetch(`${server.base}/betrieb/teilnahme/codes`, {
      method: "POST",
      headers: { cookie: `dc_operator=${token}`, origin: server.base },
      body: new URLSearchParams({ ...fields, format: "letters" }),
      redirect: "manual",
    });
    if (res.status !== 200 || res.headers.get("content-type") !== "application/pdf")
      throw new Error(`POST /betrieb/teilnahme/codes: ${res.status} ${res.headers.get("location") ?? ""}`);
    let firstByteMs = null;
    const chunks = [];
    for await (const chunk of res.body) {
      firstByteMs ??= performance.now() - started;
      chunks.push(chunk);
    }
    return { firstByteMs, ms: performance.now() - started, body: Buffer.concat(chunks) };
  };
  // One small selection first, so that the route, pdfkit and the fonts are loaded before measuring.
  await post({ ags: "09162000" });
  await sleep(1000);
  const pid = server.child.pid;
  const beforeKb = procKb(pid, "VmRSS") ?? 0;
  let peakKb = beforeKb;
  const tick = setInterval(() => (peakKb = Math.max(peakKb, procKb(pid, "VmRSS") ?? 0)), 20);
  const letters = await post({ state: opts.state });
  clearInterval(tick);
  console.log(
    `letters ${opts.state}, server: ${pagesOf(letters.body).toLocaleString("en")} pages, ${(letters.body.length / 2 ** 20).toFixed(1)} MB, first byte ${letters.firstByteMs.toFixed(0)} ms, all ${(letters.ms / 1000).toFixed(1)} s; server memory ${mb(beforeKb)} before, peak ${mb(peakKb)} during (+${mb(peakKb - beforeKb)})   target < 300 MB`,
  );
  return 0;
}

await runBenchMain("bench:codes", main);
