import "server-only";
import type Database from "better-sqlite3";
import { getDirect, type TDirect } from "./direct";
import { runExclusive } from "./exclusive";
import {
  COUNT_UPSERT_SQL,
  decideAfterCount,
  decideWithoutCount,
  type TRateCounter,
} from "../security/rate-limit-rules";

// The statements of the hot paths, written once per provider (see lib/db/direct.ts for why not Prisma).
// Both providers get the same semantics; tests/api run the whole suite on each.

/** A guarded save as one step: the write limit counted, the checks read, the answers written if all pass. */
export type TGuardedSave = {
  write: TRateCounter;
  miss: TRateCounter;
  /** null: a malformed token. */
  tokenHash: string | null;
  /** null: the request is invalid (body or answers); then nothing is written, only counted and read. */
  change: { version: number; questionIds: string[]; rows: TAnswerRow[] } | null;
};

/** Why a valid change within the limits was not written; null when it was. */
export type TSaveRefusal =
  { reason: "submitted" } | { reason: "stale_version"; currentVersion: number } | { reason: "gone" };

/** What the step found, and which check on the assessment stopped the write. */
export type TGuardedSaveOutcome = {
  /** The write counter after this request was counted. */
  writes: number;
  /** The token-miss counter of the client, as stored (null: none). */
  misses: { window: number; count: number } | null;
  /** Whether the token names an assessment. */
  found: boolean;
  /** Whether the change was written (only when within both limits, found, and valid). */
  saved: boolean;
  /** Why a change that was within the limits, found and valid was not written; otherwise null. */
  refusal: TSaveRefusal | null;
};

export type TAnswerRow = { questionId: string; optionId: string };

/** The version and pool numbers a results page depends on, and the client's token misses. */
/** id: a follow-up passes the edit link to a new assessment, whose version may equal the old one's. */
export type TPageProbe = {
  id: string;
  version: number;
  poolVersion: number;
  misses: { window: number; count: number } | null;
};

/**
 * PostgreSQL: after a CTE "bumped" (the assessment whose version guard matched), replace the answers to the
 * question ids in $questionIds with the pairs in $questions/$options. Rows that stay are neither deleted
 * nor inserted: a statement's parts see one snapshot, so deleting and re-inserting a key would collide;
 * a row that stays and was carried over from the year before is confirmed (carriedOver false) by the
 * insert's conflict clause, in the same pass over the sent pairs (no third part scanning them again).
 */
const REPLACE_ANSWERS_PG = (questionIds: number, questions: number, options: number) => `removed AS (
       DELETE FROM "Answer" w USING bumped
       WHERE w."assessmentId" = bumped."id" AND w."questionId" = ANY($${questionIds}::text[])
         AND (w."questionId", w."optionId") NOT IN (SELECT t."q", t."o" FROM unnest($${questions}::text[], $${options}::text[]) AS t("q", "o"))),
     added AS (
       INSERT INTO "Answer" ("assessmentId", "questionId", "optionId")
       SELECT bumped."id", t."q", t."o" FROM bumped, unnest($${questions}::text[], $${options}::text[]) AS t("q", "o")
       ON CONFLICT ("assessmentId", "questionId", "optionId") DO UPDATE SET "carriedOver" = false
       WHERE "Answer"."carriedOver")`;

/**
 * PostgreSQL: a named statement, so that each pooled connection parses and plans it once, not per
 * request (the save's statement has six parts; planning it cost more than running it).
 */
export async function pgQuery<R extends object>(
  direct: Extract<TDirect, { provider: "postgresql" }>,
  name: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const { rows } = await direct.pool.query<R>({ name: `kdc-${name}`, text, values });
  return rows;
}

/** Prisma stores SQLite DateTime values as ISO text with "+00:00". */
export const sqliteNow = () => new Date().toISOString().replace("Z", "+00:00");

type TSqliteStatements = {
  sqlite: Database.Database;
  count: Database.Statement<[string, number], { count: number }>;
  miss: Database.Statement<[string], { window: number; count: number }>;
  ref: Database.Statement<[string], { id: string; status: string; version: number }>;
  page: Database.Statement<[string], { id: string; version: number; poolVersion: number | null }>;
  pool: Database.Statement<[], { version: number }>;
  bump: Database.Statement<[string, string, number]>;
  /** clear[n]: the DELETE of n question ids' answers, prepared on first use (a save sends one or a few). */
  clear: Database.Statement<string[]>[];
  add: Database.Statement<[string, string, string]>;
};

const prepared = new WeakMap<Database.Database, TSqliteStatements>();

