import { describe, expect, test } from "vitest";
import { reference } from "../../../lib/survey/reference";
import {
  buildHistory,
  comparableYears,
  compareYears,
  diffAnswers,
  QUESTION_SHORT_NAMES,
  type TChainEntry,
} from "../../../lib/benchmark/year-over-year";

const base: Record<string, string | string[]> = {
  own_position: "laggard",
  digital_strategy: "developing_central",
  e_invoice: "in_use",
  e_file: "planned",
  e_payment: "neither",
  pandemic_investments: ["technology", "processes"],
};

const entry = (
  id: string,
  year: number,
  answers: Record<string, string | string[]>,
  status: "draft" | "submitted" = "submitted",
): TChainEntry => ({
  id,
  status,
  createdAt: `${year}-03-01T10:00:00.000Z`,
  submittedAt: status === "submitted" ? `${year}-03-02T10:00:00.000Z` : null,
  answers,
});

describe("year over year", () => {
  test("every question has a short name for change lines", () => {
    expect(reference.questions.filter((q) => !QUESTION_SHORT_NAMES[q.id]).map((q) => q.id)).toEqual([]);
  });

  test("diffAnswers lists changed questions in questionnaire order; multi-choice answers compare as sets", () => {
    const after = {
      ...base,
      e_file: "in_use",
      pandemic_investments: ["processes", "technology"],
      citizen_app: "planned",
    };
    expect(diffAnswers(reference, base, after)).toEqual([
      { questionId: "e_file", from: "planned", to: "in_use" },
      { questionId: "citizen_app", from: null, to: "planned" },
    ]);
  });

  test("compareYears: index and dimension change, change lines with direction, new strengths and new gaps", () => {
    const before = entry("a", 2025, base);
    const now = entry("b", 2026, { ...base, e_file: "in_use", e_invoice: "planned" });
    const c = compareYears(reference, before, now);
    expect([c.previousYear, c.year]).toEqual([2025, 2026]);
    expect(c.changes).toEqual([
      {
        questionId: "e_invoice",
        name: "E-Rechnung",
        fromLabel: "Ja, im Einsatz",
        toLabel: "Geplant oder in Diskussion",
        direction: "worse",
      },
      {
        questionId: "e_file",
        name: "E-Akte",
        fromLabel: "Geplant oder in Diskussion",
        toLabel: "Ja, im Einsatz",
        direction: "better",
      },
    ]);
    expect(c.newStrengths).toEqual(["e_file"]);
    expect(c.newGaps).toEqual(["e_invoice"]);
    // One process better by 0.5, one worse by 0.5: the processes dimension and the index stay.
    expect(c.dimensions.find((d) => d.id === "processes")).toEqual({ id: "processes", before: 50, now: 50 });
    expect(c.indexNow).toBe(c.indexBefore);
  });

  test("buildHistory: oldest first, index per year, changes against the year before", () => {
    const chain = [
      entry("a", 2024, base),
      entry("b", 2025, { ...base, e_payment: "planned" }),
      entry("c", 2026, { ...base, e_payment: "in_use" }, "draft"),
    ];
    const h = buildHistory(reference, chain);
    expect(h.map((x) => [x.id, x.year, x.changes.length])).toEqual([
      ["a", 2024, 0],
      ["b", 2025, 1],
      ["c", 2026, 1],
    ]);
    expect(h[2]!.changes).toEqual([{ questionId: "e_payment", from: "planned", to: "in_use" }]);
    expect(h[1]!.dimensions.processes).toBeGreaterThan(h[0]!.dimensions.processes!);
  });

  test("comparableYears keeps submitted years and the newest, even as a draft; a reopened middle year drops out", () => {
    const chain = [entry("a", 2024, base), entry("b", 2025, base, "draft"), entry("c", 2026, base, "draft")];
    expect(comparableYears(chain).map((e) => e.id)).toEqual(["a", "c"]);
  });
});
