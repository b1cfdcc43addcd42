import "server-only";
import type Database from "better-sqlite3";
import { getDirect, type TDirect } from "./direct";
import { runExclusive } from "./exclusive";
import {
  clearAnswersStatement,
  guardedSaveParams,
  pgQuery,
  sqliteNow,
  storedMisses,
  type TGuardedSave,
} from "./direct-queries";
import { COUNT_UPSERT_SQL, decideAfterCount, decideWithoutCount } from "../security/rate-limit-rules";

// A colleague's save as one step on the driver, as the lead's (lib/db/direct-queries.ts, docs/adr/0007). Through
// Prisma it took up to nine statements in an interactive transaction (write count, miss check, the invitation with
// its answers and its assessment, the write lock, the version bump, delete, insert), each costing more CPU than
// its work.

/** A colleague's guarded save: the same input as the lead's (the token is the colleague's link). */
export type TColleagueSave = TGuardedSave;

/** The invitation behind the link, as the checks need it (before this save). */
export type TColleagueTarget = {
  version: number;
  revoked: boolean;
  /** When the round closed (the lead closed it, or the year was followed up); null: open. */
  closedAt: Date | null;
};

export type TColleagueSaveOutcome = {
  /** The write counter after this request was counted. */
  writes: number;
  /** The token-miss counter of the client, as stored (null: none). */
  misses: { window: number; count: number } | null;
  /** null: the token names no invitation. */
  target: TColleagueTarget | null;
  /** Whether the change was written (within both limits, link valid and open, request valid, version current). */
  saved: boolean;
  /** The stored version when a valid change to an open link within the limits was refused as stale. */
  currentVersion: number | null;
};

/** A date column as stored: SQLite holds Prisma's ISO text; the PostgreSQL statement reads epoch milliseconds. */
const toDate = (v: string | number | null): Date | null => (v == null ? null : new Date(v));

/** A follow-up passes the lead's link on (its token hash moves to the new year): that closes the round, if open. */
const closedAtOf = (closed: Date | null, passedOn: boolean, updatedAt: Date | null) =>
  closed ?? (passedOn ? updatedAt : null);

type TSqliteStatements = {
  sqlite: Database.Database;
  count: Database.Statement<[string, number], { count: number }>;
  miss: Database.Statement<[string], { window: number; count: number }>;
  target: Database.Statement<
    [string],
    {
      id: string;
      version: number;
      revokedAt: string | null;
      closedAt: string | null;
      passedOn: number;
      updatedAt: string;
    }
  >;
  bump: Database.Statement<[string, string, number]>;
  /** clear[n]: the DELETE of n question ids' answers, prepared on first use. */
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
      target: sqlite.prepare(
        `SELECT i."id", i."version", i."revokedAt", a."colleaguesClosedAt" AS "closedAt",
                a."tokenHash" IS NULL AS "passedOn", a."updatedAt"
         FROM "ColleagueInvitation" i JOIN "Assessment" a ON a."id" = i."assessmentId" WHERE i."tokenHash" = ?`,
      ),
      bump: sqlite.prepare(
        `UPDATE "ColleagueInvitation" SET "version" = "version" + 1, "answeredAt" = ?
         WHERE "id" = ? AND "version" = ? AND "revokedAt" IS NULL`,
      ),
      clear: [],
      add: sqlite.prepare(`INSERT INTO "ColleagueAnswer" ("invitationId", "questionId", "optionId") VALUES (?, ?, ?)`),
    };
    prepared.set(sqlite, s);
  }
  return s;
}

/**
 * A colleague's save: one transaction on SQLite, one statement on PostgreSQL. The write happens only if the
 * client is within both limits, the link names an invitation that is neither revoked nor in a closed round, the
 * request is valid and the sent version is the stored one; the caller tells from the outcome which check failed.
 */
