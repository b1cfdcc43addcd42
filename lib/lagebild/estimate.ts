import { getStateName, STATES, type TStateCode } from "../profile/states";
import { SIZE_CLASSES, type TSizeClass } from "../profile/size-class";
import { betaQuantile, t975 } from "./distributions";
import { formatNumber } from "../format/number";

/**
 * An estimate for all administrations of a filter from the participants, who chose to take part
 * (docs/adr/0011-lagebild-estimate.md, which gives the formulas). Pure, so that unit tests pin it against
 * hand-computed values and an independent implementation.
 *
 * 1. Strata: a state's cells (size classes with units in the frame). A cell with fewer than
 *    MIN_STRATUM_PARTICIPANTS participants – among them every cell with fewer than k units in the frame,
 *    whose participants are never published – is collapsed into the neighbouring size class of the same
 *    state (the neighbour with more participants; on a tie the smaller size class), until every stratum of
 *    the state has enough or the state is one stratum. Size classes are never merged across states.
 * 2. Coverage: a filter of several states needs participants from at least two thirds of its states with
 *    units, and these states must hold at least half of the filter's units. A state without participants
 *    is then represented by the strata of the other states that hold its size classes, in proportion to
 *    their units of that size class (its units are added to their weights). Otherwise no estimate, and the
 *    reason names the states without participants.
 * 3. Share p̂ = Σ W_h p_h with W_h = N'_h / N (N'_h: the units the stratum stands for), variance
 *    V̂ = Σ W_h² (1 − n_h/N'_h) p_h(1 − p_h)/(n_h − 1) (n_h = 1: p(1 − p) taken as its maximum ¼), and the
 *    Korn–Graubard interval: Clopper–Pearson with the effective sample size
 *    n* = min(n, p̂(1 − p̂)/V̂ · (t_{n−1}/t_{n−H})²) (n* = n when p̂ is 0 or 1 or V̂ = 0).
 * 4. A full census (every stratum takes part completely) has no random error: no interval.
 */

export const MIN_PARTICIPANTS = 30;
/** A stratum needs this many participants; a cell with fewer is collapsed into its neighbour. */
export const MIN_STRATUM_PARTICIPANTS = 2;
/** Coverage of a filter of several states: its states with participants, and the units they hold. */
export const MIN_STATE_SHARE = 2 / 3;
export const MIN_FRAME_SHARE = 1 / 2;

export type TCellCount = { state: TStateCode; sizeClass: TSizeClass; N: number; n: number };

export type TStratum = {
  /** "DE-SH|5000_19999+20000_99999": the state and the size classes it holds. */
  key: string;
  state: TStateCode;
  /** Its size classes, ascending, with their units in the frame. */
  cells: { sizeClass: TSizeClass; N: number }[];
  /** Units of the frame in the stratum. */
  N: number;
  /** Units it stands for: N plus its part of the units of states without participants. */
  weight: number;
  n: number;
};

/** A cell whose units are estimated with those of a neighbouring size class of its state. */
export type TCollapse = { state: TStateCode; sizeClass: TSizeClass; into: TSizeClass[] };

export type TStrata =
  | {
      ok: true;
      strata: TStratum[];
      participants: number;
      total: number;
      collapsed: TCollapse[];
      /** States of the filter with units but no participants, represented by the other states. */
      missingStates: TStateCode[];
    }
  | { ok: false; reason: string; participants: number; total: number; missingStates: TStateCode[] };

const SIZE_ORDER = new Map(SIZE_CLASSES.map((c, i) => [c.id, i]));
const STATE_ORDER = new Map(STATES.map((s, i) => [s.code, i]));

