import { describe, expect, test } from "vitest";
import {
  K_MIN,
  aggregatePeers,
  bandAmongPeers,
  indexStats,
  matchesFilter,
  publishableCells,
  quantile,
  type TPeerCell,
  type TPeerFilter,
  type TPeerView,
} from "@/lib/peers/aggregate";
import { STATES, type TStateCode } from "@/lib/profile/states";
import { SIZE_CLASSES, type TSizeClass } from "@/lib/profile/size-class";

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

/** One municipality of the pool: its answers (questionId → chosen option ids) and index score. */
type TMember = { answers: Record<string, string[]>; score: number | null };

/** Builds a cell the way lib/peer-pool/peer-cells.ts does: count, option counts and scores from members. */
const RELEASED_AT = "2026-12-03T09:00:00.000Z";

function cellOf(state: TStateCode, sizeClass: TSizeClass, members: readonly TMember[]): TPeerCell {
  const optionCounts: Record<string, Record<string, number>> = {};
  const indexScores: number[] = [];
  for (const m of members) {
    if (m.score !== null) indexScores.push(m.score);
    for (const [qid, options] of Object.entries(m.answers)) {
      const q = (optionCounts[qid] ??= {});
      for (const oid of options) q[oid] = (q[oid] ?? 0) + 1;
    }
  }
  return { state, sizeClass, count: members.length, optionCounts, indexScores, releasedAt: RELEASED_AT };
}

/** A cell of n municipalities that all answered q1 = "yes" and have scores 10, 20, … */
function plainCell(state: TStateCode, sizeClass: TSizeClass, n: number): TPeerCell {
  return cellOf(
    state,
    sizeClass,
    Array.from({ length: n }, (_, i) => ({ answers: { q1: ["yes"] }, score: 10 * (i + 1) })),
  );
}

function members(n: number, answers: Record<string, string[]>, score: number | null = 50): TMember[] {
  return Array.from({ length: n }, () => ({ answers, score }));
}

function expectSuppressed(view: TPeerView) {
  expect(view.suppressed).toBe(true);
  expect(view.count).toBeNull();
  expect(view.questions).toEqual([]);
  expect(view.index).toBeNull();
}

function expectPublished(view: TPeerView, count: number) {
  expect(view.suppressed).toBe(false);
  expect(view.count).toBe(count);
}

const SN: TStateCode = "DE-SN";
const BY: TStateCode = "DE-BY";
const TH: TStateCode = "DE-TH";
const HE: TStateCode = "DE-HE";
const LT5: TSizeClass = "lt_5000";
const KS: TSizeClass = "5000_19999";
const MS: TSizeClass = "20000_99999";
const GS: TSizeClass = "gte_100000";

// ---------------------------------------------------------------------------------------------
// Suppression thresholds
// ---------------------------------------------------------------------------------------------

