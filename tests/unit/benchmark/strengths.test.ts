import { describe, expect, test } from "vitest";
import { rankPoints } from "@/lib/benchmark/strengths";
import { computeBenchmark } from "@/lib/benchmark/compute-benchmark";
import { reference } from "@/lib/survey/reference";

describe("rankPoints", () => {
  test("an answer off the scale ('Weiß nicht') is never a need for action or a strength", () => {
    // Every off-scale answer there is, beside one clear gap.
    const answers = {
      own_position: "unknown",
      digital_strategy: "unknown",
      staff_digital_skills: "unknown",
      e_file: "neither",
    };
    const points = rankPoints(reference, computeBenchmark(reference, { answers }));
    const named = [...points.weakest, ...points.strongest].map((p) => p.question.id);
    expect(named).not.toContain("own_position");
    expect(named).not.toContain("digital_strategy");
    expect(named).not.toContain("staff_digital_skills");
    expect(points.weakest.map((p) => p.question.id)).toEqual(["e_file"]);
  });
});
