// `npm run db:migrate` (also run by `npm start`): brings the database of DATABASE_URL up to date with
// the committed migrations, offline and idempotently, also while the app serves from it.
//
//   npm run db:migrate [-- --lock-timeout SECONDS] [--migrations DIR]
//
// Both providers are migrated here with their own driver, not with `prisma migrate deploy`:
// - PostgreSQL: `prisma migrate deploy` fails with @prisma/adapter-pg (prisma/orm#27403).
// - SQLite: Prisma's schema engine gives up with a WASM_ERROR stack trace as soon as another process (a
//   running app) has the file open ("unknown variant SocketTimeout" is its mapping of SQLITE_BUSY).
// Each migration runs in one transaction and is recorded in Prisma's own `_prisma_migrations` table
// (same columns, SHA-256 checksums of migration.sql), so `prisma migrate status` agrees.
//
// Beside a running app: with nothing pending the migrator only reads, which never waits (SQLite in WAL
// mode; PostgreSQL's MVCC). A pending migration waits up to --lock-timeout seconds (default 30) for the
// write lock (SQLite) or for another migrator and the tables' locks (PostgreSQL), then ends with one
// German line saying what to do. Every failure is one German line on stderr and exit code 1.
// --migrations points to another folder of migrations (used by the tests; default: the provider's).
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, UsageError, usageError } from "./lib/args.mjs";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const url = process.env.DATABASE_URL || "file:" + path.join("prisma", "dev.db");
const ADVISORY_LOCK_KEY = 4242001;

class MigrationError extends Error {}

function fail(message) {
  console.error(`Die Datenbank konnte nicht migriert werden: ${message.replace(/\s*\n\s*/g, " ")}`);
  process.exit(1);
}

function readOptions(argv) {
  try {
    const { values } = parseArgs(
      argv,
      {
        "lock-timeout": {
          type: "number",
          default: 30,
          parse: (raw, flag) => {
            const seconds = Number(raw);
            if (!Number.isFinite(seconds) || seconds < 0 || seconds > 3600)
              usageError(`${flag} erwartet Sekunden zwischen 0 und 3600, erhalten: ${raw ?? "nichts"}.`);
            return seconds;
          },
        },
        migrations: {
          type: "string",
          parse: (dir, flag) => {
            if (!dir || !existsSync(dir)) usageError(`${flag}: Ordner ${dir ?? "(fehlt)"} nicht gefunden.`);
            return dir;
          },
        },
      },
      { unknown: (a) => `Unbekannte Option: ${a}. Erlaubt: --lock-timeout SEKUNDEN, --migrations ORDNER.` },
    );
    return { lockTimeoutMs: Math.round(values.lockTimeout * 1000), dir: values.migrations };
  } catch (e) {
    if (e instanceof UsageError) fail(e.message);
    throw e;
  }
}

export function listMigrations(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}

/** The committed migrations with their SQL and Prisma's checksum (SHA-256 of migration.sql). */
function readMigrations(dir) {
  return listMigrations(dir).map((name) => {
    const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
  });
}

/** The migrations still to apply; stops on an applied migration that failed halfway or was changed since. */
function pendingOf(migrations, appliedRows) {
  const applied = new Map(appliedRows.map((r) => [r.migration_name, r]));
  return migrations.filter(({ name, checksum }) => {
    const row = applied.get(name);
    if (!row) return true;
    if (!row.finished_at)
      throw new MigrationError(
        `Die Migration ${name} ist früher abgebrochen. Bitte prüfen und mit „prisma migrate resolve“ klären.`,
      );
    if (row.checksum !== checksum)
      throw new MigrationError(`Die Migration ${name} wurde nach dem Einspielen verändert (Prüfsumme weicht ab).`);
    return false;
  });
}

const summary = (count) => (count === 0 ? "No pending migrations to apply" : `${count} migration(s) applied`);
const lockSeconds = (ms) => `${Math.round(ms / 1000)} s`;

