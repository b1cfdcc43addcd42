import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { PrismaClient as PrismaClientPg } from "../generated/prisma-pg/client";
import { getDatabaseConfig } from "./database-url";

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
    return new PrismaClientPg({ adapter: new PrismaPg({ connectionString: config.url, max: 10 }) }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: config.url }) });
}

export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;
