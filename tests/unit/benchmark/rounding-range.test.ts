import { describe, expect, test } from "vitest";
import { computeIndex } from "@/lib/benchmark/scoring";
import { describeRange, nationalMeanRange, questionScoreRange } from "@/lib/benchmark/rounding-range";
import { nationalMeanNote } from "@/lib/benchmark/method-notes";
import { reference } from "@/lib/survey/reference";
import type { TQuestion } from "@/lib/survey/schema";

const base = { topic: "t", dimension: "processes" as const, text: "Frage?" };

describe("the national mean's range from shares rounded to whole percent", () => {
  test("single choice, by hand: 20 % / 50 % published, 30 % derived remainder, points 0 / 0.5 / 1", () => {
    const q: TQuestion = {
      ...base,
      id: "q",
      type: "single",
      ordinal: true,
      options: [
        { id: "a", label: "A", share: 20, published: true, rank: 0 },
        { id: "b", label: "B", share: 50, published: true, rank: 1 },
        { id: "c", label: "C", shareLabel: "Übrige Antworten oder keine Angabe", share: 30, published: false, rank: 2 },
      ],
    };
    // Nominal 0.5 × 0.50 + 1 × 0.30 = 0.55. Lowest: a and b each 0.5 higher (20.5, 50.5), the remainder
    // 29: 0.5 × 0.505 + 0.29 = 0.5425. Highest: a and b each 0.5 lower (19.5, 49.5), remainder 31:
    // 0.5 × 0.495 + 0.31 = 0.5575.
    const r = questionScoreRange(q);
    expect(r.low).toBeCloseTo(0.5425, 10);
    expect(r.high).toBeCloseTo(0.5575, 10);
  });

  test("single choice with every share published: they still add up to 100", () => {
    const q: TQuestion = {
      ...base,
      id: "h",
      type: "single",
      ordinal: true,
      options: [
        { id: "no", label: "Nein", share: 50, published: true, rank: 0 },
        { id: "yes", label: "Ja", share: 50, published: true, rank: 1 },
      ],
    };
    // "Ja" between 49.5 and 50.5, "Nein" the rest: 0.495 … 0.505.
    expect(questionScoreRange(q)).toEqual({ low: expect.closeTo(0.495, 10), high: expect.closeTo(0.505, 10) });
  });

  test("multi choice, by hand: each share on its own, points 1/2 each", () => {
    const q: TQuestion = {
      ...base,
      id: "m",
      type: "multi",
      options: [
        { id: "x", label: "X", share: 40, published: true },
        { id: "y", label: "Y", share: 10, published: true },
        { id: "none", label: "Nichts davon", share: null, published: false, exclusive: true },
      ],
    };
    // (0.395 + 0.095) / 2 = 0.245 … (0.405 + 0.105) / 2 = 0.255.
    expect(questionScoreRange(q).low).toBeCloseTo(0.245, 10);
    expect(questionScoreRange(q).high).toBeCloseTo(0.255, 10);
  });

  test("the real file: the published mean lies inside the range, about ±1 point wide", () => {
    const mean = computeIndex(reference, {}).nationalMean;
    const r = nationalMeanRange(reference);
    expect(r.low).toBeLessThan(mean);
    expect(r.high).toBeGreaterThan(mean);
    expect(r.high - r.low).toBeGreaterThan(0.5);
    expect(r.high - r.low).toBeLessThan(2.5);
    for (const d of computeIndex(reference, {}).dimensions) {
      expect(r.dimensions[d.id]!.low).toBeLessThanOrEqual(d.nationalMean + 0.05);
      expect(r.dimensions[d.id]!.high).toBeGreaterThanOrEqual(d.nationalMean - 0.05);
    }
  });

  test("said as pages and report say it, rounded outward", () => {
    expect(describeRange({ low: 47.69, high: 49.27 })).toBe("zwischen 47,6 und 49,3");
    expect(nationalMeanNote(reference)).toMatch(
      /rundet sie auf ganze Prozent; je nach Rundung liegt der Durchschnitt zwischen \d+,\d und \d+,\d Punkten\./,
    );
  });
});