async function migratePostgres({ lockTimeoutMs, dir }) {
  const { default: pg } = await import("pg");
  const migrations = readMigrations(dir ?? path.join(ROOT, "prisma", "postgresql", "migrations"));
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  // A lost connection is reported by the query that needs it; without a listener the process would crash.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (e) {
    const reason =
      e.code === "3D000"
        ? "die Datenbank existiert nicht – legen Sie sie an (createdb)"
        : e.code === "28P01" || e.code === "28000"
          ? "Benutzer oder Passwort werden abgelehnt"
          : e.code === "ECONNREFUSED"
            ? "dort läuft kein PostgreSQL-Server"
            : (e.code ?? e.message);
    throw new MigrationError(`PostgreSQL unter DATABASE_URL ist nicht erreichbar: ${reason}.`);
  }
  try {
    const exists = await client.query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`);
    const appliedRows = exists.rows[0].exists
      ? (
          await client.query(
            `SELECT "migration_name", "checksum", "finished_at" FROM "_prisma_migrations" WHERE "rolled_back_at" IS NULL`,
          )
        ).rows
      : [];
    if (pendingOf(migrations, appliedRows).length === 0) return `Datenbank PostgreSQL: ${summary(0)}`;

    // One migrator at a time, even when several app instances start together; waiting for it and for
    // the tables' locks (a running app's open transactions) is bounded by lock_timeout.
    await client.query(`SET lock_timeout = ${Number(lockTimeoutMs)}`);
    try {
      await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    } catch (e) {
      if (e.code === "55P03")
        throw new MigrationError(
          `Eine andere Migration läuft seit über ${lockSeconds(lockTimeoutMs)}. Warten Sie, bis sie fertig ist, und starten Sie „npm run db:migrate“ dann erneut.`,
        );
      throw e;
    }
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    // Read again under the lock: another migrator may have applied some meanwhile.
    const { rows } = await client.query(
      `SELECT "migration_name", "checksum", "finished_at" FROM "_prisma_migrations" WHERE "rolled_back_at" IS NULL`,
    );
    const pending = pendingOf(migrations, rows);
    for (const { name, sql, checksum } of pending) {
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at") VALUES ($1, $2, $3, now())`,
          [id, checksum, name],
        );
        await client.query(sql);
        await client.query(
          `UPDATE "_prisma_migrations" SET "finished_at" = now(), "applied_steps_count" = 1 WHERE "id" = $1`,
          [id],
        );
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        if (e.code === "55P03") {
          throw new MigrationError(
            `Die Migration ${name} wartete über ${lockSeconds(lockTimeoutMs)} auf Tabellen, die die laufende Anwendung benutzt; nichts wurde geändert. Starten Sie „npm run db:migrate“ erneut, in einer ruhigeren Minute oder nach einem kurzen Stopp der Anwendung.`,
          );
        }
        throw new MigrationError(`Fehler in Migration ${name}; nichts davon wurde übernommen: ${e.message}`);
      }
    }
    return `Datenbank PostgreSQL: ${summary(pending.length)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** Prisma's own timestamp format in SQLite (the adapter writes ISO 8601 with +00:00). */
const sqliteNow = () => new Date().toISOString().replace("Z", "+00:00");

const isBusy = (e) =>
  typeof e?.code === "string" && (e.code.startsWith("SQLITE_BUSY") || e.code.startsWith("SQLITE_LOCKED"));

async function migrateSqlite({ lockTimeoutMs, dir }) {
  const { default: Database } = await import("better-sqlite3");
  const file = path.resolve(url.slice("file:".length));
  const migrations = readMigrations(dir ?? path.join(ROOT, "prisma", "migrations"));
  mkdirSync(path.dirname(file), { recursive: true });
  let db;
  try {
    // timeout: how long a statement waits for another connection's lock (SQLite's busy timeout).
    db = new Database(file, { timeout: lockTimeoutMs });
  } catch (e) {
    throw new MigrationError(`Die SQLite-Datei ${file} lässt sich nicht öffnen (${e.code ?? e.message}).`);
  }
  try {
    // Write-ahead log (stored in the file, so every connection and process uses it): readers never wait
    // for a writer, and with synchronous=NORMAL (set by lib/db/client.ts) a commit no longer waits for
    // the disk three times. A file the app already serves from is in WAL mode, so this only reads.
    let mode = db.pragma("journal_mode", { simple: true });
    if (mode !== "wal") mode = db.pragma("journal_mode = WAL", { simple: true });

    const hasTable =
      db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get() !==
      undefined;
    const readApplied = () =>
      db
        .prepare(
          `SELECT "migration_name", "checksum", "finished_at" FROM "_prisma_migrations" WHERE "rolled_back_at" IS NULL`,
        )
        .all();
    if (pendingOf(migrations, hasTable ? readApplied() : []).length === 0)
      return `Datenbank ${url}: ${summary(0)} (journal_mode ${mode})`;

    let count = 0;
    for (const { name, sql, checksum } of migrations) {
      // Prisma's table redefinitions switch foreign keys off; inside a transaction that switch is
      // ignored, so it is done around it, and the keys are checked before the commit.
      const foreignKeysOff = /PRAGMA\s+foreign_keys\s*=\s*OFF/i.test(sql);
      if (foreignKeysOff) db.pragma("foreign_keys = OFF");
      // IMMEDIATE: take the write lock first (waiting up to the busy timeout), so a running app's commits
      // cannot invalidate this transaction halfway.
      db.exec("BEGIN IMMEDIATE");
      try {
        db.exec(SQLITE_MIGRATIONS_TABLE);
        // Read again under the lock: another migrator may have applied it meanwhile.
        if (pendingOf([{ name, sql, checksum }], readApplied()).length === 0) {
          db.exec("COMMIT");
          continue;
        }
        const id = randomUUID();
        db.prepare(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at") VALUES (?, ?, ?, ?)`,
        ).run(id, checksum, name, sqliteNow());
        db.exec(sql);
        const broken = db.pragma("foreign_key_check");
        if (broken.length > 0)
          throw new MigrationError(
            `Die Migration ${name} verletzt Fremdschlüssel (${broken.length} Zeilen, zuerst in ${broken[0].table}); nichts davon wurde übernommen.`,
          );
        db.prepare(`UPDATE "_prisma_migrations" SET "finished_at" = ?, "applied_steps_count" = 1 WHERE "id" = ?`).run(
          sqliteNow(),
          id,
        );
        db.exec("COMMIT");
        count += 1;
      } catch (e) {
        if (db.inTransaction) db.exec("ROLLBACK");
        if (e instanceof MigrationError || isBusy(e)) throw e;
        throw new MigrationError(`Fehler in Migration ${name}; nichts davon wurde übernommen: ${e.message}`);
      } finally {
        if (foreignKeysOff) db.pragma("foreign_keys = ON");
      }
    }
    return `Datenbank ${url}: ${summary(count)} (journal_mode ${mode})`;
  } catch (e) {
    if (isBusy(e)) {
      throw new MigrationError(
        `Die SQLite-Datei ist seit über ${lockSeconds(lockTimeoutMs)} von einem anderen Schreibvorgang gesperrt; nichts wurde geändert. Starten Sie „npm run db:migrate“ erneut, wenn weniger los ist, oder stoppen Sie die Anwendung kurz.`,
      );
    }
    throw e;
  } finally {
    db.close();
  }
}

async function main() {
  const opts = readOptions(process.argv.slice(2));
  try {
    if (/^postgres(ql)?:\/\//.test(url)) console.log(await migratePostgres(opts));
    else if (url.startsWith("file:")) console.log(await migrateSqlite(opts));
    else fail(`DATABASE_URL muss mit file: (SQLite) oder postgresql:// beginnen, nicht mit „${url.split(":")[0]}:“.`);
  } catch (e) {
    fail(e instanceof MigrationError ? e.message : `${e?.code ? `${e.code}: ` : ""}${e?.message ?? e}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