describe("aggregatePeers: suppression at k−1, k, k+1", () => {
  test("K_MIN is 5", () => {
    expect(K_MIN).toBe(5);
  });

  describe.each([
    { kWanted: undefined, k: 5 },
    { kWanted: 5, k: 5 },
    { kWanted: 7, k: 7 },
  ])("one cell, k requested $kWanted (effective $k)", ({ kWanted, k }) => {
    test.each([
      { n: k - 1, published: false },
      { n: k, published: true },
      { n: k + 1, published: true },
    ])("$n municipalities → published: $published", ({ n, published }) => {
      const cells = [plainCell(SN, LT5, n)];
      const filters: TPeerFilter[] = [{}, { state: SN }, { sizeClass: LT5 }, { state: SN, sizeClass: LT5 }];
      for (const filter of filters) {
        const view = kWanted === undefined ? aggregatePeers(cells, filter) : aggregatePeers(cells, filter, kWanted);
        expect(view.k).toBe(k);
        if (published) {
          expectPublished(view, n);
          expect(view.questions).toEqual([{ id: "q1", shares: { yes: 100 } }]);
          expect(view.index).not.toBeNull();
        } else {
          expectSuppressed(view);
        }
      }
    });
  });

  test.each([
    // two cells of one state, each below k, together ≥ k: must stay suppressed everywhere
    { k: 5, a: 4, b: 4 },
    { k: 5, a: 4, b: 1 },
    { k: 5, a: 3, b: 2 },
    { k: 7, a: 6, b: 6 },
    { k: 7, a: 5, b: 4 },
  ])("k=$k: two small cells of one state ($a + $b) stay suppressed although their sum ≥ k", ({ k, a, b }) => {
    const cells = [plainCell(SN, LT5, a), plainCell(SN, KS, b)];
    const filters: TPeerFilter[] = [
      {},
      { state: SN },
      { sizeClass: LT5 },
      { sizeClass: KS },
      { state: SN, sizeClass: LT5 },
      { state: SN, sizeClass: KS },
    ];
    for (const filter of filters) expectSuppressed(aggregatePeers(cells, filter, k));
  });

  test("a small cell next to a publishable one adds nothing to state, size class or Germany", () => {
    const cells = [plainCell(SN, LT5, 5), plainCell(SN, KS, 4), plainCell(BY, LT5, 3)];
    expectPublished(aggregatePeers(cells, {}), 5);
    expectPublished(aggregatePeers(cells, { state: SN }), 5);
    expectPublished(aggregatePeers(cells, { sizeClass: LT5 }), 5);
    expectSuppressed(aggregatePeers(cells, { sizeClass: KS }));
    expectSuppressed(aggregatePeers(cells, { state: BY }));
  });

  test("no cells at all → suppressed", () => {
    expectSuppressed(aggregatePeers([], {}));
  });

  test.each([
    { kWanted: 4, k: 5 },
    { kWanted: 1, k: 5 },
    { kWanted: 0, k: 5 },
    { kWanted: -3, k: 5 },
  ])("k=$kWanted requested behaves as k=5", ({ kWanted, k }) => {
    const four = [plainCell(SN, LT5, 4)];
    const five = [plainCell(SN, LT5, 5)];
    const v4 = aggregatePeers(four, {}, kWanted);
    expect(v4.k).toBe(k);
    expectSuppressed(v4);
    // identical to the default
    expect(v4).toEqual(aggregatePeers(four, {}));
    const v5 = aggregatePeers(five, {}, kWanted);
    expect(v5.k).toBe(k);
    expectPublished(v5, 5);
    expect(v5).toEqual(aggregatePeers(five, {}));
  });

  test("k=7 is honoured: cells of 5 and 6 count nowhere, a cell of 7 does", () => {
    const cells = [plainCell(SN, LT5, 5), plainCell(SN, KS, 6), plainCell(BY, LT5, 7)];
    expectPublished(aggregatePeers(cells, {}, 7), 7);
    expectSuppressed(aggregatePeers(cells, { state: SN }, 7));
    expectPublished(aggregatePeers(cells, { sizeClass: LT5 }, 7), 7);
    expectPublished(aggregatePeers(cells, { state: BY }, 7), 7);
    // with the default k the same pool publishes 18 nationwide
    expectPublished(aggregatePeers(cells, {}), 18);
  });
});

// ---------------------------------------------------------------------------------------------
// Shares
// ---------------------------------------------------------------------------------------------

