/**
 * The limits of a target, without dependencies: the targets form (a client component) shows them, the
 * validation (lib/benchmark/targets.ts, lib/assessment/api-schemas.ts) enforces them.
 */

/** A target year lies at most this many years ahead. */
export const TARGET_YEARS_AHEAD = 10;
/** The longest "Verantwortlich" of a target. */
export const RESPONSIBLE_MAX_CHARS = 200;
