import "server-only";
import { metrics } from "../metrics/registry.cjs";
import { db } from "./client";
import { getDatabaseConfig } from "./database-url";
import {
  COUNT_UPSERT_SQL,
  RATE_LIMITS,
  decideAfterCount,
  decideWithoutCount,
  rateCounter,
  type TRateBucket,
  type TRateDecision,
} from "../security/rate-limit-rules";

export { RATE_LIMITS, type TRateBucket, type TRateDecision };

/** A decision over the limit counts in the metrics (GET /api/metrics), by limit. */
function counted(bucket: TRateBucket, decision: TRateDecision): TRateDecision {
  if (!decision.ok) metrics().refusals.inc({ limit: bucket });
  return decision;
}

/**
 * Fixed-window rate limits, counted in the database so that all app instances share them: one atomic
 * upsert per check (COUNT_UPSERT_SQL, which lib/db/direct-queries.ts also uses for the write bucket of a save).
 */
export async function consumeRateLimit(bucket: TRateBucket, client: string, now = Date.now()): Promise<TRateDecision> {
  const counter = rateCounter(bucket, client, now);
  const placeholders: [string, string] = getDatabaseConfig().provider === "postgresql" ? ["$1", "$2"] : ["?", "?"];
  const rows = await db.$queryRawUnsafe<{ count: number | bigint }[]>(
    COUNT_UPSERT_SQL(placeholders),
    counter.key,
    counter.window,
  );
  return counted(bucket, decideAfterCount(counter, Number(rows[0]?.count ?? 1), now));
}

/**
 * Takes back one counted request of this window (a login that turned out right: only failures count). The
 * request was counted first, so that parallel attempts cannot all pass the check before any is counted.
 */
export async function refundRateLimit(bucket: TRateBucket, client: string, now = Date.now()): Promise<void> {
  const counter = rateCounter(bucket, client, now);
  await db.rateLimit.updateMany({
    where: { key: counter.key, window: counter.window, count: { gt: 0 } },
    data: { count: { decrement: 1 } },
  });
}

/** Whether a client is already over a limit, without counting (for look-ups that may still succeed). */
export async function isRateLimited(bucket: TRateBucket, client: string, now = Date.now()): Promise<TRateDecision> {
  const counter = rateCounter(bucket, client, now);
  const row = await db.rateLimit.findUnique({ where: { key: counter.key } });
  return counted(bucket, decideWithoutCount(counter, row, now));
}

/** Deletes counters of past windows (run by npm run cleanup). */
export async function deleteExpiredRateLimits(now = Date.now()): Promise<number> {
  const longestMinutes = Math.max(...Object.values(RATE_LIMITS).map((r) => r.windowSeconds)) / 60;
  const res = await db.rateLimit.deleteMany({ where: { window: { lt: Math.floor(now / 60_000) - longestMinutes } } });
  return res.count;
}
