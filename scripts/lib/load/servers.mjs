// The processes a benchmark measures: the production server (scripts/serve.mjs), any Node server, and
// the bare writer. Each is stopped by its stop() or by the cleanup at the end.

import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { serverHeapArgs } from "../heap-limit.mjs";
import { ROOT, onCleanup, sleep } from "./run.mjs";

const BARE_WRITER = fileURLToPath(new URL("./bare-writer.mjs", import.meta.url));

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

/**
 * Starts scripts/serve.mjs of the checkout at root (default: this one) on 127.0.0.1:port with its output in
 * logFile; resolves once /api/health answers 200. nodeArgs go before the script (e.g. --cpu-prof).
 */
export async function startServer({ port, databaseUrl, logFile, extraEnv = {}, root = ROOT, nodeArgs = [] }) {
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
    args: [...serverHeapArgs(), ...nodeArgs, "scripts/serve.mjs"],
    cwd: root,
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

/**
 * Starts the bare writer (./bare-writer.mjs, a child process) on 127.0.0.1:port for the database of
 * databaseUrl; journal "wal" switches its SQLite file to WAL with synchronous=NORMAL.
 */
export async function startBareWriter(databaseUrl, port, journal = "") {
  await assertPortFree(port);
  const child = spawn(process.execPath, [BARE_WRITER], {
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