function sqliteStatements(sqlite: Database.Database): TSqliteStatements {
  let s = prepared.get(sqlite);
  if (!s) {
    s = {
      sqlite,
      count: sqlite.prepare(COUNT_UPSERT_SQL(["?", "?"])),
      miss: sqlite.prepare(`SELECT "window", "count" FROM "RateLimit" WHERE "key" = ?`),
      ref: sqlite.prepare(`SELECT "id", "status", "version" FROM "Assessment" WHERE "tokenHash" = ?`),
      page: sqlite.prepare(
        `SELECT a."id" AS "id", a."version" AS "version", (SELECT p."version" FROM "PeerPoolVersion" p WHERE p."id" = 1) AS "poolVersion"
         FROM "Assessment" a WHERE a."tokenHash" = ?`,
      ),
      pool: sqlite.prepare(`SELECT "version" FROM "PeerPoolVersion" WHERE "id" = 1`),
      bump: sqlite.prepare(
        `UPDATE "Assessment" SET "version" = "version" + 1, "updatedAt" = ? WHERE "id" = ? AND "version" = ? AND "status" = 'draft'`,
      ),
      clear: [],
      add: sqlite.prepare(`INSERT INTO "Answer" ("assessmentId", "questionId", "optionId") VALUES (?, ?, ?)`),
    };
    prepared.set(sqlite, s);
  }
  return s;
}

/**
 * The DELETE of the answers to n questions (of the lead's `Answer` or a colleague's `ColleagueAnswer`), with n
 * placeholders: cheaper per save than one statement over json_each (a table-valued function and a JSON text per
 * save). Prepared on first use, at most one per count of questions (the answer schemas allow the questionnaire's
 * questions only, so n is bounded by their number).
 */
export function clearAnswersStatement(
  sqlite: Database.Database,
  cache: Database.Statement<string[]>[],
  table: "Answer" | "ColleagueAnswer",
  n: number,
): Database.Statement<string[]> {
  let st = cache[n];
  if (!st) {
    const owner = table === "Answer" ? "assessmentId" : "invitationId";
    st = sqlite.prepare(
      `DELETE FROM "${table}" WHERE "${owner}" = ? AND "questionId" IN (${Array(n).fill("?").join(", ")})`,
    );
    cache[n] = st;
  }
  return st;
}

/** SQLite, inside a transaction: the version-guarded bump, then the sent questions' answers replaced. */
function replaceAnswersSqlite(s: TSqliteStatements, id: string, change: NonNullable<TGuardedSave["change"]>): boolean {
  if (s.bump.run(sqliteNow(), id, change.version).changes !== 1) return false;
  const n = change.questionIds.length;
  if (n > 0) clearAnswersStatement(s.sqlite, s.clear, "Answer", n).run(id, ...change.questionIds);
  for (const r of change.rows) s.add.run(id, r.questionId, r.optionId);
  return true;
}

/**
 * The API's and the autosave's save: one transaction on SQLite, one statement on PostgreSQL. The write
 * happens only if the client is within both limits, the token is known, the request is valid and the
 * assessment is a draft at the sent version; the caller tells from the outcome which check failed.
 */
export async function saveGuarded(input: TGuardedSave, direct: TDirect = getDirect()): Promise<TGuardedSaveOutcome> {
  const { write, miss, tokenHash, change } = input;
  if (direct.provider === "sqlite") {
    const s = sqliteStatements(direct.sqlite);
    return runExclusive(async () =>
      direct.sqlite
        .transaction((): TGuardedSaveOutcome => {
          const writes = s.count.get(write.key, write.window)!.count;
          const misses = s.miss.get(miss.key) ?? null;
          const assessment = tokenHash === null ? null : (s.ref.get(tokenHash) ?? null);
          const allowed =
            decideAfterCount(write, writes).ok &&
            decideWithoutCount(miss, misses).ok &&
            assessment !== null &&
            change !== null;
          // Inside the immediate transaction nothing changes between the read and the write.
          const refusal = allowed
            ? (refusalOf(assessment, change.version) ?? (replaceAnswersSqlite(s, assessment.id, change) ? null : GONE))
            : null;
          return { writes, misses, found: assessment !== null, saved: allowed && refusal === null, refusal };
        })
        .immediate(),
    );
  }
  // All parts of one statement see one snapshot: "target" is the assessment before the update. The
  // version guard locks the row; a concurrent save of it waits, then finds the version changed.
  const rows = await pgQuery<{
    writes: number;
    missWindow: number | null;
    missCount: number | null;
    id: string | null;
    status: string;
    version: number;
    saved: string;
  }>(
    direct,
    "save-guarded",
    `WITH counted AS (${COUNT_UPSERT_SQL(["$1", "$2"])}),
     miss AS (SELECT "window", "count" FROM "RateLimit" WHERE "key" = $3),
     target AS (SELECT "id", "status", "version" FROM "Assessment" WHERE "tokenHash" = $4),
     bumped AS (
       UPDATE "Assessment" SET "version" = "version" + 1, "updatedAt" = (now() AT TIME ZONE 'UTC')
       WHERE "tokenHash" = $4 AND "version" = $5 AND "status" = 'draft' AND $6::boolean
         AND (SELECT "count" FROM counted) <= $7
         AND NOT EXISTS (SELECT 1 FROM miss WHERE miss."window" = $8 AND miss."count" >= $9)
       RETURNING "id"),
     ${REPLACE_ANSWERS_PG(10, 11, 12)}
     SELECT (SELECT "count" FROM counted) AS "writes", m."window" AS "missWindow", m."count" AS "missCount",
            t."id", t."status", t."version", (SELECT COUNT(*) FROM bumped) AS "saved"
     FROM (SELECT 1) AS one LEFT JOIN miss m ON true LEFT JOIN target t ON true`,
    guardedSaveParams(input),
  );
  const r = rows[0]!;
  const misses = storedMisses(r);
  const allowed =
    decideAfterCount(write, r.writes).ok && decideWithoutCount(miss, misses).ok && r.id !== null && change !== null;
  if (!allowed || Number(r.saved) === 1)
    return { writes: r.writes, misses, found: r.id !== null, saved: allowed, refusal: null };
  // The statement's snapshot explains most refusals; if it showed a draft at the sent version, another
  // save or a submit committed first (the guard re-checks the row after waiting for its lock): read it now.
  const refusal =
    refusalOf({ status: r.status, version: r.version }, change.version) ??
    (await pgQuery<{ status: string; version: number }>(
      direct,
      "save-refusal",
      `SELECT "status", "version" FROM "Assessment" WHERE "id" = $1`,
      [r.id],
    ).then(([now]) =>
      now
        ? (refusalOf(now, change.version) ?? { reason: "stale_version" as const, currentVersion: now.version })
        : GONE,
    ));
  return { writes: r.writes, misses, found: true, saved: false, refusal };
}

