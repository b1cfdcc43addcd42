import "server-only";
import { createHash } from "node:crypto";
import { db } from "../db/client";

/**
 * Fixed-window rate limits, counted in the database so that all app instances share them. One
 * atomic upsert per check (portable: SQLite ≥ 3.35 and PostgreSQL both support ON CONFLICT … RETURNING).
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
} as const;

export type TRateBucket = keyof typeof RATE_LIMITS;
export type TRateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Start of the current window in whole minutes since 1970 (all windows are whole minutes), so rows compare across buckets. */
function windowStartMinute(windowSeconds: number, now: number): number {
  return (Math.floor(now / 1000 / windowSeconds) * windowSeconds) / 60;
}

function retryAfter(window: number, windowSeconds: number, now: number): number {
  return Math.max(1, window * 60 + windowSeconds - Math.floor(now / 1000));
}

export async function consumeRateLimit(bucket: TRateBucket, client: string, now = Date.now()): Promise<TRateDecision> {
  const { limit, windowSeconds } = RATE_LIMITS[bucket];
  const window = windowStartMinute(windowSeconds, now);
  // The client address is stored only as part of a hash.
  const key = createHash("sha256").update(`${bucket}|${client}`).digest("hex");
  // Tagged template: Prisma renders the placeholders each provider expects (? on SQLite, $n on PostgreSQL).
  const rows = await db.$queryRaw<{ count: number | bigint }[]>`
    INSERT INTO "RateLimit" ("key", "window", "count") VALUES (${key}, ${window}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."window" = excluded."window" THEN "RateLimit"."count" + 1 ELSE 1 END,
      "window" = excluded."window"
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  if (count <= limit) return { ok: true };
  return { ok: false, retryAfterSeconds: retryAfter(window, windowSeconds, now) };
}

/** Whether a client is already over a limit, without counting (for look-ups that may still succeed). */
export async function isRateLimited(bucket: TRateBucket, client: string, now = Date.now()): Promise<TRateDecision> {
  const { limit, windowSeconds } = RATE_LIMITS[bucket];
  const window = windowStartMinute(windowSeconds, now);
  const key = createHash("sha256").update(`${bucket}|${client}`).digest("hex");
  const row = await db.rateLimit.findUnique({ where: { key } });
  if (!row || row.window !== window || row.count < limit) return { ok: true };
  return { ok: false, retryAfterSeconds: retryAfter(window, windowSeconds, now) };
}

/** Deletes counters of past windows (run by npm run cleanup). */
export async function deleteExpiredRateLimits(now = Date.now()): Promise<number> {
  const longestMinutes = Math.max(...Object.values(RATE_LIMITS).map((r) => r.windowSeconds)) / 60;
  const res = await db.rateLimit.deleteMany({ where: { window: { lt: Math.floor(now / 60_000) - longestMinutes } } });
  return res.count;
}
