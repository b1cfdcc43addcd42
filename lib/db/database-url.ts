import path from "node:path";
import { DEFAULT_SQLITE_FILE, getEnv } from "../env";

export type TDatabaseConfig = { provider: "sqlite"; url: string } | { provider: "postgresql"; url: string };

/**
 * The one switch: `postgresql://…` runs on PostgreSQL, a `file:` URL or none on SQLite. SQLite paths
 * are made absolute, so that the CLI (run from the project root) and the server open the same file.
 */
export function getDatabaseConfig(): TDatabaseConfig {
  const configured = getEnv().DATABASE_URL;
  if (configured && /^postgres(ql)?:\/\//.test(configured)) return { provider: "postgresql", url: configured };
  const file = configured ? configured.slice("file:".length) : DEFAULT_SQLITE_FILE;
  return { provider: "sqlite", url: `file:${path.resolve(/*turbopackIgnore: true*/ process.cwd(), file)}` };
}
