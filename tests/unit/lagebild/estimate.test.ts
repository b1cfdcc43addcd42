import { describe, expect, test } from "vitest";
import {
  buildStrata,
  estimateMean,
  estimateShare,
  MIN_PARTICIPANTS,
  type TCellCount,
} from "../../../lib/lagebild/estimate";

const label = (id: string) => ({ lt_5000: "unter 5.000", "5000_19999": "5.000 bis 19.999" })[id] ?? id;

describe("the Lagebild estimate (docs/adr/0011)", () => {
  test("post-stratified share with finite-population correction, against a hand-computed example", () => {
    // A: N 100, n 10, 4 chose it (0.4); B: N 300, n 20, 15 chose it (0.75). W = 0.25 / 0.75.
    // p̂ = 0.25·0.4 + 0.75·0.75 = 0.6625
    // V̂ = 0.0625·0.9·0.24/9 + 0.5625·(1 − 20/300)·0.1875/19 = 0.0015 + 0.00518092 = 0.00668092
    // half-width = 1.96·√0.00668092 = 0.160205
    const cells: TCellCount[] = [
      { state: "DE-SN", sizeClass: "lt_5000", N: 100, n: 10 },
      { state: "DE-SN", sizeClass: "5000_19999", N: 300, n: 20 },
    ];
    const strata = buildStrata(cells, label);
    expect(strata.ok).toBe(true);
    if (!strata.ok) return;
    expect(strata.strata.map((s) => s.key)).toEqual(["DE-SN|lt_5000", "DE-SN|5000_19999"]);
    const hits = { "DE-SN|lt_5000": 4, "DE-SN|5000_19999": 15 } as Record<string, number>;
    const e = estimateShare(strata.strata, (s) => hits[s.key]!);
    expect(e.value).toBeCloseTo(0.6625, 10);
    expect(e.halfWidth).toBeCloseTo(0.160205, 5);
    expect(e.low).toBeCloseTo(0.502295, 5);
    expect(e.high).toBeCloseTo(0.822705, 5);
  });

  test("a size class whose cells do not all have participants is merged into one stratum", () => {
    // lt_5000: Saxony 20 of 200, Bavaria none of 600 → one stratum of 800 with 20; 5000_19999 stays per state.
    const cells: TCellCount[] = [
      { state: "DE-SN", sizeClass: "lt_5000", N: 200, n: 20 },
      { state: "DE-BY", sizeClass: "lt_5000", N: 600, n: 0 },
      { state: "DE-SN", sizeClass: "5000_19999", N: 100, n: 10 },
      { state: "DE-BY", sizeClass: "5000_19999", N: 100, n: 5 },
    ];
    const strata = buildStrata(cells, label);
    expect(strata.ok && strata.merged).toEqual(["lt_5000"]);
    if (!strata.ok) return;
    expect(strata.strata.map((s) => [s.key, s.N, s.n])).toEqual([
      ["*|lt_5000", 800, 20],
      ["DE-SN|5000_19999", 100, 10],
      ["DE-BY|5000_19999", 100, 5],
    ]);
    // All of them chose it in lt_5000, none elsewhere: p̂ = 800/1000 = 0.8; variance 0 (p = 0 or 1 everywhere).
    const e = estimateShare(strata.strata, (s) => (s.sizeClass === "lt_5000" ? s.n : 0));
    expect(e.value).toBeCloseTo(0.8, 10);
    expect(e.halfWidth).toBe(0);
  });

  test("no estimate below 30 participants or with a size class without participants, with the reason", () => {
    const few = buildStrata([{ state: "DE-SN", sizeClass: "lt_5000", N: 300, n: MIN_PARTICIPANTS - 1 }], label);
    expect(few).toMatchObject({ ok: false, participants: 29 });
    expect(!few.ok && few.reason).toContain("ab 30 teilnehmenden Kommunen");
    const gap = buildStrata(
      [
        { state: "DE-SN", sizeClass: "lt_5000", N: 300, n: 40 },
        { state: "DE-SN", sizeClass: "5000_19999", N: 80, n: 0 },
      ],
      label,
    );
    expect(!gap.ok && gap.reason).toContain("„5.000 bis 19.999“ nimmt keine Kommune teil");
  });

  test("a full census has no sampling error; a mean is weighted like a share", () => {
    const cells: TCellCount[] = [
      { state: "DE-SN", sizeClass: "lt_5000", N: 20, n: 20 },
      { state: "DE-SN", sizeClass: "5000_19999", N: 20, n: 20 },
    ];
    const strata = buildStrata(cells, label);
    if (!strata.ok) throw new Error("expected strata");
    const e = estimateShare(strata.strata, (s) => (s.sizeClass === "lt_5000" ? 5 : 15));
    expect(e.value).toBeCloseTo(0.5, 10);
    expect(e.halfWidth).toBe(0);
    const tenEach = (a: number, b: number) => [...Array<number>(10).fill(a), ...Array<number>(10).fill(b)];
    const scores = { lt_5000: tenEach(40, 60), "5000_19999": tenEach(70, 90) } as Record<string, number[]>;
    const half = buildStrata(
      [
        { state: "DE-SN", sizeClass: "lt_5000", N: 300, n: 20 },
        { state: "DE-SN", sizeClass: "5000_19999", N: 100, n: 20 },
      ],
      label,
    );
    if (!half.ok) throw new Error("expected strata");
    // ȳ = 0.75·50 + 0.25·80 = 57.5; s² = 20·100/19 = 105.263 in both strata;
    // V̂ = 0.5625·(1 − 20/300)·105.263/20 + 0.0625·(1 − 20/100)·105.263/20 = 2.763158 + 0.263158 = 3.026316
    const m = estimateMean(half.strata, (s) => scores[s.sizeClass]!);
    expect(m.value).toBeCloseTo(57.5, 10);
    expect(m.halfWidth).toBeCloseTo(1.96 * Math.sqrt(3.026316), 5);
  });
});
