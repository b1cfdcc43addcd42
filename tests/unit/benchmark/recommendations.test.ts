import { describe, expect, test } from "vitest";
import { LEVELS, levelOf } from "@/lib/benchmark/levels";
import { MAX_RECOMMENDATIONS, recommend } from "@/lib/benchmark/recommendations";
import { nationalMeanScore, scoreAnswer } from "@/lib/benchmark/scoring";
import { reference } from "@/lib/survey/reference";
import type { TReference } from "@/lib/survey/schema";
import { SCORED, allBest, allWorst, mutableReference, percentFigures, question, type TAnswerSet } from "./helpers";

/**
 * Recommendations: every scored question whose answer (or one chosen option) is in its
 * recommendation.options; sorted by priority asc, then gap (national mean score − own score) desc,
 * then questionnaire order; at most MAX_RECOMMENDATIONS.
 */

const ids = (answers: TAnswerSet, ref: TReference = reference) => recommend(ref, answers).map((r) => r.questionId);
const gapOf = (qid: string, answers: TAnswerSet) =>
  nationalMeanScore(question(qid)) - (scoreAnswer(question(qid), answers[qid]) ?? 0);

describe("no gaps", () => {
  test("all-best answer set → []", () => {
    expect(recommend(reference, allBest())).toEqual([]);
  });

  test("no answers → []", () => {
    expect(recommend(reference, {})).toEqual([]);
  });

  test("answers that are not in recommendation.options → none (e_invoice in_use, pandemic_investments [technology])", () => {
    expect(recommend(reference, { e_invoice: "in_use", pandemic_investments: ["technology"] })).toEqual([]);
  });
});

describe("all-worst answer set", () => {
  const answers = allWorst();
  const all = recommend(reference, answers);

  test(`exactly MAX_RECOMMENDATIONS (${MAX_RECOMMENDATIONS})`, () => {
    expect(MAX_RECOMMENDATIONS).toBe(5);
    expect(all).toHaveLength(MAX_RECOMMENDATIONS);
  });

  /*
   * Hand: priority 1 → e_invoice (gap 0.52), digital_strategy (0.40);
   *       priority 2 → online_applications (0.50), e_file (0.465), staff_digital_skills (0.435).
   * Questionnaire order would put digital_strategy before e_invoice and staff before e_file: the gap decides.
   */
  test("the top five by priority, then gap", () => {
    expect(all.map((r) => r.questionId)).toEqual([
      "e_invoice",
      "digital_strategy",
      "online_applications",
      "e_file",
      "staff_digital_skills",
    ]);
  });

  test("sorted by priority asc, then gap desc; nothing cut off ranks before the last one kept", () => {
    const keys = all.map((r) => [r.priority, -gapOf(r.questionId, answers)] as const);
    for (let i = 1; i < keys.length; i++) {
      const [p0, g0] = keys[i - 1]!;
      const [p1, g1] = keys[i]!;
      expect(p0 < p1 || (p0 === p1 && g0 <= g1), `${all[i - 1]!.questionId} before ${all[i]!.questionId}`).toBe(true);
    }
    const [pl, gl] = keys[keys.length - 1]!;
    const kept = new Set(all.map((r) => r.questionId));
    for (const q of SCORED.filter((x) => !kept.has(x.id))) {
      const p = q.recommendation!.priority;
      expect(p > pl || (p === pl && -gapOf(q.id, answers) >= gl), q.id).toBe(true);
    }
  });

  test("each recommendation carries its question's priority, title and text", () => {
    for (const r of all) {
      const rec = question(r.questionId).recommendation!;
      expect(r).toEqual({ questionId: r.questionId, priority: rec.priority, title: rec.title, text: rec.text });
    }
  });
});

describe("single gaps", () => {
  test("e_invoice neither (all else best) → exactly that one, with its title", () => {
    expect(recommend(reference, { ...allBest(), e_invoice: "neither" })).toEqual([
      {
        questionId: "e_invoice",
        priority: 1,
        title: "E-Rechnungen empfangen und verarbeiten",
        text: question("e_invoice").recommendation!.text,
      },
    ]);
  });

  test("pandemic_investments [none] (multi-choice gap) → triggers", () => {
    const out = recommend(reference, { ...allBest(), pandemic_investments: ["none"] });
    expect(out.map((r) => [r.questionId, r.title])).toEqual([
      ["pandemic_investments", "In Technik, Prozesse und Dienste investieren"],
    ]);
  });

  const everyGap = SCORED.flatMap((q) =>
    q.recommendation!.options.map((o) => ({ q: q.id, o, multi: q.type === "multi", title: q.recommendation!.title })),
  );
  test.each(everyGap)("$q = $o (all else best) → exactly „$title“", ({ q, o, multi, title }) => {
    const out = recommend(reference, { ...allBest(), [q]: multi ? [o] : o });
    expect(out.map((r) => [r.questionId, r.title])).toEqual([[q, title]]);
  });

  test("an answer alone (partial set) triggers its recommendation", () => {
    expect(ids({ home_office_today: "excluded" })).toEqual(["home_office_today"]);
  });
});

