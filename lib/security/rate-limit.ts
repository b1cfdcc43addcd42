import "server-only";
import { db } from "../db/client";
import { RATE_LIMITS, decideAfterCount, decideWithoutCount, rateCounter, type TRateBucket, type TRateDecision } from "./rate-limit-rules";

export { RATE_LIMITS, type TRateBucket, type TRateDecision };

/**
 * Fixed-window rate limits, counted in the database so that all app instances share them. One
 * atomic upsert per check (portable: SQLite ≥ 3.35 and PostgreSQL both support ON CONFLICT … RETURNING).
 * lib/db/direct-queries.ts counts the write bucket of a save with the same statement.
 */
export async function consumeRateLimit(bucket: TRateBucket, client: string, now = Date.now()): Promise<TRateDecision> {
  const counter = rateCounter(bucket, client, now);
  // Tagged template: Prisma renders the placeholders each provider expects (? on SQLite, $n on PostgreSQL).
  const rows = await db.$queryRaw<{ count: number | bigint }[]>`
    INSERT INTO "RateLimit" ("key", "window", "count") VALUES (${counter.key}, ${counter.window}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."window" = excluded."window" THEN "RateLimit"."count" + 1 ELSE 1 END,
      "window" = excluded."window"
    RETURNING "count"`;
  return decideAfterCount(counter, Number(rows[0]?.count ?? 1), now);
}

/** Whether a client is already over a limit, without counting (for look-ups that may still succeed). */
export async function isRateLimited(bucket: TRateBucket, client: string, now = Date.now()): Promise<TRateDecision> {
  const counter = rateCounter(bucket, client, now);
  const row = await db.rateLimit.findUnique({ where: { key: counter.key } });
  return decideWithoutCount(counter, row, now);
}

/** Deletes counters of past windows (run by npm run cleanup). */
export async function deleteExpiredRateLimits(now = Date.now()): Promise<number> {
  const longestMinutes = Math.max(...Object.values(RATE_LIMITS).map((r) => r.windowSeconds)) / 60;
  const res = await db.rateLimit.deleteMany({ where: { window: { lt: Math.floor(now / 60_000) - longestMinutes } } });
  return res.count;
}