const GONE: TSaveRefusal = { reason: "gone" };

/**
 * The parameters of a guarded save's PostgreSQL statement (the lead's and a colleague's): $1–$2 the write counter,
 * $3 the miss counter's key, $4 the token hash, $5 the sent version, $6 whether the request is valid, $7 the write
 * limit, $8–$9 the miss counter's window and limit, $10 the sent question ids, $11–$12 the sent pairs.
 */
export function guardedSaveParams({ write, miss, tokenHash, change }: TGuardedSave): unknown[] {
  return [
    write.key,
    write.window,
    miss.key,
    tokenHash,
    change?.version ?? 0,
    change !== null,
    write.limit,
    miss.window,
    miss.limit,
    change?.questionIds ?? [],
    change?.rows.map((r) => r.questionId) ?? [],
    change?.rows.map((r) => r.optionId) ?? [],
  ];
}

/** The client's token-miss counter as a guarded save's statement read it (null: none stored). */
export function storedMisses(r: {
  missWindow: number | null;
  missCount: number | null;
}): { window: number; count: number } | null {
  return r.missWindow === null || r.missCount === null ? null : { window: r.missWindow, count: r.missCount };
}

/** The check on the assessment itself: a submitted one is not changed, a stale version is refused. */
function refusalOf(assessment: { status: string; version: number }, sentVersion: number): TSaveRefusal | null {
  if (assessment.status === "submitted") return { reason: "submitted" };
  if (assessment.version !== sentVersion) return { reason: "stale_version", currentVersion: assessment.version };
  return null;
}

/** For the results-page cache (lib/page-cache/store.ts): read only, one statement. Null: unknown token. */
export async function probePage(
  tokenHash: string,
  miss: TRateCounter,
  direct: TDirect = getDirect(),
): Promise<TPageProbe | null> {
  if (direct.provider === "sqlite") {
    const s = sqliteStatements(direct.sqlite);
    const row = s.page.get(tokenHash);
    if (!row) return null;
    return {
      id: row.id,
      version: row.version,
      poolVersion: row.poolVersion ?? 0,
      misses: s.miss.get(miss.key) ?? null,
    };
  }
  const rows = await pgQuery<{
    id: string;
    version: number;
    poolVersion: number | null;
    missWindow: number | null;
    missCount: number | null;
  }>(
    direct,
    "probe-page",
    `SELECT a."id", a."version", (SELECT p."version" FROM "PeerPoolVersion" p WHERE p."id" = 1) AS "poolVersion",
            m."window" AS "missWindow", m."count" AS "missCount"
     FROM "Assessment" a LEFT JOIN "RateLimit" m ON m."key" = $2
     WHERE a."tokenHash" = $1`,
    [tokenHash, miss.key],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    version: r.version,
    poolVersion: r.poolVersion ?? 0,
    misses: r.missWindow === null || r.missCount === null ? null : { window: r.missWindow, count: r.missCount },
  };
}

/**
 * The peer pool's version (0 before the first change): the one place it is read, by the peer cache
 * (lib/peer-pool/peer-cells.ts) and the cached peer comparison page (proxy.ts).
 */
export async function readPeerPoolVersion(direct: TDirect = getDirect()): Promise<number> {
  if (direct.provider === "sqlite") return sqliteStatements(direct.sqlite).pool.get()?.version ?? 0;
  const rows = await pgQuery<{ version: number }>(
    direct,
    "pool-version",
    `SELECT "version" FROM "PeerPoolVersion" WHERE "id" = 1`,
  );
  return rows[0]?.version ?? 0;
}
