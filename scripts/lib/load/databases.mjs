// The benchmark's databases: PostgreSQL on this machine (BENCH_PG_URL) for fresh databases, direct query
// access for fixtures and checks, and the bare writer's draft rows.

import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { onCleanup } from "./run.mjs";

const require = createRequire(import.meta.url);

const DEFAULT_PG_ADMIN_URL = "postgresql://root@127.0.0.1:5432/test";
const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export function pgAdminUrl() {
  const url = process.env.BENCH_PG_URL || DEFAULT_PG_ADMIN_URL;
  const host = new URL(url).hostname;
  if (!LOOPBACK.has(host))
    throw new Error(`BENCH_PG_URL muss auf diesen Rechner zeigen (127.0.0.1, localhost, ::1), nicht auf ${host}.`);
  return url;
}

export async function pgAnswers() {
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
export async function createPgDatabase(suffix) {
  const name = `kdc_bench_${process.pid}_${randomBytes(3).toString("hex")}_${suffix}`;
  await pgAdmin(`CREATE DATABASE "${name}"`);
  const drop = () => pgAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  onCleanup(drop);
  const url = new URL(pgAdminUrl());
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** Minimal query access for fixtures and checks: { all(sql, params), close() }; "?" placeholders on both. */
export async function openDb(kind, url) {
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

export async function insertBareDrafts(db, count) {
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
