import { describe, expect, test } from "vitest";
import { buildLagebild } from "../../../lib/lagebild/build-lagebild";
import type { TPeerCell } from "../../../lib/peers/aggregate";
import { reference } from "../../../lib/survey/reference";

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
    expect(l.estimate).toEqual({ shown: false, reason: expect.stringContaining("ab 30 teilnehmenden Kommunen") });
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
    expect(l.estimate).toMatchObject({ shown: true, participants: 60, total: 400, strata: 4, merged: [] });
  });
});
