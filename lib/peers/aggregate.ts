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

/**
 * The index of a group in whole points: the mean from k scores, median and quartiles only from 2k
 * (docs/adr/0005-peer-privacy.md: in a group of k, p25, median and p75 would be three members' exact scores).
 */
export type TIndexStats = { mean: number } & (
  { median: number; p25: number; p75: number } | { median: null; p25: null; p75: null }
);

/** Where an own score lies against a group's published quartiles. */
export type TPeerBand = "lower_quarter" | "second_quarter" | "third_quarter" | "upper_quarter";

export type TPeerView = {
  filters: { state: TStateCode | null; sizeClass: TSizeClass | null };
  k: number;
  /** Municipalities in the comparison; null when suppressed (not even the count is shown then). */
  count: number | null;
  suppressed: boolean;
  /** Per question: % of the peers that chose each option. Empty when suppressed. */
  questions: { id: string; shares: Record<string, number> }[];
  /** Null below k scores (scores are null only for legacy rows). */
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

/** Whole points: no statistic of the peers is shown more precisely (docs/adr/0005). */
const whole = (x: number) => Math.round(x);

/** The group's index statistics (see TIndexStats); null below k scores. */
export function indexStats(scores: readonly number[], k: number): TIndexStats | null {
  if (scores.length === 0 || scores.length < k) return null;
  const sorted = [...scores].sort((a, b) => a - b);
  const mean = whole(sorted.reduce((s, x) => s + x, 0) / sorted.length);
  if (sorted.length < 2 * k) return { mean, median: null, p25: null, p75: null };
  return {
    mean,
    median: whole(quantile(sorted, 0.5)),
    p25: whole(quantile(sorted, 0.25)),
    p75: whole(quantile(sorted, 0.75)),
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
    index: indexStats(
      chosen.flatMap((c) => c.indexScores),
      k,
    ),
    release: { releasedAt: chosen.reduce((m, c) => (c.releasedAt > m ? c.releasedAt : m), ""), count },
  };
}

/**
 * Where an own score lies against the published quartiles of a group: the only position against peers the
 * product gives (docs/adr/0005), so that no one learns more than the quartiles it publishes anyway. Null
 * where the group has no quartiles (fewer than 2k scores).
 */
export function bandAmongPeers(stats: TIndexStats | null, ownScore: number): TPeerBand | null {
  if (!stats || stats.median === null) return null;
  if (ownScore < stats.p25) return "lower_quarter";
  if (ownScore < stats.median) return "second_quarter";
  if (ownScore < stats.p75) return "third_quarter";
  return "upper_quarter";
}

/** "im unteren Viertel": the band as the sentence "Damit liegt Ihre Kommune … der Vergleichskommunen" needs it. */
export const PEER_BAND_WORDS: Record<TPeerBand, string> = {
  lower_quarter: "im unteren Viertel",
  second_quarter: "im zweiten Viertel, unter dem Median",
  third_quarter: "im dritten Viertel, über dem Median",
  upper_quarter: "im oberen Viertel",
};
