import "server-only";
import type Database from "better-sqlite3";
import { getDirect, type TDirect } from "./direct";
import { runExclusive } from "./exclusive";
import type { TRateCounter } from "../security/rate-limit-rules";

// The statements of the hot paths, written once per provider (see lib/db/direct.ts for why not Prisma).
// Both providers get the same semantics; tests/api run the whole suite on each.

/** What a save needs to know before it writes; counting the write limit is part of it. */
export type TSaveProbe = {
  /** The write counter after this request was counted. */
  writes: number;
  /** The token-miss counter of the client, as stored (null: none). */
  misses: { window: number; count: number } | null;
  /** The assessment behind the token (null: unknown token). */
  assessment: { id: string; status: string; version: number } | null;
};

export type TAnswerRow = { questionId: string; optionId: string };

/** The version and pool numbers a results page depends on, and the client's token misses. */
export type TPageProbe = { version: number; poolVersion: number; misses: { window: number; count: number } | null };

const COUNT_UPSERT = (p: [string, string]) => `
  INSERT INTO "RateLimit" ("key", "window", "count") VALUES (${p[0]}, ${p[1]}, 1)
  ON CONFLICT ("key") DO UPDATE SET
    "count" = CASE WHEN "RateLimit"."window" = excluded."window" THEN "RateLimit"."count" + 1 ELSE 1 END,
    "window" = excluded."window"
  RETURNING "count"`;

/** Prisma stores SQLite DateTime values as ISO text with "+00:00". */
const sqliteNow = () => new Date().toISOString().replace("Z", "+00:00");

type TSqliteStatements = {
  count: Database.Statement<[string, number], { count: number }>;
  miss: Database.Statement<[string], { window: number; count: number }>;
  ref: Database.Statement<[string], { id: string; status: string; version: number }>;
  page: Database.Statement<[string], { version: number; poolVersion: number | null }>;
  pool: Database.Statement<[], { version: number }>;
  bump: Database.Statement<[string, string, number]>;
  clear: Database.Statement<[string, string]>;
  add: Database.Statement<[string, string, string]>;
};

const prepared = new WeakMap<Database.Database, TSqliteStatements>();

function sqliteStatements(sqlite: Database.Database): TSqliteStatements {
  let s = prepared.get(sqlite);
  if (!s) {
    s = {
      count: sqlite.prepare(COUNT_UPSERT(["?", "?"])),
      miss: sqlite.prepare(`SELECT "window", "count" FROM "RateLimit" WHERE "key" = ?`),
      ref: sqlite.prepare(`SELECT "id", "status", "version" FROM "Assessment" WHERE "tokenHash" = ?`),
      page: sqlite.prepare(
        `SELECT a."version" AS "version", (SELECT p."version" FROM "PeerPoolVersion" p WHERE p."id" = 1) AS "poolVersion"
         FROM "Assessment" a WHERE a."tokenHash" = ?`,
      ),
      pool: sqlite.prepare(`SELECT "version" FROM "PeerPoolVersion" WHERE "id" = 1`),
      bump: sqlite.prepare(`UPDATE "Assessment" SET "version" = "version" + 1, "updatedAt" = ? WHERE "id" = ? AND "version" = ? AND "status" = 'draft'`),
      clear: sqlite.prepare(`DELETE FROM "Answer" WHERE "assessmentId" = ? AND "questionId" IN (SELECT "value" FROM json_each(?))`),
      add: sqlite.prepare(`INSERT INTO "Answer" ("assessmentId", "questionId", "optionId") VALUES (?, ?, ?)`),
    };
    prepared.set(sqlite, s);
  }
  return s;
}

/**
 * Counts a save against the client's write limit and reads the token-miss counter and the assessment
 * (one statement on PostgreSQL, one transaction on SQLite). tokenHash null: a malformed token.
 */
export async function probeSave(write: TRateCounter, miss: TRateCounter, tokenHash: string | null, direct: TDirect = getDirect()): Promise<TSaveProbe> {
  if (direct.provider === "sqlite") {
    const s = sqliteStatements(direct.sqlite);
    return runExclusive(async () =>
      direct.sqlite.transaction(() => ({
        writes: s.count.get(write.key, write.window)!.count,
        misses: s.miss.get(miss.key) ?? null,
        assessment: tokenHash === null ? null : (s.ref.get(tokenHash) ?? null),
      })).immediate(),
    );
  }
  const { rows } = await direct.pool.query<{ writes: number; missWindow: number | null; missCount: number | null; id: string | null; status: string; version: number }>(
    `WITH counted AS (${COUNT_UPSERT(["$1", "$2"])})
     SELECT (SELECT "count" FROM counted) AS "writes",
            m."window" AS "missWindow", m."count" AS "missCount", a."id", a."status", a."version"
     FROM (SELECT 1) AS one
     LEFT JOIN "RateLimit" m ON m."key" = $3
     LEFT JOIN "Assessment" a ON a."tokenHash" = $4`,
    [write.key, write.window, miss.key, tokenHash],
  );
  const r = rows[0]!;
  return {
    writes: r.writes,
    misses: r.missWindow === null || r.missCount === null ? null : { window: r.missWindow, count: r.missCount },
    assessment: r.id === null ? null : { id: r.id, status: r.status, version: r.version },
  };
}

