import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";

export type TServer = {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
};

/** The server's output without its per-request lines: what to print when a test against it fails. */
export function serverDiagnostics(server: TServer | undefined, name: string): string {
  if (!server) return `${name}: not started`;
  const lines = server
    .output()
    .split("\n")
    .filter((l) => !l.includes('"msg":"request"') || l.includes('"level":"error"'));
  return `${name} (${server.url}, exit code ${server.process.exitCode}, signal ${server.process.signalCode}):\n${lines.join("\n")}`;
}

/** Starts another production server (scripts/serve.mjs on the existing build) for multi-process tests. */
export async function startServer(
  port: number,
  env: Record<string, string>,
  { waitForHealth = true } = {},
): Promise<TServer> {
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      TRUST_PROXY: "true",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited: ${log}`);
    // Only our own child's server counts: another process on the same port must not pass for it.
    if (!log.includes('"msg":"listening"')) {
      if (Date.now() > deadline) throw new Error(`server on ${port} not ready: ${log}`);
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (!waitForHealth || res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server on ${port} not ready: ${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code, signal) => {
      // Said in the log, so that a test that finds the server gone can tell how it ended.
      log += `\n[test] server on ${port} exited with code ${code} signal ${signal}\n`;
      resolve(code);
    }),
  );
  return {
    url,
    process: child,
    output: () => log,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * A database of a test's own on the suite's provider (E2E_DATABASE_URL): a file in `dir` for SQLite, a new
 * database `<prefix>_<pid>_<time>` on the same PostgreSQL server otherwise. Migrate it before use.
 */
export function createTestDatabase(dir: string, prefix: string): { url: string; drop: () => void } {
  const suite = process.env.E2E_DATABASE_URL || "file:./prisma/e2e.db";
  if (!suite.startsWith("postgres")) return { url: `file:${path.join(dir, `${prefix}.db`)}`, drop: () => undefined };
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = new URL(suite);
  const psql = (sql: string) =>
    execFileSync("psql", [
      "-h",
      admin.hostname,
      "-p",
      admin.port || "5432",
      "-U",
      admin.username || os.userInfo().username,
      "-d",
      "test",
      "-qc",
      sql,
    ]);
  psql(`CREATE DATABASE ${name}`);
  const url = new URL(suite);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
