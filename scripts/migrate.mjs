// `npm run db:migrate` (also run by `npm start`): brings the database of DATABASE_URL up to date with
// the committed migrations, offline and idempotently.
// - SQLite: `prisma migrate deploy` through the better-sqlite3 driver adapter; then journal_mode=WAL.
// - PostgreSQL: `prisma migrate deploy` fails with @prisma/adapter-pg (prisma/orm#27403), so the same
//   migrations are applied here with node-postgres, each in a transaction, recorded in Prisma's own
//   `_prisma_migrations` table (same columns and SHA-256 checksums), so `prisma migrate status` agrees.
import { spawnSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const url = process.env.DATABASE_URL || "file:" + path.join("prisma", "dev.db");

function fail(message) {
  console.error(`Die Datenbank konnte nicht migriert werden: ${message}`);
  process.exit(1);
}

export function listMigrations(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}

async function migratePostgres() {
  const { default: pg } = await import("pg");
  const dir = path.join("prisma", "postgresql", "migrations");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (e) {
    const reason =
      e.code === "3D000" ? "die Datenbank existiert nicht – legen Sie sie an (createdb)" :
      e.code === "28P01" || e.code === "28000" ? "Benutzer oder Passwort werden abgelehnt" :
      e.code === "ECONNREFUSED" ? "dort läuft kein PostgreSQL-Server" : (e.code ?? e.message);
    fail(`PostgreSQL unter DATABASE_URL ist nicht erreichbar: ${reason}.`);
  }
  try {
    // One migrator at a time, even when several app instances start together.
    await client.query("SELECT pg_advisory_lock(4242001)");
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await client.query(`SELECT "migration_name", "checksum", "finished_at" FROM "_prisma_migrations" WHERE "rolled_back_at" IS NULL`);
    const applied = new Map(rows.map((r) => [r.migration_name, r]));
    let count = 0;
    for (const name of listMigrations(dir)) {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      const row = applied.get(name);
      if (row) {
        if (!row.finished_at) fail(`Die Migration ${name} ist früher abgebrochen. Bitte prüfen und mit "prisma migrate resolve" klären.`);
        if (row.checksum !== checksum) fail(`Die Migration ${name} wurde nach dem Einspielen verändert (Prüfsumme weicht ab).`);
        continue;
      }
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(`INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at") VALUES ($1, $2, $3, now())`, [id, checksum, name]);
        await client.query(sql);
        await client.query(`UPDATE "_prisma_migrations" SET "finished_at" = now(), "applied_steps_count" = 1 WHERE "id" = $1`, [id]);
        await client.query("COMMIT");
        count += 1;
      } catch (e) {
        await client.query("ROLLBACK");
        fail(`Fehler in Migration ${name}: ${e.message}`);
      }
    }
    console.log(`Datenbank PostgreSQL: ${count === 0 ? "No pending migrations to apply" : `${count} migration(s) applied`}`);
  } finally {
    await client.end().catch(() => {});
  }
}

async function migrateSqlite() {
  mkdirSync(path.dirname(path.resolve(url.slice("file:".length))), { recursive: true });
  const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  if (result.status !== 0) fail("\n" + result.stdout + result.stderr);
  const applied = /All migrations have been successfully applied|No pending migrations to apply/.exec(result.stdout);
  // Write-ahead log (stored in the file, so every connection and process uses it): readers never wait
  // for a writer, and with synchronous=NORMAL (set by lib/db/client.ts) a commit no longer waits for the
  // disk three times (rollback journal: the main thread was blocked in fsync a third of the time under load).
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(path.resolve(url.slice("file:".length)));
  const mode = db.pragma("journal_mode = WAL", { simple: true });
  db.close();
  console.log(`Datenbank ${url}: ${applied ? applied[0] : "migrated"} (journal_mode ${mode})`);
}

if (/^postgres(ql)?:\/\//.test(url)) await migratePostgres();
else if (url.startsWith("file:")) await migrateSqlite();
else fail(`DATABASE_URL muss mit file: (SQLite) oder postgresql:// beginnen, nicht mit „${url.split(":")[0]}:“.`);
