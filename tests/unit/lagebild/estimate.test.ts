import { describe, expect, test } from "vitest";
import {
  buildStrata,
  estimateMean,
  estimateShare,
  MIN_PARTICIPANTS,
  type TCellCount,
  type TStratum,
} from "../../../lib/lagebild/estimate";

// Pinned values: computed with an independent implementation of docs/adr/0011 in Python with SciPy
// (scipy.stats.beta.ppf, t.ppf): tests/unit/lagebild/independent-estimate.py prints them.
const label = (id: string) => ({ lt_5000: "unter 5.000", "5000_19999": "5.000 bis 19.999" })[id] ?? id;

function strataOf(cells: TCellCount[]): TStratum[] {
  const s = buildStrata(cells, label);
  if (!s.ok) throw new Error(s.reason);
  return s.strata;
}

/** A stratum of its own, for the interval formulas alone. */
const stratum = (key: string, N: number, n: number): TStratum => ({
  key,
  state: "DE-HE",
  cells: [{ sizeClass: "lt_5000", N }],
  N,
  weight: N,
  n,
});

describe("strata (docs/adr/0011)", () => {
  test("a small cell collapses into the neighbouring size class of its own state, never across states", () => {
    // Schleswig-Holstein's frame: 21 / 116 / 29 / 2 units. Under 5.000 has no participant: into 5.000–19.999
    // (its only neighbour); 100.000 and more (2 units, never publishable): into 20.000–99.999, which has 10.
    const cells: TCellCount[] = [
      { state: "DE-SH", sizeClass: "lt_5000", N: 21, n: 0 },
      { state: "DE-SH", sizeClass: "5000_19999", N: 116, n: 20 },
      { state: "DE-SH", sizeClass: "20000_99999", N: 29, n: 10 },
      { state: "DE-SH", sizeClass: "gte_100000", N: 2, n: 0 },
    ];
    const s = buildStrata(cells, label);
    if (!s.ok) throw new Error(s.reason);
    expect(s.strata.map((h) => [h.key, h.N, h.n])).toEqual([
      ["DE-SH|lt_5000+5000_19999", 137, 20],
      ["DE-SH|20000_99999+gte_100000", 31, 10],
    ]);
    expect(s.collapsed).toEqual([
      { state: "DE-SH", sizeClass: "lt_5000", into: ["5000_19999"] },
      { state: "DE-SH", sizeClass: "gte_100000", into: ["20000_99999"] },
    ]);
    expect(s.missingStates).toEqual([]);
    // 5 of 20 and 7 of 10: p̂ = 137/168 · 0.25 + 31/168 · 0.7 = 0.333036;
    // V̂ = (137/168)²(1 − 20/137)·0.25·0.75/19 + (31/168)²(1 − 10/31)·0.21/9 = 0.0061427;
    // n_eff = 0.2222/0.0061427 = 36.2, capped at n = 30; Clopper–Pearson for 9.99 of 30.
    const hits: Record<string, number> = { "DE-SH|lt_5000+5000_19999": 5, "DE-SH|20000_99999+gte_100000": 7 };
    const e = estimateShare(s.strata, (h) => hits[h.key]!);
    expect(e.value).toBeCloseTo(0.3330357142857143, 12);
    expect(e.low).toBeCloseTo(0.17264221701505905, 8);
    expect(e.high).toBeCloseTo(0.5278188362167481, 8);
    expect(e.census).toBe(false);
  });

  test("a state whose cells all have participants keeps one stratum per size class", () => {
    const strata = strataOf([
      { state: "DE-NW", sizeClass: "lt_5000", N: 4, n: 0 },
      { state: "DE-NW", sizeClass: "5000_19999", N: 178, n: 15 },
      { state: "DE-NW", sizeClass: "20000_99999", N: 184, n: 10 },
      { state: "DE-NW", sizeClass: "gte_100000", N: 30, n: 5 },
    ]);
    // North Rhine-Westphalia's 4 small units join 5.000–19.999; the other size classes stay.
    expect(strata.map((h) => h.key)).toEqual(["DE-NW|lt_5000+5000_19999", "DE-NW|20000_99999", "DE-NW|gte_100000"]);
  });
});

describe("coverage of a filter of several states", () => {
  test("participants from one state give no estimate for several; the reason names the missing states", () => {
    const s = buildStrata(
      [
        { state: "DE-HE", sizeClass: "lt_5000", N: 122, n: 30 },
        { state: "DE-HE", sizeClass: "5000_19999", N: 240, n: 0 },
        { state: "DE-SL", sizeClass: "5000_19999", N: 42, n: 0 },
        { state: "DE-BE", sizeClass: "gte_100000", N: 1, n: 0 },
      ],
      label,
    );
    expect(s.ok).toBe(false);
    if (s.ok) return;
    expect(s.missingStates).toEqual(["DE-SL", "DE-BE"]);
    expect(s.reason).toContain("aus 1 von 3 Ländern");
    expect(s.reason).toContain("ohne Teilnehmende: Saarland und Berlin.");
  });

  test("with enough states, a state without participants is carried by its size classes elsewhere", () => {
    // Three states; C has no participants. Covered: 2 of 3 states (≥ two thirds), 270 of 350 units (≥ half).
    // C's 60 small units go to A and B in proportion 100 : 80, its 20 larger ones 50 : 40.
    const s = buildStrata(
      [
        { state: "DE-HE", sizeClass: "lt_5000", N: 100, n: 20 },
        { state: "DE-HE", sizeClass: "5000_19999", N: 50, n: 10 },
        { state: "DE-SN", sizeClass: "lt_5000", N: 80, n: 15 },
        { state: "DE-SN", sizeClass: "5000_19999", N: 40, n: 5 },
        { state: "DE-TH", sizeClass: "lt_5000", N: 60, n: 0 },
        { state: "DE-TH", sizeClass: "5000_19999", N: 20, n: 0 },
      ],
      label,
    );
    if (!s.ok) throw new Error(s.reason);
    expect(s.missingStates).toEqual(["DE-TH"]);
    expect(s.strata.map((h) => h.weight)).toEqual([
      expect.closeTo(133.333333, 5),
      expect.closeTo(61.111111, 5),
      expect.closeTo(106.666667, 5),
      expect.closeTo(48.888889, 5),
    ]);
    const hits = [4, 6, 3, 5];
    const e = estimateShare(s.strata, (h) => hits[s.strata.indexOf(h)]!);
    expect(e.value).toBeCloseTo(0.3815873015873016, 12);
    expect(e.low).toBeCloseTo(0.2478876780190621, 8);
    expect(e.high).toBeCloseTo(0.5298427919285962, 8);
  });

  test("below 30 participants no estimate, with the reason", () => {
    const few = buildStrata([{ state: "DE-SN", sizeClass: "lt_5000", N: 300, n: MIN_PARTICIPANTS - 1 }], label);
    expect(few).toMatchObject({ ok: false, participants: 29 });
    expect(!few.ok && few.reason).toContain("ab 30 teilnehmenden Verwaltungen");
  });
});

