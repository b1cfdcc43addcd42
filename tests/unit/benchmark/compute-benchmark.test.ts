import { describe, expect, test } from "vitest";
import { DIMENSION_LABELS, computeBenchmark } from "@/lib/benchmark/compute-benchmark";
import { recommend } from "@/lib/benchmark/recommendations";
import { computeIndex } from "@/lib/benchmark/scoring";
import { findUnanswered } from "@/lib/survey/answer-schema";
import { reference } from "@/lib/survey/reference";
import { DIMENSIONS } from "@/lib/survey/schema";
import { SCORED, allBest, allWorst, type TAnswerSet } from "./helpers";

/** The benchmark JSON of docs/api.md. */

const bench = (answers: TAnswerSet, sizeClass?: "lt_5000" | "5000_19999" | "20000_99999" | "gte_100000") =>
  computeBenchmark(reference, { answers, sizeClass });

describe("contract shape", () => {
  test.each([
    ["all best", allBest()],
    ["all worst", allWorst()],
    ["partial", { e_file: "in_use" } as TAnswerSet],
  ])(
    "%s: index.score, index.nationalMean, index.dimensions with ids and labels, all within 0…100",
    (_name, answers) => {
      const b = bench(answers);
      expect(b.index.score).toEqual(expect.any(Number));
      expect(b.index.score!).toBeGreaterThanOrEqual(0);
      expect(b.index.score!).toBeLessThanOrEqual(100);
      expect(b.index.nationalMean).toBe(48.5);
      expect(b.index.dimensions.map((d) => d.id)).toEqual([...DIMENSIONS]);
      for (const d of b.index.dimensions) {
        expect(d.label).toBe(DIMENSION_LABELS[d.id]);
        expect(d.nationalMean).toBeGreaterThanOrEqual(0);
        expect(d.nationalMean).toBeLessThanOrEqual(100);
        if (d.score !== null) {
          expect(d.score).toBeGreaterThanOrEqual(0);
          expect(d.score).toBeLessThanOrEqual(100);
        }
      }
      expect(Array.isArray(b.items)).toBe(true);
      expect(Array.isArray(b.recommendations)).toBe(true);
      for (const r of b.recommendations)
        expect(r).toEqual(expect.objectContaining({ questionId: expect.any(String), text: expect.any(String) }));
    },
  );

  test("labels of the five dimensions", () => {
    expect(DIMENSION_LABELS).toEqual({
      strategy: "Strategie",
      processes: "Prozesse",
      services: "Dienste",
      capabilities: "Ressourcen",
      work: "Arbeitsorganisation",
    });
  });

  test("the contract's example item: e_file in_use", () => {
    const item = bench({ e_file: "in_use" }).items[0]!;
    expect(item).toMatchObject({
      questionId: "e_file",
      answer: "in_use",
      share: 16,
      statement: "Sie führen bereits eine E-Akte; 2020 taten das erst 16\u00a0% der Kommunen.",
      ahead: 84,
    });
  });

  test("levels: index level and national level; no level without answers", () => {
    expect(bench(allBest()).index.level?.name).toBe("Weit fortgeschritten");
    expect(bench(allWorst()).index.level?.name).toBe("Einstieg");
    expect(bench({}).index.level).toBeNull();
    expect(bench({}).index.nationalLevel.name).toBe("Aufbau");
  });

  test("index equals computeIndex of the same answers, plus labels and levels", () => {
    const answers: TAnswerSet = { e_file: "planned", own_position: "pioneer", pandemic_investments: ["technology"] };
    const { level, nationalLevel, dimensions, ...rest } = bench(answers).index;
    const plain = computeIndex(reference, answers);
    expect(rest).toEqual({ score: plain.score, nationalMean: plain.nationalMean, complete: plain.complete });
    expect(dimensions).toEqual(plain.dimensions.map((d) => ({ ...d, label: DIMENSION_LABELS[d.id] })));
    expect(level?.name).toBe("Fortgeschritten"); // mean(50, 100, 33.3) = 61.1
    expect(nationalLevel.name).toBe("Aufbau");
  });

  test("recommendations are those of recommend()", () => {
    const answers = allWorst();
    expect(bench(answers).recommendations).toEqual(recommend(reference, answers));
    expect(bench(allBest()).recommendations).toEqual([]);
  });
});

