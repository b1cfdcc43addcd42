import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { derivePostgresSchema } from "../../../scripts/generate-pg-schema.mjs";

const root = path.resolve(__dirname, "../../..");
const read = (p: string) => readFileSync(path.join(root, p), "utf8");
const migrations = (dir: string) =>
  readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

describe("one data model, two providers", () => {
  test("the PostgreSQL schema is exactly the one derived from prisma/schema.prisma (run npm run db:generate)", () => {
    expect(read("prisma/postgresql/schema.prisma")).toBe(derivePostgresSchema(read("prisma/schema.prisma")));
  });

  test("both providers have the same migrations, by name and in order", () => {
    const sqlite = migrations("prisma/migrations");
    expect(sqlite.length).toBeGreaterThanOrEqual(3);
    expect(migrations("prisma/postgresql/migrations")).toEqual(sqlite);
  });

  test("each migration lock names its provider", () => {
    expect(read("prisma/migrations/migration_lock.toml")).toContain('provider = "sqlite"');
    expect(read("prisma/postgresql/migrations/migration_lock.toml")).toContain('provider = "postgresql"');
  });

  test.each(migrations("prisma/migrations"))(
    "migration %s creates the same tables and columns on both providers",
    (name) => {
      const tables = (sql: string) =>
        [...sql.matchAll(/CREATE TABLE "(\w+)"/g)]
          .map((m) => m[1])
          .filter((t) => !t!.startsWith("new_"))
          .sort();
      const addedColumns = (sql: string) => [...sql.matchAll(/^\s+"(\w+)" [A-Z]/gm)].map((m) => m[1]);
      const s = read(`prisma/migrations/${name}/migration.sql`);
      const p = read(`prisma/postgresql/migrations/${name}/migration.sql`);
      expect(tables(p)).toEqual(tables(s));
      // Every column PostgreSQL adds or creates also appears on SQLite (which redefines whole tables).
      const pgColumns = [...addedColumns(p), ...[...p.matchAll(/ADD COLUMN\s+"(\w+)"/g)].map((m) => m[1])];
      for (const column of pgColumns) expect(s).toContain(`"${column}"`);
    },
  );
});