export async function saveColleagueGuarded(
  input: TColleagueSave,
  direct: TDirect = getDirect(),
): Promise<TColleagueSaveOutcome> {
  const { write, miss, tokenHash, change } = input;
  if (direct.provider === "sqlite") {
    const s = sqliteStatements(direct.sqlite);
    return runExclusive(async () =>
      direct.sqlite
        .transaction((): TColleagueSaveOutcome => {
          const writes = s.count.get(write.key, write.window)!.count;
          const misses = s.miss.get(miss.key) ?? null;
          const row = tokenHash === null ? null : (s.target.get(tokenHash) ?? null);
          const target: TColleagueTarget | null = row && {
            version: row.version,
            revoked: row.revokedAt !== null,
            closedAt: closedAtOf(toDate(row.closedAt), row.passedOn === 1, toDate(row.updatedAt)),
          };
          const allowed =
            decideAfterCount(write, writes).ok &&
            decideWithoutCount(miss, misses).ok &&
            change !== null &&
            target !== null &&
            !target.revoked &&
            target.closedAt === null;
          if (!allowed) return { writes, misses, target, saved: false, currentVersion: null };
          // Inside the immediate transaction nothing changes between the read and the write.
          if (s.bump.run(sqliteNow(), row!.id, change.version).changes !== 1)
            return { writes, misses, target, saved: false, currentVersion: target.version };
          const n = change.questionIds.length;
          if (n > 0) clearAnswersStatement(s.sqlite, s.clear, "ColleagueAnswer", n).run(row!.id, ...change.questionIds);
          for (const r of change.rows) s.add.run(row!.id, r.questionId, r.optionId);
          return { writes, misses, target, saved: true, currentVersion: null };
        })
        .immediate(),
    );
  }
  // All parts of one statement see one snapshot ("target" is the invitation before the update); the version guard
  // locks the row, so a concurrent save of it waits, then finds the version changed. Answers that stay are neither
  // deleted nor inserted (deleting and re-inserting a key in one statement would collide).
  const rows = await pgQuery<{
    writes: number;
    missWindow: number | null;
    missCount: number | null;
    id: string | null;
    version: number;
    revoked: boolean;
    closedAt: string | null;
    passedOn: boolean;
    updatedAt: string;
    saved: string;
  }>(
    direct,
    "colleague-save-guarded",
    `WITH counted AS (${COUNT_UPSERT_SQL(["$1", "$2"])}),
     miss AS (SELECT "window", "count" FROM "RateLimit" WHERE "key" = $3),
     target AS (
       SELECT i."id", i."version", i."revokedAt" IS NOT NULL AS "revoked",
              (EXTRACT(EPOCH FROM a."colleaguesClosedAt") * 1000)::float8 AS "closedAt",
              a."tokenHash" IS NULL AS "passedOn", (EXTRACT(EPOCH FROM a."updatedAt") * 1000)::float8 AS "updatedAt"
       FROM "ColleagueInvitation" i JOIN "Assessment" a ON a."id" = i."assessmentId" WHERE i."tokenHash" = $4),
     bumped AS (
       UPDATE "ColleagueInvitation" i SET "version" = i."version" + 1, "answeredAt" = (now() AT TIME ZONE 'UTC')
       FROM "Assessment" a
       WHERE i."tokenHash" = $4 AND i."version" = $5 AND i."revokedAt" IS NULL AND $6::boolean
         AND a."id" = i."assessmentId" AND a."colleaguesClosedAt" IS NULL AND a."tokenHash" IS NOT NULL
         AND (SELECT "count" FROM counted) <= $7
         AND NOT EXISTS (SELECT 1 FROM miss WHERE miss."window" = $8 AND miss."count" >= $9)
       RETURNING i."id"),
     removed AS (
       DELETE FROM "ColleagueAnswer" w USING bumped
       WHERE w."invitationId" = bumped."id" AND w."questionId" = ANY($10::text[])
         AND (w."questionId", w."optionId") NOT IN (SELECT t."q", t."o" FROM unnest($11::text[], $12::text[]) AS t("q", "o"))),
     added AS (
       INSERT INTO "ColleagueAnswer" ("invitationId", "questionId", "optionId")
       SELECT bumped."id", t."q", t."o" FROM bumped, unnest($11::text[], $12::text[]) AS t("q", "o")
       ON CONFLICT DO NOTHING)
     SELECT (SELECT "count" FROM counted) AS "writes", m."window" AS "missWindow", m."count" AS "missCount",
            t."id", t."version", t."revoked", t."closedAt", t."passedOn", t."updatedAt",
            (SELECT COUNT(*) FROM bumped) AS "saved"
     FROM (SELECT 1) AS one LEFT JOIN miss m ON true LEFT JOIN target t ON true`,
    guardedSaveParams(input),
  );
  const r = rows[0]!;
  const misses = storedMisses(r);
  const target: TColleagueTarget | null =
    r.id === null
      ? null
      : {
          version: r.version,
          revoked: r.revoked,
          closedAt: closedAtOf(toDate(r.closedAt), r.passedOn, toDate(r.updatedAt)),
        };
  const allowed =
    decideAfterCount(write, r.writes).ok &&
    decideWithoutCount(miss, misses).ok &&
    change !== null &&
    target !== null &&
    !target.revoked &&
    target.closedAt === null;
  if (!allowed || Number(r.saved) === 1)
    return { writes: r.writes, misses, target, saved: allowed, currentVersion: null };
  // The snapshot showed the sent version, yet the guard refused: another save committed first. Read it now.
  const currentVersion =
    target.version !== change.version
      ? target.version
      : ((
          await pgQuery<{ version: number }>(
            direct,
            "colleague-save-refusal",
            `SELECT "version" FROM "ColleagueInvitation" WHERE "id" = $1`,
            [r.id],
          )
        )[0]?.version ?? target.version);
  return { writes: r.writes, misses, target, saved: false, currentVersion };
}
