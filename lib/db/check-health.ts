import "server-only";
import { readdirSync } from "node:fs";
import path from "node:path";
import { db } from "./client";
import { getDatabaseConfig } from "./database-url";

export type THealth =
  | { ok: true; database: "sqlite" | "postgresql"; migrations: number }
  | { ok: false; database: "sqlite" | "postgresql"; error: string };

/** Database reachable and every committed migration applied (GET /api/health). */
export async function checkHealth(): Promise<THealth> {
  const { provider } = getDatabaseConfig();
  const dir = path.join(
    /*turbopackIgnore: true*/ process.cwd(),
    "prisma",
    ...(provider === "postgresql" ? ["postgresql"] : []),
    "migrations",
  );
  let expected: string[];
  try {
    expected = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
  } catch {
    return {
      ok: false,
      database: provider,
      error: "Die Migrationen der Anwendung fehlen im Installationsverzeichnis.",
    };
  }
  let applied: Set<string>;
  try {
    const rows = await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT "migration_name" AS "name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
    );
    applied = new Set(rows.map((r) => r.name));
  } catch {
    return { ok: false, database: provider, error: "Die Datenbank ist nicht erreichbar oder nicht eingerichtet." };
  }
  const pending = expected.filter((m) => !applied.has(m));
  if (pending.length > 0) {
    return {
      ok: false,
      database: provider,
      error: `${pending.length} Migration(en) fehlen in der Datenbank. Bitte „npm run db:migrate“ ausführen.`,
    };
  }
  return { ok: true, database: provider, migrations: expected.length };
}