describe("intervals: never of zero width, always inside 0–100 %", () => {
  test("strata at 0 % and 100 %: the interval comes from n, not from a zero variance", () => {
    // p̂ = 0.25, V̂ = 0 → n_eff = n = 30, times (t_29 / t_28)² = 29.907; Clopper–Pearson for 7.48 of 29.9.
    const strata = [stratum("a", 300, 15), stratum("b", 100, 15)];
    const e = estimateShare(strata, (s) => (s.key === "a" ? 0 : 15));
    expect(e.value).toBeCloseTo(0.25, 12);
    expect(e.low).toBeCloseTo(0.11074168374308373, 8);
    expect(e.high).toBeCloseTo(0.4413364845963797, 8);
  });

  test("a share of 0 % everywhere still has an upper bound above 0", () => {
    const e = estimateShare([stratum("a", 300, 15), stratum("b", 100, 15)], () => 0);
    expect(e).toEqual({ value: 0, low: 0, high: expect.closeTo(0.11604137215813627, 8), census: false });
    const all = estimateShare([stratum("a", 300, 15), stratum("b", 100, 15)], (s) => s.n);
    expect(all.value).toBe(1);
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(1 - 0.11604137215813627, 8);
  });

  test("a stratum of one participant adds the largest variance, p(1 − p) = ¼, not zero", () => {
    // W = 0.2 / 0.8: p̂ = 0.2·1 + 0.8·0.25 = 0.4; V̂ = 0.04·(1 − 1/50)·0.25 + 0.64·(1 − 40/200)·0.1875/39.
    const e = estimateShare([stratum("one", 50, 1), stratum("many", 200, 40)], (s) => (s.n === 1 ? 1 : 10));
    expect(e.value).toBeCloseTo(0.4, 12);
    expect(e.low).toBeCloseTo(0.18902735116635525, 8);
    expect(e.high).toBeCloseTo(0.6423220776813707, 8);
  });

  test("a full census has no random error and no interval", () => {
    const strata = strataOf([
      { state: "DE-SN", sizeClass: "lt_5000", N: 20, n: 20 },
      { state: "DE-SN", sizeClass: "5000_19999", N: 20, n: 20 },
    ]);
    const e = estimateShare(strata, (s) => (s.cells[0]!.sizeClass === "lt_5000" ? 5 : 15));
    expect(e).toEqual({ value: 0.5, low: 0.5, high: 0.5, census: true });
    expect(estimateMean(strata, () => [10, 20])).toMatchObject({ value: 15, census: true });
  });

  test("a mean is weighted like a share, with t on n − H degrees of freedom", () => {
    const tenEach = (a: number, b: number) => [...Array<number>(10).fill(a), ...Array<number>(10).fill(b)];
    const strata = [stratum("small", 300, 20), stratum("large", 100, 20)];
    // ȳ = 0.75·50 + 0.25·80 = 57.5; V̂ = 3.0263 is below the floor s²/n = 8.3333 of all 40 scores:
    // 57.5 ± t_38 · √8.3333.
    const m = estimateMean(strata, (s) => (s.key === "small" ? tenEach(40, 60) : tenEach(70, 90)));
    expect(m.value).toBeCloseTo(57.5, 10);
    expect(m.low).toBeCloseTo(51.65607742259758, 8);
    expect(m.high).toBeCloseTo(63.34392257740242, 8);
    // One score alone in a stratum takes the pooled variance of the others (105.26).
    const one = estimateMean([stratum("small", 300, 20), stratum("large", 100, 1)], (s) =>
      s.key === "small" ? tenEach(40, 60) : [75],
    );
    expect(one.value).toBeCloseTo(56.25, 10);
    expect(one.low).toBeCloseTo(49.875267257311144, 8);
    expect(one.high).toBeCloseTo(62.624732742688856, 8);
  });

  test("a mean without any spread still has an interval: that of the share ȳ/100 from n", () => {
    const m = estimateMean([stratum("a", 300, 15), stratum("b", 100, 15)], (s) => Array<number>(s.n).fill(42));
    expect(m.value).toBeCloseTo(42, 10);
    expect(m.low).toBeCloseTo(24.303477388493576, 6);
    expect(m.high).toBeCloseTo(61.34230473129592, 6);
  });
});
