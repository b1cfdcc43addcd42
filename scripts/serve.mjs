// The production HTTP server: Next's request handler behind node:http, so that
// - X-Forwarded-For is the socket's address unless TRUST_PROXY is set (then the reverse proxies must append
//   to it and the app counts their entries from the right; Next alone would keep whatever a client sends,
//   and rate limits could be dodged);
// - SIGTERM/SIGINT stop accepting connections and let in-flight requests finish;
// - WEB_CONCURRENCY worker processes can share the port: the app keeps nothing a user needs in one
//   process (rate limits and sessions are in the database, caches are version-checked);
// - the build's static files are answered from memory, compressed once (scripts/lib/static-files.mjs).
import "./lib/no-telemetry.mjs";
import cluster from "node:cluster";
import http from "node:http";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { markPageCacheable, recordForPageCache } from "../lib/page-cache/recorder.mjs";
import { loadStaticFiles, serveStaticFile } from "./lib/static-files.mjs";
import serverLog from "../lib/http/log.cjs";
import trustProxyRule from "../lib/config/trust-proxy.cjs";
import { checkSettingsOrExit } from "./lib/check-settings.mjs";

const { parseTrustProxy, TRUST_PROXY_MESSAGE } = trustProxyRule;
const { logLine, logRequest, stampConsole } = serverLog;
// Every line with an ISO time: JSON lines carry it as "time", any other line starts with it.
stampConsole();
// instrumentation.ts: this server logs its requests itself.
process.env.DIGITALCHECK_SERVE = "1";
// Checked before anything starts (lib/env.ts applies the same rule inside the app).
const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
if (trustProxy === null) {
  console.error(TRUST_PROXY_MESSAGE);
  process.exit(1);
}

// Every setting of lib/env.ts, before a worker starts or a port is opened (instrumentation.ts checks again
// inside each server).
if (cluster.isPrimary) await checkSettingsOrExit();

const log = logLine;

/**
 * WEB_CONCURRENCY: worker processes; default 1. On the 2-vCPU machines of docs/benchmarks.md two workers
 * served no more requests than one (each request cost half as much CPU again), so more is an operator's
 * choice for machines with more real cores, measured with npm run bench:load.
 */
function workerCount(value = process.env.WEB_CONCURRENCY) {
  if (value === undefined || value.trim() === "") return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    console.error("WEB_CONCURRENCY muss eine ganze Zahl von 1 bis 64 sein (Anzahl der Server-Prozesse).");
    process.exit(1);
  }
  return n;
}

const workers = workerCount();
if (cluster.isPrimary && workers > 1) runPrimary(workers);
else await runWorker();

/**
 * Starts the workers and replaces one that ends unexpectedly. On SIGTERM/SIGINT it passes SIGTERM on and
 * exits when all workers have: 0 if every one finished cleanly, else 1.
 */
function runPrimary(count) {
  let closing = false;
  let alive = 0;
  let failedStarts = 0;
  let exitCode = 0;
  const startedAt = new Map();
  const fork = () => {
    const worker = cluster.fork();
    alive += 1;
    startedAt.set(worker.id, Date.now());
  };
  log({ level: "info", msg: "starting workers", workers: count });
  for (let i = 0; i < count; i += 1) fork();
  cluster.on("exit", (worker, code, signal) => {
    alive -= 1;
    if (closing) {
      if (code !== 0) exitCode = 1;
      if (alive === 0) process.exit(exitCode);
      return;
    }
    log({ level: "error", msg: "worker exited", pid: worker.process.pid, code, signal });
    // A worker that fails within seconds of its start (no build, a broken configuration) would fail again.
    if (Date.now() - (startedAt.get(worker.id) ?? 0) < 10_000 && ++failedStarts >= 3) {
      log({ level: "error", msg: "workers keep failing at start; stopping" });
      closing = true;
      exitCode = 1;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
      if (alive === 0) process.exit(1);
      return;
    }
    fork();
  });
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      log({ level: "info", msg: "shutting down", signal, workers: alive });
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
      // The workers end by themselves within 10.5 seconds; this is the last resort.
      setTimeout(() => process.exit(1), 12_000).unref();
    });
  }
}

async function runWorker() {
  const { default: next } = await import("next");
  const port = Number(process.env.PORT || 3000);
  const hostname = process.env.HOSTNAME || "0.0.0.0";

  // The configuration the build was made with, as the standalone server passes it: Next then neither reads
  // next.config.js again nor warns that `next start` does not suit output: "standalone".
  const serverFiles = path.join(process.cwd(), ".next", "required-server-files.json");
  if (!existsSync(serverFiles)) {
    console.error("Kein Build vorhanden. Bitte zuerst „npm run build“ ausführen.");
    process.exit(1);
  }
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(JSON.parse(readFileSync(serverFiles, "utf8")).config);
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // The build's scripts, stylesheets and the fonts, from memory and compressed once (scripts/lib/static-files.mjs).
  const staticFiles = loadStaticFiles(process.cwd());

  const server = http.createServer((req, res) => {
    logRequest(req, res);
    if (!trustProxy) {
      req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
      delete req.headers["x-real-ip"];
    }
    if (serveStaticFile(staticFiles, req, res)) return;
    if (markPageCacheable(req)) recordForPageCache(res);
    handle(req, res);
  });
  // An idle keep-alive connection is closed by the client or the proxy in front, not by us: if both sides
  // close at about the same moment, a request sent on it meets a reset socket (seen in CI: ECONNRESET on a
  // connection idle for 5 s, this server's former timeout). Load balancers and nginx's upstream keep-alive
  // give up after 60 s by default; the headers timeout must stay above this one.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(port, hostname, () => {
    log({
      level: "info",
      msg: "listening",
      url: `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`,
      trustProxy,
      pid: process.pid,
    });
  });

  let closing = false;
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      log({ level: "info", msg: "shutting down", signal, pid: process.pid });
      // Close the listener only after half a second: connections the kernel has already queued while the
      // event loop was busy (rendering a PDF, say) are accepted and read first; closing the listener at
      // once would reset them, although their clients had sent the request before the signal.
      setTimeout(() => {
        server.close(() => process.exit(0));
        // Keep-alive sockets without a request in flight are closed as soon as they go idle.
        server.closeIdleConnections();
        setInterval(() => server.closeIdleConnections(), 100).unref();
      }, 500);
      // In-flight requests get 10 seconds; then the process ends regardless.
      setTimeout(() => process.exit(1), 10_000).unref();
    });
  }
}
