import "server-only";
import Database from "better-sqlite3";
import pg from "pg";
import { getDatabaseConfig } from "./database-url";

/**
 * The database driver itself, beside Prisma, for the few statements on the hot paths (saving answers,
 * validating a cached results page): Prisma's query engine costs about a millisecond of CPU per
 * statement, more than the statement itself (docs/adr/0007).
 *
 * - PostgreSQL: one pg pool per process, shared with Prisma's adapter (lib/db/client.ts).
 * - SQLite: a second connection to the same file. The adapter's connection may hold a write
 *   transaction open across awaits; a write on this connection meanwhile would wait for its lock
 *   while blocking the event loop. So writes here run through runExclusive like every other writer.
 *
 * Kept on globalThis: the proxy (proxy.ts) is bundled separately from the routes but runs in the same
 * process, and should not open its own connections.
 */
export type TDirect = { provider: "sqlite"; sqlite: Database.Database } | { provider: "postgresql"; pool: pg.Pool };

const KEY = Symbol.for("kommunaler-digitalcheck.db.direct");
const store = globalThis as unknown as { [KEY]?: TDirect };

/** The app's pool size per process (PostgreSQL). */
const PG_POOL_SIZE = 10;

export function getDirect(): TDirect {
  const existing = store[KEY];
  if (existing) return existing;
  const config = getDatabaseConfig();
  let direct: TDirect;
  if (config.provider === "postgresql") {
    const pool = new pg.Pool({ connectionString: config.url, max: PG_POOL_SIZE });
    // An idle client that loses its connection emits here; without a listener the process would exit.
    pool.on("error", () => undefined);
    direct = { provider: "postgresql", pool };
  } else {
    const sqlite = new Database(config.url.slice("file:".length), { timeout: 5000 });
    // See lib/db/client.ts: in WAL mode a commit need not wait for the disk.
    if (sqlite.pragma("journal_mode", { simple: true }) === "wal") sqlite.pragma("synchronous = NORMAL");
    direct = { provider: "sqlite", sqlite };
  }
  store[KEY] = direct;
  return direct;
}
