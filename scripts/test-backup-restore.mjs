// Proves backup and restore for both databases: fills a fresh database through the app's own
// code (migrate + seed:demo), backs it up, wipes it, restores it, and compares every table's rows.
// Usage: node scripts/test-backup-restore.mjs   (SQLite always; PostgreSQL if 127.0.0.1:5432 answers)
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

const TABLES = ["Assessment", "Answer", "PeerPoolVersion", "RateLimit", "OperatorSession", "_prisma_migrations"];
const dir = mkdtempSync(path.join(os.tmpdir(), "dc-backup-"));
const run = (cmd, args, env) => {
  const r = spawnSync(cmd, args, { env: { ...process.env, ...env }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")}: ${r.stdout}${r.stderr}`);
  return r.stdout;
};

async function snapshot(url) {
  const order = (t) =>
    t === "Answer"
      ? `"assessmentId", "questionId", "optionId"`
      : t === "_prisma_migrations"
        ? `"migration_name"`
        : t === "PeerPoolVersion"
          ? `"id"`
          : t === "Assessment"
            ? `"id"`
            : t === "RateLimit"
              ? `"key"`
              : `"tokenHash"`;
  const out = {};
  if (url.startsWith("file:")) {
    const db = new Database(url.slice(5), { readonly: true });
    for (const t of TABLES) {
      const cols = t === "_prisma_migrations" ? `"migration_name", "checksum"` : "*";
      out[t] = db.prepare(`SELECT ${cols} FROM "${t}" ORDER BY ${order(t)}`).all();
    }
    db.close();
  } else {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    for (const t of TABLES) {
      const cols = t === "_prisma_migrations" ? `"migration_name", "checksum"` : "*";
      out[t] = (await c.query(`SELECT ${cols} FROM "${t}" ORDER BY ${order(t)}`)).rows;
    }
    await c.end();
  }
  return JSON.stringify(out);
}

async function wipe(url) {
  if (url.startsWith("file:")) {
    const db = new Database(url.slice(5));
    db.exec(`DELETE FROM "Answer"; DELETE FROM "Assessment"; DELETE FROM "PeerPoolVersion";`);
    db.close();
  } else {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(
      `DROP TABLE "Answer", "Assessment", "PeerPoolVersion", "RateLimit", "OperatorSession", "_prisma_migrations" CASCADE`,
    );
    await c.end();
  }
}

async function check(label, url) {
  run(process.execPath, ["scripts/migrate.mjs"], { DATABASE_URL: url });
  run(process.execPath, ["scripts/seed-demo.mjs", "--count", "120"], { DATABASE_URL: url });
  const before = await snapshot(url);
  const file = path.join(dir, `${label}.backup`);
  run("bash", ["scripts/backup.sh", "backup", file], { DATABASE_URL: url });
  await wipe(url);
  if ((await snapshot(url).catch(() => "gone")) === before) throw new Error(`${label}: wipe did not change the data`);
  run("bash", ["scripts/backup.sh", "restore", file], { DATABASE_URL: url });
  const after = await snapshot(url);
  const rows = Object.values(JSON.parse(before)).reduce((n, t) => n + t.length, 0);
  // The restore moves the peer pool's version past every value it had (the page caches key on it, so no instance
  // serves a page from before the restore); everything else comes back exactly as backed up.
  const version = (snap) => Number(JSON.parse(snap).PeerPoolVersion.find((r) => Number(r.id) === 1)?.version ?? 0);
  const withoutVersion = (snap) => {
    const o = JSON.parse(snap);
    o.PeerPoolVersion = o.PeerPoolVersion.map((r) => ({ ...r, version: null }));
    return JSON.stringify(o);
  };
  if (withoutVersion(after) !== withoutVersion(before))
    throw new Error(`${label}: restored data differs from the backup`);
  if (!(version(after) > version(before)))
    throw new Error(`${label}: the restore did not move the peer pool's version past the backup's`);
  console.log(
    `${label}: backup, wipe, restore – ${rows} rows identical, the peer pool's version moved past the backup's`,
  );
}

let failed = false;
try {
  await check("SQLite", `file:${path.join(dir, "backup-test.db")}`);
  const pgUp = spawnSync("pg_isready", ["-h", "127.0.0.1", "-p", "5432"]).status === 0;
  if (pgUp) {
    const name = `dc_backup_${process.pid}`;
    execFileSync("psql", ["-h", "127.0.0.1", "-d", "test", "-qc", `CREATE DATABASE ${name}`]);
    try {
      await check("PostgreSQL", `postgresql://${os.userInfo().username}@127.0.0.1:5432/${name}`);
    } finally {
      execFileSync("psql", ["-h", "127.0.0.1", "-d", "test", "-qc", `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
    }
  } else {
    console.log("PostgreSQL: no server on 127.0.0.1:5432 – not checked");
  }
} catch (e) {
  failed = true;
  console.error(e.message);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
