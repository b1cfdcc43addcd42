import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { PrismaClient as PrismaClientPg } from "../generated/prisma-pg/client";
import { getDatabaseConfig } from "./database-url";
import { getDirect } from "./direct";

// One client per process; in development Next re-evaluates modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/**
 * SQLite or PostgreSQL by DATABASE_URL. Both clients are generated from the same data model
 * (prisma/postgresql/schema.prisma is derived from prisma/schema.prisma), so they share one API;
 * the PostgreSQL client is typed as the SQLite one.
 */
function createClient(): PrismaClient {
  const config = getDatabaseConfig();
  if (config.provider === "postgresql") {
    // One pool per process for Prisma and the direct statements (lib/db/direct.ts).
    const direct = getDirect();
    if (direct.provider !== "postgresql") throw new Error("unreachable: the direct driver disagrees with DATABASE_URL");
    return new PrismaClientPg({ adapter: new PrismaPg(direct.pool) }) as unknown as PrismaClient;
  }
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: config.url }) });
  void tuneSqlite(client);
  return client;
}

/**
 * In WAL mode (scripts/migrate.mjs sets it in the file) a commit need not wait for the disk:
 * synchronous=NORMAL keeps every committed transaction across a crash of the app and cannot corrupt
 * the file; only a power failure may lose the last moments' commits (SQLite's recommendation for WAL).
 * In a rollback journal NORMAL could corrupt on power loss, so it is set only in WAL mode.
 * The adapter keeps one connection per process, so the setting holds for all later queries.
 */
async function tuneSqlite(client: PrismaClient): Promise<void> {
  try {
    const [row] = await client.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    if (row?.journal_mode === "wal") await client.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  } catch {
    // No database yet or not readable: /api/health says so; nothing to tune.
  }
}

export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;