/**
 * Replaces the answers to the given questions with `rows` if the assessment is a draft at `version`,
 * and increments its version: all or nothing. False when the guard did not match (changed meanwhile).
 */
export async function writeAnswers(id: string, version: number, questionIds: string[], rows: TAnswerRow[], direct: TDirect = getDirect()): Promise<boolean> {
  if (direct.provider === "sqlite") {
    const s = sqliteStatements(direct.sqlite);
    return runExclusive(async () =>
      direct.sqlite.transaction(() => {
        if (s.bump.run(sqliteNow(), id, version).changes !== 1) return false;
        s.clear.run(id, JSON.stringify(questionIds));
        for (const r of rows) s.add.run(id, r.questionId, r.optionId);
        return true;
      }).immediate(),
    );
  }
  // One statement, so one atomic step: the version guard locks the row; a concurrent save of the same
  // assessment waits for it and then finds the version changed. Rows that stay are neither deleted nor
  // inserted (a statement's parts see one snapshot, so deleting and re-inserting a key would collide).
  const { rows: out } = await direct.pool.query<{ n: string }>(
    `WITH bumped AS (
       UPDATE "Assessment" SET "version" = "version" + 1, "updatedAt" = (now() AT TIME ZONE 'UTC')
       WHERE "id" = $1 AND "version" = $2 AND "status" = 'draft' RETURNING "id"),
     removed AS (
       DELETE FROM "Answer" w USING bumped
       WHERE w."assessmentId" = bumped."id" AND w."questionId" = ANY($3::text[])
         AND (w."questionId", w."optionId") NOT IN (SELECT t."q", t."o" FROM unnest($4::text[], $5::text[]) AS t("q", "o"))),
     added AS (
       INSERT INTO "Answer" ("assessmentId", "questionId", "optionId")
       SELECT bumped."id", t."q", t."o" FROM bumped, unnest($4::text[], $5::text[]) AS t("q", "o")
       ON CONFLICT DO NOTHING)
     SELECT COUNT(*) AS "n" FROM bumped`,
    [id, version, questionIds, rows.map((r) => r.questionId), rows.map((r) => r.optionId)],
  );
  return Number(out[0]?.n ?? 0) === 1;
}

/** For the results-page cache (lib/http/page-cache.ts): read only, one statement. Null: unknown token. */
export async function probePage(tokenHash: string, miss: TRateCounter, direct: TDirect = getDirect()): Promise<TPageProbe | null> {
  if (direct.provider === "sqlite") {
    const s = sqliteStatements(direct.sqlite);
    const row = s.page.get(tokenHash);
    if (!row) return null;
    return { version: row.version, poolVersion: row.poolVersion ?? 0, misses: s.miss.get(miss.key) ?? null };
  }
  const { rows } = await direct.pool.query<{ version: number; poolVersion: number | null; missWindow: number | null; missCount: number | null }>(
    `SELECT a."version", (SELECT p."version" FROM "PeerPoolVersion" p WHERE p."id" = 1) AS "poolVersion",
            m."window" AS "missWindow", m."count" AS "missCount"
     FROM "Assessment" a LEFT JOIN "RateLimit" m ON m."key" = $2
     WHERE a."tokenHash" = $1`,
    [tokenHash, miss.key],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    version: r.version,
    poolVersion: r.poolVersion ?? 0,
    misses: r.missWindow === null || r.missCount === null ? null : { window: r.missWindow, count: r.missCount },
  };
}

/** The peer pool's version (0 before the first change), for the cached peer comparison page. */
export async function probePoolVersion(direct: TDirect = getDirect()): Promise<number> {
  if (direct.provider === "sqlite") return sqliteStatements(direct.sqlite).pool.get()?.version ?? 0;
  const { rows } = await direct.pool.query<{ version: number }>(`SELECT "version" FROM "PeerPoolVersion" WHERE "id" = 1`);
  return rows[0]?.version ?? 0;
}