/** "Bremen, Hamburg und Saarland". */
export const joinNames = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} und ${names.at(-1)}`;

/** A state's strata after collapsing its small cells into their neighbours (step 1). */
function collapseState(
  state: TStateCode,
  cells: readonly TCellCount[],
): { strata: TStratum[]; collapsed: TCollapse[] } {
  type TGroup = { cells: { sizeClass: TSizeClass; N: number }[]; n: number };
  const groups: TGroup[] = [...cells]
    .sort((a, b) => SIZE_ORDER.get(a.sizeClass)! - SIZE_ORDER.get(b.sizeClass)!)
    .map((c) => ({ cells: [{ sizeClass: c.sizeClass, N: c.N }], n: c.n }));
  const small = new Set<TSizeClass>();
  for (;;) {
    const i = groups.findIndex((g) => g.n < MIN_STRATUM_PARTICIPANTS);
    if (i < 0 || groups.length === 1) break;
    const before = groups[i - 1];
    const after = groups[i + 1];
    // The neighbour with more participants; on a tie the smaller size class.
    const j = !after || (before && before.n >= after.n) ? i - 1 : i + 1;
    for (const c of groups[i]!.cells) small.add(c.sizeClass);
    const [lo, hi] = j < i ? [j, i] : [i, j];
    groups.splice(lo, 2, { cells: [...groups[lo]!.cells, ...groups[hi]!.cells], n: groups[lo]!.n + groups[hi]!.n });
  }
  const strata = groups.map((g) => {
    const N = g.cells.reduce((s, c) => s + c.N, 0);
    return {
      key: `${state}|${g.cells.map((c) => c.sizeClass).join("+")}`,
      state,
      cells: g.cells,
      N,
      weight: N,
      n: g.n,
    };
  });
  const collapsed = strata.flatMap((s) =>
    s.cells.length === 1
      ? []
      : s.cells
          .filter((c) => small.has(c.sizeClass))
          .map((c) => ({
            state,
            sizeClass: c.sizeClass,
            into: s.cells.map((x) => x.sizeClass).filter((x) => x !== c.sizeClass),
          })),
  );
  return { strata, collapsed };
}

/** The strata of a filter's cells, or why no estimate is shown. `sizeClassLabel` names a size class in a reason. */
export function buildStrata(cells: readonly TCellCount[], sizeClassLabel: (id: TSizeClass) => string): TStrata {
  const inScope = cells.filter((c) => c.N > 0);
  const participants = inScope.reduce((s, c) => s + c.n, 0);
  const total = inScope.reduce((s, c) => s + c.N, 0);
  const states = [...new Set(inScope.map((c) => c.state))].sort((a, b) => STATE_ORDER.get(a)! - STATE_ORDER.get(b)!);
  const perState = states.map((state) => ({
    state,
    ...collapseState(
      state,
      inScope.filter((c) => c.state === state),
    ),
  }));
  const covered = perState.filter((s) => s.strata.every((h) => h.n >= MIN_STRATUM_PARTICIPANTS));
  const missingStates = perState.filter((s) => !covered.includes(s)).map((s) => s.state);
  const missingNames = joinNames(missingStates.map(getStateName));
  if (participants < MIN_PARTICIPANTS)
    return {
      ok: false,
      participants,
      total,
      missingStates,
      reason: `Eine Schätzung zeigen wir erst ab ${MIN_PARTICIPANTS} teilnehmenden Verwaltungen; hier sind es ${formatNumber(participants)}.`,
    };
  if (states.length > 1) {
    const coveredUnits = covered.reduce((s, c) => s + c.strata.reduce((n, h) => n + h.N, 0), 0);
    const needStates = Math.ceil(MIN_STATE_SHARE * states.length - 1e-9);
    if (covered.length < needStates || coveredUnits < MIN_FRAME_SHARE * total)
      return {
        ok: false,
        participants,
        total,
        missingStates,
        reason:
          `Eine Schätzung über mehrere Länder zeigen wir erst, wenn Verwaltungen aus mindestens zwei Dritteln dieser Länder teilnehmen (hier ${needStates} von ${states.length}) und diese Länder mindestens die Hälfte der Verwaltungen stellen. ` +
          `Teilnehmende gibt es aus ${covered.length} von ${states.length} Ländern mit ${formatNumber(coveredUnits)} von ${formatNumber(total)} Verwaltungen; ohne Teilnehmende: ${missingNames}.`,
      };
  }
  const strata = covered.flatMap((s) => s.strata);
  // States without participants: their units join the strata of the covered states holding their size class.
  for (const m of perState.filter((s) => !covered.includes(s)))
    for (const h of m.strata)
      for (const cell of h.cells) {
        const holders = strata.flatMap((s) =>
          s.cells.filter((c) => c.sizeClass === cell.sizeClass).map((c) => ({ s, N: c.N })),
        );
        const held = holders.reduce((sum, x) => sum + x.N, 0);
        if (held === 0)
          return {
            ok: false,
            participants,
            total,
            missingStates,
            reason: `Aus der Größenklasse „${sizeClassLabel(cell.sizeClass)}“ nimmt in keinem Land eine Verwaltung teil, das Verwaltungen dieser Größe hat; für sie lässt sich nichts schätzen. Ohne Teilnehmende: ${missingNames}.`,
          };
        for (const x of holders) x.s.weight += (cell.N * x.N) / held;
      }
  return {
    ok: true,
    strata,
    participants,
    total,
    collapsed: covered.flatMap((s) => s.collapsed),
    missingStates,
  };
}

/** An estimate with its 95 % confidence interval; `census`: every stratum took part completely (no interval). */
export type TEstimate = { value: number; low: number; high: number; census: boolean };

/** The sampling fraction of a stratum: its participants of the units it stands for. */
const fraction = (s: TStratum) => Math.min(1, s.n / s.weight);

const isCensus = (strata: readonly TStratum[]) => strata.every((s) => fraction(s) >= 1);

/** Degrees of freedom n − H (at least 1). */
export const degreesOfFreedom = (strata: readonly TStratum[]) =>
  Math.max(1, strata.reduce((sum, s) => sum + s.n, 0) - strata.length);

/** A share (0…1) from the number of participants per stratum who chose it. */
export function estimateShare(strata: readonly TStratum[], hits: (s: TStratum) => number): TEstimate {
  const W = strata.reduce((sum, s) => sum + s.weight, 0);
  const n = strata.reduce((sum, s) => sum + s.n, 0);
  let value = 0;
  let variance = 0;
  for (const s of strata) {
    if (s.n === 0) continue;
    const w = s.weight / W;
    const p = hits(s) / s.n;
    value += w * p;
    // n_h = 1: no spread can be seen, so the largest, p(1 − p) = ¼, stands in (never a silent zero).
    const perUnit = s.n === 1 ? 0.25 : (p * (1 - p)) / (s.n - 1);
    variance += w * w * (1 - fraction(s)) * perUnit;
  }
  value = Math.min(1, Math.max(0, value));
  if (isCensus(strata)) return { value, low: value, high: value, census: true };
  return { value, ...kornGraubard(value, variance, n, degreesOfFreedom(strata)), census: false };
}

/** The effective sample size of Korn and Graubard, adjusted for degrees of freedom and capped at n. */
export function effectiveSampleSize(p: number, variance: number, n: number, df: number): number {
  const raw = variance > 0 && p > 0 && p < 1 ? (p * (1 - p)) / variance : n;
  return Math.min(n, raw * (t975(Math.max(1, n - 1)) / t975(df)) ** 2);
}

/** Clopper–Pearson bounds for p̂ with the effective sample size: never of zero width, always inside 0…1. */
function kornGraubard(p: number, variance: number, n: number, df: number): { low: number; high: number } {
  const nEff = effectiveSampleSize(p, variance, n, df);
  const x = p * nEff;
  return {
    low: x <= 0 ? 0 : betaQuantile(0.025, x, nEff - x + 1),
    high: x >= nEff ? 1 : betaQuantile(0.975, x + 1, nEff - x),
  };
}

/** A mean (the index, 0…100) from each stratum's values. */
export function estimateMean(strata: readonly TStratum[], values: (s: TStratum) => readonly number[]): TEstimate {
  const W = strata.reduce((sum, s) => sum + s.weight, 0);
  const groups = strata.map((s) => ({ s, xs: values(s) })).filter((g) => g.xs.length > 0);
  const all = groups.flatMap((g) => g.xs);
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const s2 = (xs: readonly number[]) => {
    const m = mean(xs);
    return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
  };
  // n_h = 1: the pooled variance within the other strata stands in (a 0…100 scale's largest, 2,500, if none).
  const pooledDf = groups.reduce((a, g) => a + Math.max(0, g.xs.length - 1), 0);
  const pooled =
    pooledDf > 0
      ? groups.reduce((a, g) => a + (g.xs.length > 1 ? (g.xs.length - 1) * s2(g.xs) : 0), 0) / pooledDf
      : 2500;
  let value = 0;
  let variance = 0;
  for (const { s, xs } of groups) {
    const w = s.weight / W;
    value += w * mean(xs);
    variance += w * w * (1 - fraction({ ...s, n: xs.length })) * ((xs.length > 1 ? s2(xs) : pooled) / xs.length);
  }
  if (isCensus(strata)) return { value, low: value, high: value, census: true };
  // Never narrower than n participants drawn at random (as the cap of the effective sample size for shares).
  const floor = all.length > 1 ? s2(all) / all.length : 0;
  const df = degreesOfFreedom(strata);
  if (Math.max(variance, floor) === 0) {
    // No spread seen at all: a 0…100 score with mean ȳ varies at most as a share ȳ/100 does (Bhatia–Davis),
    // so the interval is that of the share ȳ/100 from n (never of zero width).
    const share = kornGraubard(value / 100, 0, all.length, df);
    return { value, low: share.low * 100, high: share.high * 100, census: false };
  }
  const half = t975(df) * Math.sqrt(Math.max(variance, floor));
  return { value, low: Math.max(0, value - half), high: Math.min(100, value + half), census: false };
}