describe("ordering", () => {
  test("priority beats gap: e_invoice planned (prio 1, gap 0.02) before own_position missed (prio 5, gap 0.595)", () => {
    expect(ids({ own_position: "missed", e_invoice: "planned" })).toEqual(["e_invoice", "own_position"]);
  });

  test("within a priority the gap beats questionnaire order: e_file neither (0.465) > staff few (0.185) > online_applications planned (0.0)", () => {
    const answers = { staff_digital_skills: "few", e_file: "neither", online_applications: "planned" };
    expect(gapOf("e_file", answers)).toBeCloseTo(0.465, 9);
    expect(gapOf("staff_digital_skills", answers)).toBeCloseTo(0.185, 9);
    expect(gapOf("online_applications", answers)).toBeCloseTo(0, 9);
    expect(ids(answers)).toEqual(["e_file", "staff_digital_skills", "online_applications"]);
  });

  test("a negative gap (own score above the national mean: e_file planned, −0.035) still recommends", () => {
    expect(ids({ e_file: "planned", e_invoice: "planned", digital_strategy: "developing_sectoral" })).toEqual([
      "digital_strategy",
      "e_invoice",
      "e_file",
    ]);
  });

  test("equal priority and equal gap → questionnaire order (not alphabetical)", () => {
    const copy = mutableReference();
    const portal = question("online_portal", copy);
    const app = question("citizen_app", copy);
    app.recommendation!.priority = portal.recommendation!.priority;
    app.options = structuredClone(portal.options);
    const answers = { citizen_app: "neither", online_portal: "neither" };
    expect(ids(answers, copy)).toEqual(["online_portal", "citizen_app"]);
  });

  test("never more than MAX_RECOMMENDATIONS, however many gaps", () => {
    const copy = mutableReference();
    for (const q of copy.questions) if (q.recommendation) q.recommendation.priority = 1;
    expect(recommend(copy, allWorst())).toHaveLength(MAX_RECOMMENDATIONS);
  });
});

describe("only scored questions are recommended", () => {
  test("a recommendation on a context question (deep copy) is ignored", () => {
    const copy = mutableReference();
    const q = question("chance_or_risk", copy);
    expect(q.dimension).toBe("context");
    q.recommendation = {
      options: ["risk"],
      priority: 1,
      title: "Chancen sehen",
      text: "96 % der Kommunen sehen die Digitalisierung als Chance.",
    };
    expect(ids({ chance_or_risk: "risk" }, copy)).toEqual([]);
  });
});

describe("recommendation texts quote the survey", () => {
  const surveyFigures = new Set(
    reference.questions.flatMap((q) => [
      ...q.options.filter((o) => o.published && o.share !== null).map((o) => o.share!),
      ...q.options.flatMap((o) => (o.subgroups ?? []).map((g) => g.share)),
      ...(q.aggregates ?? []).map((a) => a.share),
    ]),
  );
  const withRec = reference.questions.filter((q) => q.recommendation);

  test("every scored question has a recommendation", () => {
    expect(withRec.map((q) => q.id)).toEqual(SCORED.map((q) => q.id));
  });

  test.each(withRec.map((q) => ({ q: q.id, text: q.recommendation!.text })))(
    "$q: at least one figure, each a published one",
    ({ text }) => {
      const figures = percentFigures(text);
      expect(figures.length).toBeGreaterThanOrEqual(1);
      for (const n of figures) expect(surveyFigures.has(n), `${n} %`).toBe(true);
    },
  );
});

describe("levelOf", () => {
  test.each([
    [0, "Einstieg"],
    [24.9, "Einstieg"],
    [25, "Aufbau"],
    [49.9, "Aufbau"],
    [50, "Fortgeschritten"],
    [74.9, "Fortgeschritten"],
    [75, "Weit fortgeschritten"],
    [100, "Weit fortgeschritten"],
  ] as const)("%d → %s", (score, name) => {
    expect(levelOf(score).name).toBe(name);
  });

  test("the documented thresholds", () => {
    expect(LEVELS.map((l) => [l.name, l.min])).toEqual([
      ["Einstieg", 0],
      ["Aufbau", 25],
      ["Fortgeschritten", 50],
      ["Weit fortgeschritten", 75],
    ]);
  });

  test("the national mean 48.5 is „Aufbau“", () => {
    expect(levelOf(48.5).name).toBe("Aufbau");
  });
});
