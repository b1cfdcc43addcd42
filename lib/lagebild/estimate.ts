import type { TSizeClass } from "../profile/size-class";
import type { TStateCode } from "../profile/states";

/**
 * An estimate for all municipalities from the self-selected participants (docs/adr/0011-lagebild-estimate.md).
 * Pure, so that a unit test checks it against hand-computed examples.
 *
 * Post-stratification: the municipalities of the register in the filter fall into strata h with N_h
 * municipalities, of which n_h took part (released, verified). With p_h the share in the stratum's sample
 * and W_h = N_h / N:
 *   p̂ = Σ W_h p_h
 *   V̂(p̂) = Σ W_h² (1 − n_h / N_h) p_h (1 − p_h) / (n_h − 1)      (finite-population correction 1 − n_h/N_h)
 *   95 % interval: p̂ ± 1.96 √V̂, clipped to [0, 1].
 * A mean (the index) likewise: ȳ = Σ W_h ȳ_h, V̂ = Σ W_h² (1 − n_h / N_h) s_h² / n_h.
 *
 * Strata: state × size class where every state's cell of that size class (in the filter, with N > 0) has
 * participants; otherwise the size class is one stratum across the filter's states (its cells merged).
 * No estimate when fewer than MIN_PARTICIPANTS municipalities take part, or a size class of the filter
 * has no participant at all (it could not be represented).
 */

export const MIN_PARTICIPANTS = 30;
const Z95 = 1.96;

export type TCellCount = { state: TStateCode; sizeClass: TSizeClass; N: number; n: number };

export type TStratum = {
  /** "DE-BY|lt_5000" for a state's cell, "*|lt_5000" for a merged size class. */
  key: string;
  sizeClass: TSizeClass;
  states: TStateCode[];
  N: number;
  n: number;
};

type TStrata =
  | { ok: true; strata: TStratum[]; participants: number; total: number; merged: TSizeClass[] }
  | { ok: false; reason: string; participants: number; total: number };

/** The strata of a filter's cells, or why no estimate is shown. `sizeClassLabel` names a size class in the reason. */
export function buildStrata(cells: readonly TCellCount[], sizeClassLabel: (id: TSizeClass) => string): TStrata {
  const inScope = cells.filter((c) => c.N > 0);
  const participants = inScope.reduce((s, c) => s + c.n, 0);
  const total = inScope.reduce((s, c) => s + c.N, 0);
  if (participants < MIN_PARTICIPANTS)
    return {
      ok: false,
      participants,
      total,
      reason: `Eine Schätzung zeigen wir erst ab ${MIN_PARTICIPANTS} teilnehmenden Kommunen; hier sind es ${participants}.`,
    };
  const strata: TStratum[] = [];
  const merged: TSizeClass[] = [];
  const sizeClasses = [...new Set(inScope.map((c) => c.sizeClass))];
  for (const sizeClass of sizeClasses) {
    const group = inScope.filter((c) => c.sizeClass === sizeClass);
    const n = group.reduce((s, c) => s + c.n, 0);
    if (n === 0)
      return {
        ok: false,
        participants,
        total,
        reason: `Aus der Größenklasse „${sizeClassLabel(sizeClass)}“ nimmt keine Kommune teil; für sie lässt sich nichts schätzen.`,
      };
    if (group.every((c) => c.n >= 2))
      for (const c of group)
        strata.push({ key: `${c.state}|${sizeClass}`, sizeClass, states: [c.state], N: c.N, n: c.n });
    else {
      merged.push(sizeClass);
      strata.push({
        key: `*|${sizeClass}`,
        sizeClass,
        states: group.map((c) => c.state),
        N: group.reduce((s, c) => s + c.N, 0),
        n,
      });
    }
  }
  return { ok: true, strata, participants, total, merged };
}

export type TEstimate = { value: number; low: number; high: number; halfWidth: number };

const fpc = (s: { N: number; n: number }) => Math.max(0, 1 - s.n / s.N);

/** A share (0…1) from the number of participants per stratum who chose it. */
export function estimateShare(strata: readonly TStratum[], hits: (s: TStratum) => number): TEstimate {
  const N = strata.reduce((sum, s) => sum + s.N, 0);
  let value = 0;
  let variance = 0;
  for (const s of strata) {
    const w = s.N / N;
    const p = s.n > 0 ? hits(s) / s.n : 0;
    value += w * p;
    if (s.n > 1) variance += w * w * fpc(s) * ((p * (1 - p)) / (s.n - 1));
  }
  return interval(value, variance, 0, 1);
}

/** A mean (the index, 0…100) from each stratum's values. */
export function estimateMean(strata: readonly TStratum[], values: (s: TStratum) => readonly number[]): TEstimate {
  const N = strata.reduce((sum, s) => sum + s.N, 0);
  let value = 0;
  let variance = 0;
  for (const s of strata) {
    const xs = values(s);
    if (xs.length === 0) continue;
    const w = s.N / N;
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    value += w * mean;
    if (xs.length > 1) {
      const s2 = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
      variance += w * w * fpc({ N: s.N, n: xs.length }) * (s2 / xs.length);
    }
  }
  return interval(value, variance, 0, 100);
}

function interval(value: number, variance: number, min: number, max: number): TEstimate {
  const halfWidth = Z95 * Math.sqrt(variance);
  return { value, low: Math.max(min, value - halfWidth), high: Math.min(max, value + halfWidth), halfWidth };
}
