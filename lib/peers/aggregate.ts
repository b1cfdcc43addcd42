import type { TStateCode } from "../profile/states";
import type { TSizeClass } from "../profile/size-class";
import { round1 } from "../format/round";

/** Smallest group of distinct municipalities whose aggregate may be shown; configurable upward only. */
export const K_MIN = 5;

/**
 * The peer pool split into cells (federal state × size class): the finest grouping the product ever
 * publishes. A cell holds the counts of the latest submissions of distinct municipalities.
 */
export type TPeerCell = {
  state: TStateCode;
  sizeClass: TSizeClass;
  /** Distinct municipalities (one latest submission each). */
  count: number;
  /** questionId → optionId → number of municipalities that chose it. */
  optionCounts: Record<string, Record<string, number>>;
  /** Index scores of the cell's municipalities (unordered). */
  indexScores: number[];
  /** When these figures were released (ISO timestamp; docs/adr/0005: figures change only in batches). */
  releasedAt: string;
};

export type TPeerFilter = { state?: TStateCode; sizeClass?: TSizeClass };

export type TIndexStats = { mean: number; median: number; p25: number; p75: number };

export type TPeerView = {
  filters: { state: TStateCode | null; sizeClass: TSizeClass | null };
  k: number;
  /** Municipalities in the comparison; null when suppressed (not even the count is shown then). */
  count: number | null;
  suppressed: boolean;
  /** Per question: % of the peers that chose each option. Empty when suppressed. */
  questions: { id: string; shares: Record<string, number> }[];
  index: TIndexStats | null;
  /** "Stand": the newest release among the cells shown, and how many municipalities the view counts. */
  release: { releasedAt: string; count: number } | null;
};

/**
 * The differencing rule (docs/adr/0005-peer-privacy.md): only cells with at least k municipalities
 * are ever aggregated; smaller cells count nowhere, not in their state, size class or Germany.
 * Every published figure is then a sum over whole cells of ≥ k, and so is any difference of two
 * published figures: no combination of filters isolates fewer than k municipalities.
 */
export function publishableCells(cells: readonly TPeerCell[], k: number): TPeerCell[] {
  return cells.filter((c) => c.count >= k);
}

export function matchesFilter(cell: Pick<TPeerCell, "state" | "sizeClass">, filter: TPeerFilter): boolean {
  return (!filter.state || cell.state === filter.state) && (!filter.sizeClass || cell.sizeClass === filter.sizeClass);
}

/** Quantile by linear interpolation between order statistics (R type 7); `sorted` ascending, non-empty. */
export function quantile(sorted: readonly number[], p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function indexStats(scores: readonly number[]): TIndexStats | null {
  if (scores.length === 0) return null;
  const sorted = [...scores].sort((a, b) => a - b);
  return {
    mean: round1(sorted.reduce((s, x) => s + x, 0) / sorted.length),
    median: round1(quantile(sorted, 0.5)),
    p25: round1(quantile(sorted, 0.25)),
    p75: round1(quantile(sorted, 0.75)),
  };
}

/** The peer comparison for a filter. Pure; k below K_MIN is raised to K_MIN. */
export function aggregatePeers(cells: readonly TPeerCell[], filter: TPeerFilter, kWanted: number = K_MIN): TPeerView {
  const k = Math.max(K_MIN, Math.floor(kWanted));
  const chosen = publishableCells(cells, k).filter((c) => matchesFilter(c, filter));
  const count = chosen.reduce((n, c) => n + c.count, 0);
  const filters = { state: filter.state ?? null, sizeClass: filter.sizeClass ?? null };
  if (count < k) return { filters, k, count: null, suppressed: true, questions: [], index: null, release: null };
  const totals: Record<string, Record<string, number>> = {};
  for (const cell of chosen) {
    for (const [qid, options] of Object.entries(cell.optionCounts)) {
      const t = (totals[qid] ??= {});
      for (const [oid, n] of Object.entries(options)) t[oid] = (t[oid] ?? 0) + n;
    }
  }
  return {
    filters,
    k,
    count,
    suppressed: false,
    questions: Object.entries(totals).map(([id, options]) => ({
      id,
      shares: Object.fromEntries(Object.entries(options).map(([oid, n]) => [oid, round1((n * 100) / count)])),
    })),
    // Statistics over fewer than k scores could expose single values (scores are null only for legacy rows).
    index: (() => {
      const scores = chosen.flatMap((c) => c.indexScores);
      return scores.length >= k ? indexStats(scores) : null;
    })(),
    release: { releasedAt: chosen.reduce((m, c) => (c.releasedAt > m ? c.releasedAt : m), ""), count },
  };
}

/** % of the peers whose index is below the own score (ties count half); null without peers. */
export function positionAmongPeers(
  cells: readonly TPeerCell[],
  filter: TPeerFilter,
  kWanted: number,
  ownScore: number,
): number | null {
  const k = Math.max(K_MIN, Math.floor(kWanted));
  const scores = publishableCells(cells, k)
    .filter((c) => matchesFilter(c, filter))
    .flatMap((c) => c.indexScores);
  if (scores.length < k) return null;
  const below = scores.filter((s) => s < ownScore).length + scores.filter((s) => s === ownScore).length / 2;
  return Math.round((below / scores.length) * 100);
}
