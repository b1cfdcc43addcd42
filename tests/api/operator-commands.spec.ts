import { spawn, execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { expect, test, uniqueClientIp } from "../support/test";
import { createTestDatabase, serverDiagnostics, startServer, type TServer } from "../support/server";
import { completeAnswers, validProfile } from "../support/fixtures";

/**
 * What an operator runs beside a running instance: a production server serves its own database while
 * requests keep going, and db:migrate (nothing pending, a pending migration, a lock held too long),
 * seed:demo, seed:demo -- --remove, cleanup and scripts/backup.sh run against that same database. Every
 * command must succeed (or end with one German line where it has to give up), never print a stack
 * trace, and no request of the load may fail. Runs on the provider of the suite (E2E_DATABASE_URL).
 */

const SUITE_URL = process.env.E2E_DATABASE_URL || "file:./prisma/e2e.db";
const POSTGRES = SUITE_URL.startsWith("postgres");
const PORT = 3126;

type TRun = { code: number | null; stdout: string; stderr: string; ms: number };

/** Runs a command without blocking this process, so the load keeps going while it runs. */
function runCommand(cmd: string, args: string[], env: Record<string, string>): Promise<TRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      env: { ...process.env, ...env, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

const npmRun = (script: string, args: string[], env: Record<string, string>) =>
  runCommand("npm", ["run", "--silent", script, ...(args.length > 0 ? ["--", ...args] : [])], env);

/** A stack trace or Prisma's engine error in what a command printed. */
function expectNoStackTrace(run: TRun) {
  const output = run.stdout + run.stderr;
  expect(output).not.toMatch(/^\s+at .+[:(]\d+/m);
  expect(output).not.toContain("WASM_ERROR");
  expect(output).not.toMatch(/Error: /);
}

/** Keeps a mayor's requests going (create, save, read the overview and the peers) until stopped. */
function startLoad(base: string) {
  const failures: string[] = [];
  let requests = 0;
  let stopped = false;
  const call = async (label: string, url: string, init: RequestInit = {}) => {
    try {
      const res = await fetch(`${base}${url}`, init);
      requests += 1;
      const text = await res.text();
      if (res.status >= 500) failures.push(`${label}: ${res.status}`);
      return { status: res.status, text };
    } catch (e) {
      failures.push(`${label}: ${(e as Error).message}`);
      return undefined;
    }
  };
  const loop = (async () => {
    while (!stopped) {
      const headers = { "content-type": "application/json", "x-forwarded-for": uniqueClientIp() };
      const created = await call("create", "/api/assessments", {
        method: "POST",
        headers,
        body: JSON.stringify(validProfile()),
      });
      if (!created || created.status !== 201) {
        if (created) failures.push(`create: ${created.status}`);
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      const { token } = JSON.parse(created.text) as { token: string };
      let version = 1;
      for (; version <= 5 && !stopped; version += 1) {
        const answers = version === 5 ? completeAnswers() : { e_file: version % 2 === 0 ? "planned" : "in_use" };
        const put = await call("save", `/api/assessments/${token}/answers`, {
          method: "PUT",
          headers,
          body: JSON.stringify({ version, answers }),
        });
        if (put && put.status !== 200) failures.push(`save: ${put.status}`);
        await call("overview", `/a/${token}`, { headers });
        await call("peers", "/api/peers?state=DE-SN", { headers });
      }
      if (version <= 5) break; // stopped before the last save: the draft is incomplete
      const submit = await call("submit", `/api/assessments/${token}/submit`, { method: "POST", headers });
      if (submit && submit.status !== 200) failures.push(`submit: ${submit.status}`);
    }
  })();
  return {
    requests: () => requests,
    stop: async () => {
      stopped = true;
      await loop;
      return { requests, failures };
    },
  };
}

/** The provider's migrations plus harmless new ones: what a deployment with pending migrations looks like. */
function migrationsWithProbes(dir: string, probes: string[]): string {
  const target = path.join(dir, `migrations-${probes.length}`);
  cpSync(path.join("prisma", POSTGRES ? "postgresql" : "", "migrations"), target, { recursive: true });
  probes.forEach((table, i) => {
    mkdirSync(path.join(target, `2999010100000${i}_${table.toLowerCase()}`));
    writeFileSync(
      path.join(target, `2999010100000${i}_${table.toLowerCase()}`, "migration.sql"),
      `CREATE TABLE "${table}" ("id" INTEGER NOT NULL PRIMARY KEY);\n`,
    );
  });
  return target;
}

/** Holds the lock a migrator needs (SQLite: the write lock; PostgreSQL: the migrators' advisory lock) for `ms`. */
async function holdMigrationLock(url: string, ms: number): Promise<() => Promise<void>> {
  if (url.startsWith("file:")) {
    const sqlite = new Database(url.slice("file:".length));
    sqlite.exec("BEGIN IMMEDIATE");
    const timer = setTimeout(() => sqlite.exec("COMMIT"), ms);
    return async () => {
      clearTimeout(timer);
      if (sqlite.inTransaction) sqlite.exec("COMMIT");
      sqlite.close();
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SELECT pg_advisory_lock(4242001)");
  const released = new Promise<void>((resolve) =>
    setTimeout(() => void client.query("SELECT pg_advisory_unlock(4242001)").then(() => resolve()), ms),
  );
  return async () => {
    await released;
    await client.end();
  };
}

async function tableExists(url: string, table: string): Promise<boolean> {
  if (url.startsWith("file:")) {
    const sqlite = new Database(url.slice("file:".length), { readonly: true });
    try {
      return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query("SELECT to_regclass($1) IS NOT NULL AS exists", [`"${table}"`])).rows[0].exists;
  } finally {
    await client.end();
  }
}

test.describe(`operator commands beside a running instance (${POSTGRES ? "PostgreSQL" : "SQLite"})`, () => {
  test.describe.configure({ mode: "serial", timeout: 240_000 });
  let dir: string;
  let database: { url: string; drop: () => void };
  let server: TServer | undefined;
  let load: ReturnType<typeof startLoad>;
  const env = () => ({ DATABASE_URL: database.url });

  test.beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "dc-ops-"));
    // A database of this test's own, on the suite's provider: demo data must not reach the other tests' figures.
    database = createTestDatabase(dir, "dc_ops");
    const migrated = await npmRun("db:migrate", [], env());
    expect(migrated.code, migrated.stderr).toBe(0);
    server = await startServer(PORT, env());
    load = startLoad(server.url);
    // The load is under way before the first command.
    await expect.poll(() => load.requests(), { timeout: 30_000 }).toBeGreaterThan(20);
  });

  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus) console.error(serverDiagnostics(server, "instance under load"));
  });

  test.afterAll(async () => {
    await load?.stop();
    await server?.stop();
    database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("db:migrate with nothing pending succeeds at once", async () => {
    const run = await npmRun("db:migrate", [], env());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("No pending migrations to apply");
    expect(run.stderr).toBe("");
    expectNoStackTrace(run);
  });

  test("db:migrate with a pending migration waits for a lock that is released, then applies it", async () => {
    const release = await holdMigrationLock(database.url, 2_000);
    try {
      const run = await npmRun("db:migrate", ["--migrations", migrationsWithProbes(dir, ["OpsProbeOne"])], env());
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain("1 migration(s) applied");
      expect(run.ms).toBeGreaterThanOrEqual(1_500);
      expectNoStackTrace(run);
    } finally {
      await release();
    }
    expect(await tableExists(database.url, "OpsProbeOne")).toBe(true);
  });

  test("db:migrate gives up on a lock held past its timeout with one German line and changes nothing", async () => {
    const release = await holdMigrationLock(database.url, 4_000);
    let run: TRun;
    try {
      run = await npmRun(
        "db:migrate",
        ["--lock-timeout", "1", "--migrations", migrationsWithProbes(dir, ["OpsProbeOne", "OpsProbeTwo"])],
        env(),
      );
    } finally {
      await release();
    }
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Die Datenbank konnte nicht migriert werden: .*(gesperrt|andere Migration).*„npm run db:migrate“/,
    );
    expectNoStackTrace(run);
    expect(await tableExists(database.url, "OpsProbeTwo")).toBe(false);
  });

  test("seed:demo adds demo municipalities and seed:demo -- --remove takes them out again", async () => {
    const seeded = await npmRun("seed:demo", ["--count", "120"], env());
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toContain("Demo-Daten angelegt: 120 Demo-Kommunen");
    expectNoStackTrace(seeded);
    const peers = await (
      await fetch(`${server!.url}/api/peers`, { headers: { "x-forwarded-for": uniqueClientIp() } })
    ).json();
    expect(peers.count).toBeGreaterThanOrEqual(120);

    const removed = await npmRun("seed:demo", ["--remove"], env());
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain("Demo-Daten entfernt: 120 Demo-Kommunen");
    expectNoStackTrace(removed);
    const after = await (
      await fetch(`${server!.url}/api/peers`, { headers: { "x-forwarded-for": uniqueClientIp() } })
    ).json();
    expect(after.count ?? 0).toBeLessThan(120);
  });

  test("cleanup runs", async () => {
    const run = await npmRun("cleanup", [], env());
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toMatchObject({ level: "info", msg: "cleanup" });
    expectNoStackTrace(run);
  });

  test("scripts/backup.sh writes a backup that holds the served data", async () => {
    const file = path.join(dir, "live.backup");
    const run = await runCommand("bash", ["scripts/backup.sh", "backup", file], env());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`backup: ${file}`);
    expect(statSync(file).size).toBeGreaterThan(10_000);
    if (!POSTGRES) {
      const copy = new Database(file, { readonly: true });
      try {
        expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
        expect((copy.prepare(`SELECT count(*) AS n FROM "Assessment"`).get() as { n: number }).n).toBeGreaterThan(0);
      } finally {
        copy.close();
      }
    } else {
      const listing = execFileSync("pg_restore", ["--list", file], { encoding: "utf8" });
      expect(listing).toContain("TABLE DATA public Assessment");
    }
  });

  test("the requests kept going throughout, none failed, and the instance is healthy", async () => {
    const { requests, failures } = await load.stop();
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(100);
    const health = await fetch(`${server!.url}/api/health`);
    expect(health.status).toBe(200);
  });
});