describe("aggregatePeers: shares = option count / municipality count × 100, one decimal", () => {
  test.each([
    { n: 6, chose: 4, share: 66.7 },
    { n: 6, chose: 1, share: 16.7 },
    { n: 6, chose: 2, share: 33.3 },
    { n: 6, chose: 3, share: 50 },
    { n: 6, chose: 6, share: 100 },
    { n: 7, chose: 1, share: 14.3 },
    { n: 8, chose: 1, share: 12.5 },
    { n: 9, chose: 2, share: 22.2 },
    { n: 9, chose: 8, share: 88.9 },
  ])("$chose of $n → $share", ({ n, chose, share }) => {
    const cell = cellOf(SN, LT5, [...members(chose, { q: ["a"] }), ...members(n - chose, { q: ["b"] })]);
    const view = aggregatePeers([cell], {});
    const shares = view.questions.find((q) => q.id === "q")?.shares;
    expect(shares?.a).toBe(share);
    if (n - chose > 0) expect(shares?.b).toBeCloseTo(Math.round(((n - chose) / n) * 1000) / 10, 10);
  });

  // BUG (reported): round1 = Math.round(x * 10) / 10 on the binary float n / count × 100. 23 / 80 × 100
  // is 28.749999999999996 in IEEE 754, so an exact 28.75 % is shown as 28.7 (half-up and half-even
  // both give 28.8). Math.round(n * 1000 / count) / 10 would be exact.
  test.each([
    { n: 80, chose: 23, share: 28.8 }, // 28.75
    { n: 80, chose: 51, share: 63.8 }, // 63.75
    { n: 160, chose: 46, share: 28.8 }, // 28.75
  ])("exact half: $chose of $n → $share (decimal rounding, not binary float artefact)", ({ n, chose, share }) => {
    const cell = cellOf(SN, LT5, [...members(chose, { q: ["a"] }), ...members(n - chose, { q: ["b"] })]);
    expect(aggregatePeers([cell], {}).questions[0]?.shares.a).toBe(share);
  });

  test("2 of 3 → 66.7 (k=5 needs a whole cell ≥ 5: pool of 3 publishable cells with 2/3 of each)", () => {
    // 6 + 9 + 12 = 27 municipalities, 18 chose "a": exactly 2 of 3
    const cells = [
      cellOf(SN, LT5, [...members(4, { q: ["a"] }), ...members(2, { q: ["b"] })]),
      cellOf(SN, KS, [...members(6, { q: ["a"] }), ...members(3, { q: ["b"] })]),
      cellOf(BY, LT5, [...members(8, { q: ["a"] }), ...members(4, { q: ["b"] })]),
    ];
    const view = aggregatePeers(cells, {});
    expect(view.count).toBe(27);
    expect(view.questions).toEqual([{ id: "q", shares: { a: 66.7, b: 33.3 } }]);
  });

  test("summed across cells, small cells excluded from numerator and denominator", () => {
    const cells = [
      // 5 municipalities, 2 chose yes
      cellOf(SN, LT5, [...members(2, { q1: ["yes"] }), ...members(3, { q1: ["no"] })]),
      // 7 municipalities, 5 chose yes
      cellOf(SN, KS, [...members(5, { q1: ["yes"] }), ...members(2, { q1: ["no"] })]),
      // small cell: 4 all "yes", must not count
      cellOf(SN, MS, members(4, { q1: ["yes"] })),
    ];
    const view = aggregatePeers(cells, { state: SN });
    expect(view.count).toBe(12);
    // 7/12 = 58.3, 5/12 = 41.7
    expect(view.questions).toEqual([{ id: "q1", shares: { yes: 58.3, no: 41.7 } }]);
  });

  test("multi-choice: shares relative to municipalities (may sum over 100); options and questions only in one cell", () => {
    const cells = [
      cellOf(SN, LT5, [...members(3, { m: ["x", "y"] }), ...members(2, { m: ["x"] })]),
      cellOf(BY, LT5, [...members(5, { m: ["z"], only_by: ["o"] })]),
    ];
    const view = aggregatePeers(cells, {});
    expect(view.count).toBe(10);
    const byId = Object.fromEntries(view.questions.map((q) => [q.id, q.shares]));
    expect(byId).toEqual({ m: { x: 50, y: 30, z: 50 }, only_by: { o: 50 } });
  });

  test("a municipality that did not answer a question still counts in the denominator", () => {
    const cell = cellOf(SN, LT5, [...members(3, { q: ["a"] }), ...members(3, {})]);
    expect(aggregatePeers([cell], {}).questions).toEqual([{ id: "q", shares: { a: 50 } }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Filters
// ---------------------------------------------------------------------------------------------

describe("filters pick the right cells", () => {
  const cells = [
    plainCell(SN, LT5, 5),
    plainCell(SN, KS, 6),
    plainCell(BY, LT5, 7),
    plainCell(BY, GS, 2), // small
    plainCell(TH, LT5, 3), // small
    plainCell(TH, MS, 9),
  ];

  test.each<{ filter: TPeerFilter; count: number | null }>([
    { filter: {}, count: 27 },
    { filter: { state: SN }, count: 11 },
    { filter: { state: BY }, count: 7 },
    { filter: { state: TH }, count: 9 },
    { filter: { state: HE }, count: null },
    { filter: { sizeClass: LT5 }, count: 12 },
    { filter: { sizeClass: KS }, count: 6 },
    { filter: { sizeClass: MS }, count: 9 },
    { filter: { sizeClass: GS }, count: null },
    { filter: { state: SN, sizeClass: LT5 }, count: 5 },
    { filter: { state: SN, sizeClass: KS }, count: 6 },
    { filter: { state: BY, sizeClass: LT5 }, count: 7 },
    { filter: { state: BY, sizeClass: GS }, count: null },
    { filter: { state: TH, sizeClass: LT5 }, count: null },
    { filter: { state: TH, sizeClass: MS }, count: 9 },
    { filter: { state: HE, sizeClass: LT5 }, count: null },
  ])("$filter → $count", ({ filter, count }) => {
    const view = aggregatePeers(cells, filter);
    expect(view.filters).toEqual({ state: filter.state ?? null, sizeClass: filter.sizeClass ?? null });
    if (count === null) expectSuppressed(view);
    else expectPublished(view, count);
  });

  test.each<{ filter: TPeerFilter; state: TStateCode; sizeClass: TSizeClass; match: boolean }>([
    { filter: {}, state: SN, sizeClass: LT5, match: true },
    { filter: { state: SN }, state: SN, sizeClass: GS, match: true },
    { filter: { state: SN }, state: BY, sizeClass: LT5, match: false },
    { filter: { sizeClass: LT5 }, state: BY, sizeClass: LT5, match: true },
    { filter: { sizeClass: LT5 }, state: BY, sizeClass: KS, match: false },
    { filter: { state: SN, sizeClass: LT5 }, state: SN, sizeClass: LT5, match: true },
    { filter: { state: SN, sizeClass: LT5 }, state: SN, sizeClass: KS, match: false },
    { filter: { state: SN, sizeClass: LT5 }, state: BY, sizeClass: LT5, match: false },
  ])("matchesFilter($filter, $state/$sizeClass) = $match", ({ filter, state, sizeClass, match }) => {
    expect(matchesFilter({ state, sizeClass }, filter)).toBe(match);
  });

  test.each([
    { k: 5, counts: [5, 6, 7, 9] },
    { k: 7, counts: [7, 9] },
    { k: 10, counts: [] },
  ])("publishableCells(k=$k) keeps exactly the cells with ≥ k", ({ k, counts }) => {
    expect(publishableCells(cells, k).map((c) => c.count)).toEqual(counts);
  });
});

// ---------------------------------------------------------------------------------------------
// The differencing rule as a property
// ---------------------------------------------------------------------------------------------

/** mulberry32: tiny seeded PRNG, deterministic across runs. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const sample = <T>(xs: readonly T[], n: number): T[] => {
    const copy = [...xs];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(0, i);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  };
  return { next, int, pick, sample };
}

type TWorld = {
  seed: number;
  kWanted: number;
  k: number;
  /** Cells with their members (so single municipalities can be removed). */
  pool: { state: TStateCode; sizeClass: TSizeClass; members: TMember[] }[];
};

const STATE_CODES = STATES.map((s) => s.code);
const SIZE_IDS = SIZE_CLASSES.map((s) => s.id);

function randomWorld(seed: number): TWorld {
  const r = prng(seed);
  const kWanted = r.pick([3, 4, 5, 5, 5, 6, 7, 8]);
  const k = Math.max(K_MIN, kWanted);
  const states = r.sample(STATE_CODES, r.int(1, 4));
  const pool: TWorld["pool"] = [];
  for (const state of states) {
    for (const sizeClass of r.sample(SIZE_IDS, r.int(1, 4))) {
      // Bias towards the interesting region around k: many cells just below or just above it.
      const n = r.pick([0, 1, r.int(1, k - 1), r.int(1, k - 1), k - 1, k, k + 1, r.int(k, 3 * k)]);
      const ms: TMember[] = Array.from({ length: n }, () => ({
        answers: {
          single: [r.pick(["a", "b", "c"])],
          multi: r.sample(["x", "y", "z"], r.int(0, 3)),
        },
        score: r.next() < 0.1 ? r.pick([0, 50, 100]) : Math.round(r.next() * 1000) / 10,
      }));
      pool.push({ state, sizeClass, members: ms });
    }
  }
  return { seed, kWanted, k, pool };
}

const cellsOf = (pool: TWorld["pool"]) => pool.map((c) => cellOf(c.state, c.sizeClass, c.members));

type TNamedFilter = { name: string; filter: TPeerFilter };

/** Every filter the product offers for the states and size classes that occur (plus one empty state). */
function allFilters(world: TWorld): TNamedFilter[] {
  const states = [...new Set([...world.pool.map((c) => c.state), HE])];
  const out: TNamedFilter[] = [{ name: "all", filter: {} }];
  for (const s of states) out.push({ name: s, filter: { state: s } });
  for (const c of SIZE_IDS) out.push({ name: c, filter: { sizeClass: c } });
  for (const s of states) for (const c of SIZE_IDS) out.push({ name: `${s}+${c}`, filter: { state: s, sizeClass: c } });
  return out;
}

/** A ⊂ B: every cell matching A matches B (all ⊃ state ⊃ state+size, all ⊃ size ⊃ state+size). */
function isSubFilter(a: TPeerFilter, b: TPeerFilter): boolean {
  if (b.state && a.state !== b.state) return false;
  if (b.sizeClass && a.sizeClass !== b.sizeClass) return false;
  return (a.state ? 1 : 0) + (a.sizeClass ? 1 : 0) > (b.state ? 1 : 0) + (b.sizeClass ? 1 : 0);
}

const SEEDS = Array.from({ length: 400 }, (_, i) => 1000 + i * 7919);

describe("the differencing rule (property, seeded)", () => {
  test("generated worlds contain small cells, publishable cells and suppressed as well as published views", () => {
    let small = 0;
    let big = 0;
    let published = 0;
    let suppressed = 0;
    for (const seed of SEEDS) {
      const w = randomWorld(seed);
      small += w.pool.filter((c) => c.members.length > 0 && c.members.length < w.k).length;
      big += w.pool.filter((c) => c.members.length >= w.k).length;
      const cells = cellsOf(w.pool);
      for (const f of allFilters(w)) {
        if (aggregatePeers(cells, f.filter, w.kWanted).suppressed) suppressed++;
        else published++;
      }
    }
    expect(small).toBeGreaterThan(200);
    expect(big).toBeGreaterThan(200);
    expect(published).toBeGreaterThan(500);
    expect(suppressed).toBeGreaterThan(500);
  });

  test.each(SEEDS.map((seed) => ({ seed })))("seed $seed", ({ seed }) => {
    const world = randomWorld(seed);
    const { k, kWanted } = world;
    const cells = cellsOf(world.pool);
    const filters = allFilters(world);
    const views = new Map(filters.map((f) => [f.name, aggregatePeers(cells, f.filter, kWanted)]));
    const viewOf = (f: TNamedFilter) => views.get(f.name)!;

    // (1) Published count = sum over its publishable cells (computed here independently); suppressed
    //     exactly when that sum is < k. Shares and index match a recomputation from the members.
    for (const f of filters) {
      const view = viewOf(f);
      expect(view.k).toBe(k);
      const mine = world.pool.filter((c) => c.members.length >= k && matchesFilter(c, f.filter));
      const sum = mine.reduce((n, c) => n + c.members.length, 0);
      if (sum < k) {
        expectSuppressed(view);
        continue;
      }
      expectPublished(view, sum);
      const ms = mine.flatMap((c) => c.members);
      for (const q of view.questions) {
        for (const [oid, share] of Object.entries(q.shares)) {
          const n = ms.filter((m) => m.answers[q.id]?.includes(oid)).length;
          expect(share, `${f.name} ${q.id}.${oid}`).toBe(Math.round((n / sum) * 1000) / 10);
        }
      }
      expect(view.index).toEqual(
        indexStats(
          ms.flatMap((m) => (m.score === null ? [] : [m.score])),
          k,
        ),
      );
    }

    // (2) Nested pairs A ⊂ B, both published: count(B) − count(A) is 0 or ≥ k.
    const smallCells = world.pool.filter((c) => c.members.length > 0 && c.members.length < k);
    for (const a of filters) {
      for (const b of filters) {
        if (!isSubFilter(a.filter, b.filter)) continue;
        const va = viewOf(a);
        const vb = viewOf(b);
        if (va.suppressed || vb.suppressed) continue;
        const diff = vb.count! - va.count!;
        expect(diff === 0 || diff >= k, `${b.name} − ${a.name} = ${diff} (k=${k})`).toBe(true);
        // ... and never exactly the size of a small cell that lies in B \ A.
        for (const s of smallCells) {
          if (matchesFilter(s, b.filter) && !matchesFilter(s, a.filter)) {
            expect(diff, `${b.name} − ${a.name} isolates ${s.state}/${s.sizeClass}`).not.toBe(s.members.length);
          }
        }
      }
    }

    // (3) Every single municipality of a small cell: with and without it, every view is identical,
    //     so no pair of published views (before/after, or across filters) differs by its contribution.
    for (const s of smallCells) {
      for (let i = 0; i < s.members.length; i++) {
        const without = world.pool.map((c) => (c === s ? { ...c, members: c.members.filter((_, j) => j !== i) } : c));
        const cellsWithout = cellsOf(without);
        for (const f of filters) {
          expect(
            aggregatePeers(cellsWithout, f.filter, kWanted),
            `${f.name} without member ${i} of ${s.state}/${s.sizeClass}`,
          ).toEqual(viewOf(f));
        }
        // A whole small cell removed changes nothing either.
      }
      const withoutCell = cellsOf(world.pool.filter((c) => c !== s));
      for (const f of filters) expect(aggregatePeers(withoutCell, f.filter, kWanted)).toEqual(viewOf(f));
    }

    // (4) Sums over a partition: "all" equals the sum of the published states and of the published
    //     size classes (no small remainder hides in Germany as a whole).
    const all = viewOf(filters[0]!);
    const sumOf = (fs: TNamedFilter[]) => fs.reduce((n, f) => n + (viewOf(f).count ?? 0), 0);
    const stateFilters = filters.filter((f) => f.filter.state && !f.filter.sizeClass);
    const sizeFilters = filters.filter((f) => !f.filter.state && f.filter.sizeClass);
    expect(sumOf(stateFilters)).toBe(all.count ?? 0);
    expect(sumOf(sizeFilters)).toBe(all.count ?? 0);
  });
});

// ---------------------------------------------------------------------------------------------
// Index statistics
// ---------------------------------------------------------------------------------------------

describe("quantile (type 7) and indexStats", () => {
  test.each([
    { xs: [10, 20, 30, 40, 50], p: 0, q: 10 },
    { xs: [10, 20, 30, 40, 50], p: 1, q: 50 },
    { xs: [10, 20, 30, 40, 50], p: 0.5, q: 30 },
    { xs: [10, 20, 30, 40, 50], p: 0.25, q: 20 },
    { xs: [10, 20, 30, 40, 50], p: 0.75, q: 40 },
    { xs: [10, 20, 30, 40, 50, 60], p: 0, q: 10 },
    { xs: [10, 20, 30, 40, 50, 60], p: 1, q: 60 },
    { xs: [10, 20, 30, 40, 50, 60], p: 0.25, q: 22.5 },
    { xs: [10, 20, 30, 40, 50, 60], p: 0.5, q: 35 },
    { xs: [10, 20, 30, 40, 50, 60], p: 0.75, q: 47.5 },
    { xs: [42], p: 0, q: 42 },
    { xs: [42], p: 0.5, q: 42 },
    { xs: [42], p: 1, q: 42 },
    { xs: [0, 100], p: 0.3, q: 30 },
  ])("quantile($xs, $p) = $q", ({ xs, p, q }) => {
    expect(quantile(xs, p)).toBeCloseTo(q, 10);
  });

  // Whole points; median and quartiles only from 2k scores (docs/adr/0005: in a group of k, three of them
  // would be members' exact scores), the mean from k.
  test.each([
    { scores: [10, 20, 30, 40, 50], k: 5, stats: { mean: 30, median: null, p25: null, p75: null } },
    { scores: [1, 2, 3, 4, 5, 6, 7, 8, 9], k: 5, stats: { mean: 5, median: null, p25: null, p75: null } },
    // 10 values, pos 2.25 / 4.5 / 6.75 → 32.5 / 55 / 77.5 → 33 / 55 / 78 (a half rounds up)
    {
      scores: [100, 10, 20, 30, 40, 50, 60, 70, 80, 90],
      k: 5,
      stats: { mean: 55, median: 55, p25: 33, p75: 78 },
    },
    // 6 values at k = 3: p25 2.25 → 2, median 3.5 → 4, p75 4.75 → 5, mean 3.5 → 4
    { scores: [1, 2, 3, 4, 5, 6], k: 3, stats: { mean: 4, median: 4, p25: 2, p75: 5 } },
    // uneven gaps at k = 3: p25 11.25 → 11; median 27.5 → 28; p75 62.5 → 63; mean 39.17 → 39
    { scores: [0, 10, 15, 40, 70, 100], k: 3, stats: { mean: 39, median: 28, p25: 11, p75: 63 } },
    { scores: [33.3, 33.3, 33.3, 33.3, 33.3, 33.3], k: 3, stats: { mean: 33, median: 33, p25: 33, p75: 33 } },
    { scores: [7, 7], k: 1, stats: { mean: 7, median: 7, p25: 7, p75: 7 } },
  ])("indexStats($scores, k = $k)", ({ scores, k, stats }) => {
    expect(indexStats(scores, k)).toEqual(stats);
  });

  test("indexStats of an empty list, or of fewer than k scores, is null", () => {
    expect(indexStats([], 5)).toBeNull();
    expect(indexStats([1, 2, 3, 4], 5)).toBeNull();
  });

  test("indexStats does not reorder its input", () => {
    const xs = [3, 1, 2];
    indexStats(xs, 1);
    expect(xs).toEqual([3, 1, 2]);
  });

  test("a published view's index uses only publishable cells; quartiles only from 2k scores", () => {
    const cells = [
      cellOf(
        SN,
        LT5,
        [10, 20, 30, 40, 50].map((score) => ({ answers: {}, score })),
      ),
      cellOf(
        SN,
        KS,
        [100, 100, 100].map((score) => ({ answers: {}, score })),
      ), // small
    ];
    expect(aggregatePeers(cells, { state: SN }).index).toEqual({ mean: 30, median: null, p25: null, p75: null });
    const larger = [
      ...cells,
      cellOf(
        SN,
        "20000_99999",
        [60, 70, 80, 90, 100].map((score) => ({ answers: {}, score })),
      ),
    ];
    expect(aggregatePeers(larger, { state: SN }).index).toEqual({ mean: 55, median: 55, p25: 33, p75: 78 });
  });
});

// ---------------------------------------------------------------------------------------------
// Own position
// ---------------------------------------------------------------------------------------------

describe("bandAmongPeers: the own score against the published quartiles, nothing finer", () => {
  const stats = { mean: 50, median: 50, p25: 30, p75: 70 };
  test.each([
    { own: 0, band: "lower_quarter" },
    { own: 29.9, band: "lower_quarter" },
    { own: 30, band: "second_quarter" },
    { own: 49.9, band: "second_quarter" },
    { own: 50, band: "third_quarter" },
    { own: 69.9, band: "third_quarter" },
    { own: 70, band: "upper_quarter" },
    { own: 100, band: "upper_quarter" },
  ])("own $own → $band", ({ own, band }) => {
    expect(bandAmongPeers(stats, own)).toBe(band);
  });

  test("no band without quartiles (fewer than 2k scores) or without a view", () => {
    expect(bandAmongPeers({ mean: 50, median: null, p25: null, p75: null }, 40)).toBeNull();
    expect(bandAmongPeers(null, 40)).toBeNull();
  });

  test("the band depends on the published quartiles only: any scores behind the same quartiles give the same band", () => {
    const a = aggregatePeers([plainCell(SN, LT5, 10)], {}).index;
    const shifted = cellOf(
      SN,
      LT5,
      [12, 18, 30, 40, 50, 60, 70, 80, 90, 100].map((score) => ({ answers: {}, score })),
    );
    const b = aggregatePeers([shifted], {}).index;
    expect(a).toEqual(b);
    for (let own = 0; own <= 100; own += 0.5) expect(bandAmongPeers(b, own)).toBe(bandAmongPeers(a, own));
  });
});
