import { createHash } from "node:crypto";

/**
 * The rate limits and how their counters are addressed; no database access here, so that the proxy and
 * the direct save path (lib/db/direct-queries.ts) count exactly as lib/db/rate-limit.ts does.
 */
export const RATE_LIMITS = {
  /** Any change: saving answers, submitting, deleting, renewing a link. */
  write: { limit: 120, windowSeconds: 60 },
  /** Creating assessments. */
  create: { limit: 20, windowSeconds: 3600 },
  /** Look-ups of an unknown edit link (guessing tokens). */
  tokenMiss: { limit: 20, windowSeconds: 600 },
  /** PDF reports (CPU-heavy). */
  report: { limit: 30, windowSeconds: 60 },
  /** Operator logins. */
  login: { limit: 5, windowSeconds: 900 },
  /** Wrong participation codes from one client (lib/participation/redeem-code.ts). */
  codeAttempt: { limit: 10, windowSeconds: 900 },
  /** Wrong participation codes from all clients together: guessing from many addresses. */
  codeAttemptInstance: { limit: 300, windowSeconds: 900 },
} as const;

export type TRateBucket = keyof typeof RATE_LIMITS;
export type TRateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** The counter of one bucket and client in the current window. The client address is stored only as part of a hash. */
export type TRateCounter = { bucket: TRateBucket; key: string; window: number; limit: number; windowSeconds: number };

/** Start of the current window in whole minutes since 1970 (all windows are whole minutes), so rows compare across buckets. */
function windowStartMinute(windowSeconds: number, now: number): number {
  return (Math.floor(now / 1000 / windowSeconds) * windowSeconds) / 60;
}

export function rateCounter(bucket: TRateBucket, client: string, now = Date.now()): TRateCounter {
  const { limit, windowSeconds } = RATE_LIMITS[bucket];
  const key = createHash("sha256").update(`${bucket}|${client}`).digest("hex");
  return { bucket, key, window: windowStartMinute(windowSeconds, now), limit, windowSeconds };
}

export function retryAfterSeconds(counter: TRateCounter, now = Date.now()): number {
  return Math.max(1, counter.window * 60 + counter.windowSeconds - Math.floor(now / 1000));
}

/** After counting a request: over the limit once the count exceeds it. */
export function decideAfterCount(counter: TRateCounter, count: number, now = Date.now()): TRateDecision {
  return count <= counter.limit ? { ok: true } : { ok: false, retryAfterSeconds: retryAfterSeconds(counter, now) };
}

/** Without counting (a stored row of this window, or none): limited once the count has reached the limit. */
export function decideWithoutCount(
  counter: TRateCounter,
  stored: { window: number; count: number } | null,
  now = Date.now(),
): TRateDecision {
  if (!stored || stored.window !== counter.window || stored.count < counter.limit) return { ok: true };
  return { ok: false, retryAfterSeconds: retryAfterSeconds(counter, now) };
}

/**
 * Counts a request: one atomic upsert (SQLite ≥ 3.35 and PostgreSQL both support ON CONFLICT … RETURNING).
 * `p` are the placeholders of key and window in the provider's style (? or $n).
 */
export const COUNT_UPSERT_SQL = (p: [string, string]) => `
  INSERT INTO "RateLimit" ("key", "window", "count") VALUES (${p[0]}, ${p[1]}, 1)
  ON CONFLICT ("key") DO UPDATE SET
    "count" = CASE WHEN "RateLimit"."window" = excluded."window" THEN "RateLimit"."count" + 1 ELSE 1 END,
    "window" = excluded."window"
  RETURNING "count"`;
