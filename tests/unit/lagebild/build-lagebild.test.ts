import { describe, expect, test } from "vitest";
import { buildLagebild } from "../../../lib/lagebild/build-lagebild";
import type { TPeerCell } from "../../../lib/peers/aggregate";
import { reference } from "../../../lib/survey/reference";
import { countUnits } from "../../../lib/municipalities/register";

const cell = (
  state: TPeerCell["state"],
  sizeClass: TPeerCell["sizeClass"],
  count: number,
  inUse: number,
): TPeerCell => ({
  state,
  sizeClass,
  count,
  optionCounts: { e_file: { in_use: inUse, planned: count - inUse } },
  indexScores: Array.from({ length: count }, (_, i) => 20 + ((i * 7) % 60)),
  releasedAt: "2026-12-01T10:00:00.000Z",
});

// A small register: Saxony 100 + 50, Bavaria 200 + 50 municipalities in two size classes.
const REGISTER: Record<string, number> = {
  "DE-SN|lt_5000": 100,
  "DE-SN|5000_19999": 50,
  "DE-BY|lt_5000": 200,
  "DE-BY|5000_19999": 50,
};
const register = (state: string, sizeClass: string) => REGISTER[`${state}|${sizeClass}`] ?? 0;

describe("buildLagebild", () => {
  test("coverage counts only cells of k or more; a cell below k shows no count and counts nowhere", () => {
    const l = buildLagebild({
      cells: [cell("DE-SN", "lt_5000", 20, 10), cell("DE-BY", "lt_5000", 3, 3)],
      registerCount: register,
      filter: {},
      k: 5,
      ref: reference,
    });
    expect(l.coverage.find((c) => c.state === "DE-BY" && c.sizeClass === "lt_5000")).toEqual({
      state: "DE-BY",
      sizeClass: "lt_5000",
      participants: null,
      total: 200,
    });
    expect(l.totals).toEqual({ participants: 20, total: 400 });
    expect(l.byState.map((r) => [r.state, r.participants, r.total])).toEqual([
      ["DE-BY", 0, 250],
      ["DE-SN", 20, 150],
    ]);
    expect(l.questions.find((q) => q.id === "e_file")!.options.find((o) => o.id === "in_use")!.share).toBe(50);
    // 20 participants: no estimate, with the reason.
    expect(l.estimate).toEqual({
      shown: false,
      reason: expect.stringContaining("ab 30 teilnehmenden Verwaltungen"),
      missingStates: ["DE-BY"],
    });
    expect(l.questions[0]!.options.every((o) => o.estimate === null)).toBe(true);
    expect(l.index!.histogram!.reduce((n, b) => n + b.count, 0)).toBe(20);
  });

  test("a filter below k is suppressed: no shares, no index, no estimate", () => {
    const l = buildLagebild({
      cells: [cell("DE-SN", "lt_5000", 20, 10), cell("DE-BY", "lt_5000", 3, 3)],
      registerCount: register,
      filter: { state: "DE-BY" },
      k: 5,
      ref: reference,
    });
    expect(l).toMatchObject({ suppressed: true, release: null, index: null, questions: [] });
    expect(l.estimate.shown).toBe(false);
  });

  test("with enough participants in every size class the estimate reweights to the register", () => {
    // lt_5000: Saxony 30 (all in use), Bavaria 10 (none); 5000_19999: Saxony 10 (all), Bavaria 10 (none).
    const l = buildLagebild({
      cells: [
        cell("DE-SN", "lt_5000", 30, 30),
        cell("DE-BY", "lt_5000", 10, 0),
        cell("DE-SN", "5000_19999", 10, 10),
        cell("DE-BY", "5000_19999", 10, 0),
      ],
      registerCount: register,
      filter: {},
      k: 5,
      ref: reference,
    });
    const inUse = l.questions.find((q) => q.id === "e_file")!.options.find((o) => o.id === "in_use")!;
    // Participants: 40 of 60 = 66.7 %; the register: Saxony 150 of 400 municipalities → 37.5 %.
    expect(inUse.share).toBe(66.7);
    expect(inUse.estimate!.value).toBe(37.5);
    expect(l.estimate).toMatchObject({
      shown: true,
      participants: 60,
      total: 400,
      strata: 4,
      degreesOfFreedom: 56,
      collapsed: [],
      missingStates: [],
      census: false,
    });
    // Saxony all in use, Bavaria none: the bounds enclose 37.5 % and stay inside 0–100 %.
    expect(inUse.estimate!.low).toBeLessThan(37.5);
    expect(inUse.estimate!.high).toBeGreaterThan(37.5);
  });
});

describe("buildLagebild on the register's 5,029 administrations (ADR 0013)", () => {
  const lagebild = (cells: TPeerCell[], filter: { state?: TPeerCell["state"] } = {}) =>
    buildLagebild({ cells, registerCount: countUnits, filter, k: 5, ref: reference });

  test("Schleswig-Holstein gets its own estimate: its small cells collapse within the state", () => {
    // SH: 21 / 116 / 29 / 2 units; the 2 large cities can never form a published cell of k.
    const l = lagebild([cell("DE-SH", "5000_19999", 30, 6), cell("DE-SH", "20000_99999", 5, 5)], { state: "DE-SH" });
    expect(l.estimate).toMatchObject({
      shown: true,
      participants: 35,
      total: 168,
      strata: 2,
      collapsed: [
        { state: "DE-SH", sizeClass: "lt_5000", into: ["5000_19999"] },
        { state: "DE-SH", sizeClass: "gte_100000", into: ["20000_99999"] },
      ],
      missingStates: [],
    });
    // p̂ = 137/168 · 0.2 + 31/168 · 1 = 0.347619.
    const e = l.questions.find((q) => q.id === "e_file")!.options.find((o) => o.id === "in_use")!.estimate!;
    expect(e.value).toBe(34.8);
    expect(e.low).toBeLessThan(34.8);
    expect(e.high).toBeGreaterThan(34.8);
  });

  test("North Rhine-Westphalia: its 4 units under 5,000 join the next size class", () => {
    const l = lagebild(
      [cell("DE-NW", "5000_19999", 10, 5), cell("DE-NW", "20000_99999", 10, 5), cell("DE-NW", "gte_100000", 10, 5)],
      { state: "DE-NW" },
    );
    expect(l.estimate).toMatchObject({
      shown: true,
      strata: 3,
      collapsed: [{ state: "DE-NW", sizeClass: "lt_5000", into: ["5000_19999"] }],
    });
  });

  test("nationwide: no estimate while every participant is in one state, and the missing states are named", () => {
    const l = lagebild([cell("DE-HE", "lt_5000", 15, 5), cell("DE-HE", "5000_19999", 15, 5)]);
    expect(l.estimate.shown).toBe(false);
    expect(l.estimate.missingStates).toHaveLength(15);
    const reason = l.estimate.shown ? "" : l.estimate.reason;
    expect(reason).toContain("aus 1 von 16 Ländern");
    expect(reason).toContain("Schleswig-Holstein, Hamburg, Niedersachsen");
    expect(reason).toContain("Sachsen-Anhalt und Thüringen.");
    // Hessen alone still gets its estimate.
    expect(
      lagebild([cell("DE-HE", "lt_5000", 15, 5), cell("DE-HE", "5000_19999", 15, 5)], { state: "DE-HE" }).estimate
        .shown,
    ).toBe(true);
  });
});