describe("items", () => {
  const partial: TAnswerSet = {
    pandemic_investments: ["technology", "processes"],
    e_file: "in_use",
    digital_strategy: "developing_central",
    obstacles: ["none"],
  };

  test("only for answered questions, in questionnaire order", () => {
    expect(bench(partial).items.map((i) => i.questionId)).toEqual([
      "pandemic_investments",
      "digital_strategy",
      "obstacles",
      "e_file",
    ]);
    expect(bench({}).items).toEqual([]);
  });

  test.each([
    ["e_file", { answer: "in_use", share: 16, ahead: 84 }],
    ["digital_strategy", { answer: "developing_central", share: 33, ahead: 43 }],
  ] as const)("single %s has `share` and no `shares`", (qid, expected) => {
    const item = bench(partial).items.find((i) => i.questionId === qid)!;
    expect(item).toMatchObject(expected);
    expect(item).not.toHaveProperty("shares");
  });

  test.each([
    ["pandemic_investments", ["technology", "processes"], { technology: 53, processes: 44 }],
    ["obstacles", ["none"], { none: null }],
  ] as const)("multi %s has a `shares` map, no `share`, ahead null", (qid, answer, shares) => {
    const item = bench(partial).items.find((i) => i.questionId === qid)!;
    expect(item.answer).toEqual(answer);
    expect(item.shares).toEqual(shares);
    expect(item).not.toHaveProperty("share");
    expect(item.ahead).toBeNull();
  });

  test("statement is the statements joined", () => {
    const b = bench(
      { ...allBest(), digital_strategy: "none_no_topic", pandemic_investments: ["technology", "services"] },
      "lt_5000",
    );
    for (const item of b.items) {
      expect(item.statements.length, item.questionId).toBeGreaterThanOrEqual(1);
      expect(item.statement).toBe(item.statements.map((s) => s.text).join(" "));
    }
    expect(b.items.find((i) => i.questionId === "digital_strategy")!.statement).toBe(
      "Sie haben keine Digitalstrategie und sehen darin derzeit kein Thema; 2020 galt das für 20\u00a0% der Kommunen. Unter den Kommunen mit weniger als 5.000 Einwohnerinnen und Einwohnern waren es 2020 sogar 24\u00a0%.",
    );
    expect(b.items.find((i) => i.questionId === "pandemic_investments")!.statement).toBe(
      "Ihre Kommune hat im Zuge der Pandemie in Technologie wie Hardware oder Software investiert oder plant es; 2020 galt das für 53\u00a0% der Kommunen. " +
        "Bei Ihnen steht die Digitalisierung von Diensten für Bürgerinnen, Bürger und Unternehmen auf der Agenda; 2020 galt das für 35\u00a0% der Kommunen.",
    );
  });

  test("the 56\u00a0% aggregate reaches the item statement", () => {
    expect(bench(partial).items.find((i) => i.questionId === "digital_strategy")!.statement).toBe(
      "Sie entwickeln gerade eine zentrale Digitalstrategie; 2020 taten das 33\u00a0% der Kommunen. Insgesamt hatten 2020 56\u00a0% der Kommunen noch keine Digitalstrategie, entwickelten aber gerade eine.",
    );
  });

  test.each([
    ["e_file", "neither", true], // derived statement ("rund 23\u00a0%")
    ["e_file", "in_use", true], // published statement, but the derived 23\u00a0% enters "ahead"
    ["staff_digital_skills", "about_half", false],
    ["digital_strategy", "central", false],
  ] as const)("derived: %s = %s → %s", (qid, a, derived) => {
    expect(bench({ [qid]: a }).items[0]!.derived).toBe(derived);
  });
});

describe("unanswered and complete", () => {
  test("a full valid answer set: complete, nothing unanswered, one item per question", () => {
    for (const answers of [allBest(), allWorst()]) {
      expect(findUnanswered(answers)).toEqual([]); // valid by the answer schema
      const b = bench(answers);
      expect(b.complete).toBe(true);
      expect(b.unanswered).toEqual([]);
      expect(b.items).toHaveLength(reference.questions.length);
    }
  });

  test.each<[string, TAnswerSet]>([
    ["empty", {}],
    ["one answer", { e_file: "in_use" }],
    ["every scored question, no context question", Object.fromEntries(SCORED.map((q) => [q.id, allBest()[q.id]!]))],
    [
      "one context question missing",
      (() => {
        const a = allBest();
        delete a.home_office_obstacles;
        return a;
      })(),
    ],
    [
      "one scored question missing",
      (() => {
        const a = allBest();
        delete a.e_file;
        return a;
      })(),
    ],
  ])("%s: unanswered = the rest in questionnaire order, complete false", (_name, answers) => {
    const b = bench(answers);
    expect(b.unanswered).toEqual(reference.questions.filter((q) => !(q.id in answers)).map((q) => q.id));
    expect(b.unanswered).toEqual(findUnanswered(answers));
    expect(b.complete).toBe(false);
  });

  test("every scored question answered, context missing: the index is final but the benchmark is not complete", () => {
    const b = bench(Object.fromEntries(SCORED.map((q) => [q.id, allBest()[q.id]!])));
    expect(b.index.complete).toBe(true);
    expect(b.complete).toBe(false);
  });

  // A stored answer that the answer schema rejects (e.g. an option id from an older reference file).
  const invalid: [string, string, TAnswerSet][] = [
    ["unknown option id on a single-choice question", "e_file", { ...allBest(), e_file: "bogus" }],
    ["unknown option id on a context question", "chance_or_risk", { ...allBest(), chance_or_risk: "bogus" }],
    [
      "exclusive option combined with another",
      "pandemic_investments",
      { ...allBest(), pandemic_investments: ["none", "technology"] },
    ],
    ["empty multi-choice array", "obstacles", { ...allBest(), obstacles: [] }],
    ["array on a single-choice question", "e_file", { ...allBest(), e_file: ["in_use"] }],
  ];

  test.each(invalid)("otherwise full set with an invalid answer (%s): complete false", (_name, _qid, answers) => {
    expect(findUnanswered(answers).length).toBe(1);
    expect(bench(answers).complete).toBe(false);
  });

  test.each(invalid)(
    "otherwise full set with an invalid answer (%s): the question is listed as unanswered, like findUnanswered does",
    (_name, qid, answers) => {
      expect(bench(answers).unanswered).toEqual([qid]);
    },
  );

  test("questions are never in both items and unanswered, and together they cover the questionnaire", () => {
    const b = bench({ e_file: "in_use", obstacles: ["none"] });
    const itemIds = b.items.map((i) => i.questionId);
    expect(itemIds.filter((id) => b.unanswered.includes(id))).toEqual([]);
    expect([...itemIds, ...b.unanswered].sort()).toEqual(reference.questions.map((q) => q.id).sort());
  });

  test("the subgroup needs the size class: without it, no 24\u00a0% sentence", () => {
    expect(bench({ digital_strategy: "none_no_topic" }).items[0]!.statement).not.toContain("24\u00a0%");
    expect(bench({ digital_strategy: "none_no_topic" }, "gte_100000").items[0]!.statement).not.toContain("24\u00a0%");
  });
});
