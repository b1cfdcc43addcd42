import { describe, expect, test } from "vitest";
import { computeIndex, nationalMeanScore, optionScore, scoreAnswer } from "@/lib/benchmark/scoring";
import { reference } from "@/lib/survey/reference";
import { DIMENSIONS } from "@/lib/survey/schema";
import {
  CONTEXT,
  MULTI,
  ORDINAL,
  SCORED,
  allBest,
  allWorst,
  exclusiveOption,
  fullAnswers,
  highestRanked,
  lowestRanked,
  mutableReference,
  nonExclusive,
  option,
  question,
  worstAnswer,
  type TAnswerSet,
} from "./helpers";

/**
 * Scoring rules (the spec):
 * - ordinal single choice: rank / highest rank (0…1); unranked ("weiß nicht", rank null) → 0;
 * - multi choice: chosen non-exclusive options / number of non-exclusive options;
 * - dimension = mean of its questions × 100; index = mean of the five dimension means × 100,
 *   rounded to one decimal once at the end; "context" questions are not scored;
 * - national mean of a question = Σ share/100 × score (share null adds 0), always over all questions.
 */

describe("optionScore: both ends of every ordinal scale", () => {
  test("there are ordinal questions to test", () => {
    expect(ORDINAL.length).toBeGreaterThanOrEqual(10);
  });

  test.each(ORDINAL.map((q) => ({ q: q.id, low: lowestRanked(q).id, high: highestRanked(q).id })))(
    "$q: $low → 0, $high → 1",
    ({ q, low, high }) => {
      expect(optionScore(question(q), low)).toBe(0);
      expect(optionScore(question(q), high)).toBe(1);
    },
  );

  const unranked = ORDINAL.flatMap((q) => q.options.filter((o) => o.rank === null).map((o) => ({ q: q.id, o: o.id })));
  test("some ordinal questions have an unranked option", () => {
    expect(unranked.length).toBeGreaterThanOrEqual(4);
  });
  test.each(unranked)("$q: unranked $o → 0", ({ q, o }) => {
    expect(optionScore(question(q), o)).toBe(0);
  });

  test.each([
    ["own_position", "missed", 0],
    ["own_position", "laggard", 0.5],
    ["own_position", "pioneer", 1],
    ["digital_strategy", "none_no_topic", 0],
    ["digital_strategy", "developing_sectoral", 0.25],
    ["digital_strategy", "developing_central", 0.5],
    ["digital_strategy", "sectoral", 0.75],
    ["digital_strategy", "central", 1],
    ["staff_digital_skills", "few", 0.25],
    ["staff_digital_skills", "about_half", 0.5],
    ["staff_digital_skills", "most", 0.75],
    ["budget_2021", "constant", 0.5],
    ["e_file", "planned", 0.5],
    ["home_office_today", "excluded", 0],
    ["home_office_today", "offered", 1],
    ["home_office_future", "keep", 0.5],
  ] as const)("%s = %s → %d (rank / highest rank)", (q, o, expected) => {
    expect(optionScore(question(q), o)).toBe(expected);
  });
});

describe("scoreAnswer for every question type", () => {
  test.each(reference.questions.map((q) => ({ q: q.id })))("$q unanswered → null", ({ q }) => {
    expect(scoreAnswer(question(q), undefined)).toBeNull();
  });

  test.each(ORDINAL.map((q) => ({ q: q.id, low: lowestRanked(q).id, high: highestRanked(q).id })))(
    "single $q: $low → 0, $high → 1",
    ({ q, low, high }) => {
      expect(scoreAnswer(question(q), low)).toBe(0);
      expect(scoreAnswer(question(q), high)).toBe(1);
    },
  );

  test.each(
    MULTI.map((q) => ({
      q: q.id,
      all: nonExclusive(q).map((o) => o.id),
      one: nonExclusive(q)[0]!.id,
      n: nonExclusive(q).length,
    })),
  )("multi $q: all $n non-exclusive options → 1, one of them → 1/$n", ({ q, all, one, n }) => {
    expect(scoreAnswer(question(q), all)).toBe(1);
    expect(scoreAnswer(question(q), [one])).toBeCloseTo(1 / n, 12);
  });

  const withExclusive = MULTI.filter((q) => exclusiveOption(q));
  test.each(withExclusive.map((q) => ({ q: q.id, ex: exclusiveOption(q)!.id })))(
    "multi $q: only the exclusive option [$ex] → 0",
    ({ q, ex }) => {
      expect(scoreAnswer(question(q), [ex])).toBe(0);
    },
  );

  test.each([
    ["pandemic_investments", ["technology"], 1 / 3],
    ["pandemic_investments", ["technology", "services"], 2 / 3],
    ["pandemic_investments", ["technology", "processes", "services"], 1],
    ["pandemic_investments", ["none"], 0],
    // "other" has no published share but is a non-exclusive option: it counts (3 non-exclusive options).
    ["obstacles", ["lack_of_funds", "other"], 2 / 3],
    ["obstacles", ["none"], 0],
  ] as const)("multi %s = %j → %d", (q, answer, expected) => {
    expect(scoreAnswer(question(q), [...answer])).toBeCloseTo(expected, 12);
  });
});

describe("the index at both ends", () => {
  test("all-best answer set (built from the reference): index exactly 100, every dimension 100", () => {
    const index = computeIndex(reference, allBest());
    expect(index.score).toBe(100);
    expect(index.complete).toBe(true);
    for (const d of index.dimensions) expect(d.score, d.id).toBe(100);
  });

  test("all-worst answer set (rank 0, multi: only the exclusive option): index exactly 0", () => {
    const index = computeIndex(reference, allWorst());
    expect(index.score).toBe(0);
    expect(index.complete).toBe(true);
    for (const d of index.dimensions) expect(d.score, d.id).toBe(0);
  });

  test("all-unknown (every ordinal question answered „weiß nicht“ where it exists) scores like rank 0", () => {
    const answers = fullAnswers((q) => q.options.find((o) => o.rank === null)?.id ?? worstAnswer(q));
    expect(computeIndex(reference, answers).score).toBe(0);
  });

  test("the index has the five dimensions in the documented order", () => {
    expect(computeIndex(reference, {}).dimensions.map((d) => d.id)).toEqual([
      "strategy",
      "processes",
      "services",
      "capabilities",
      "work",
    ]);
    expect([...DIMENSIONS]).toEqual(["strategy", "processes", "services", "capabilities", "work"]);
  });
});

/*
 * THE NATIONAL MEAN, by hand from the published shares (score of each option in brackets).
 *
 * strategy
 *   own_position      = 0·7 (missed) + 0.5·61 (laggard) + 1·29 (pioneer) + 0·3 (unknown)       = 59.5 %
 *   digital_strategy  = 0·20 + 0.25·23 + 0.5·33 + 0.75·13 + 1·8 + 0·3 (unknown)
 *                     = 5.75 + 16.5 + 9.75 + 8                                                  = 40.0 %
 *   dimension         = (59.5 + 40.0) / 2                                                       = 49.75 → 49.8
 * processes
 *   e_invoice         = 0·16 + 0.5·64 + 1·20                                                    = 52.0 %
 *   e_file            = 0·23 + 0.5·61 + 1·16                                                    = 46.5 %
 *   e_payment         = 0·33 + 0.5·51 + 1·16                                                    = 41.5 %
 *   dimension         = (52 + 46.5 + 41.5) / 3 = 140 / 3                                        = 46.667 → 46.7
 * services
 *   online_applications = 0·19 + 0.5·62 + 1·19                                                  = 50.0 %
 *   online_portal     = 0·25 + 0.5·59 + 1·16                                                    = 45.5 %
 *   citizen_app       = 0·32 + 0.5·56 + 1·12                                                    = 40.0 %
 *   dimension         = (50 + 45.5 + 40) / 3 = 135.5 / 3                                        = 45.167 → 45.2
 * capabilities
 *   pandemic_investments (multi, 3 non-exclusive options, "none" has no share)
 *                     = (53 + 44 + 35) / 3                                                      = 44.0 %
 *   budget_2021       = 0·1 + 0.5·34 + 1·54 + 0·11 (unknown)                                    = 71.0 %
 *   staff_digital_skills = 0·4 + 0.25·47 + 0.5·20 + 0.75·21 + 1·6 + 0·2 (unknown)
 *                     = 11.75 + 10 + 15.75 + 6                                                  = 43.5 %
 *   dimension         = (44 + 71 + 43.5) / 3 = 158.5 / 3                                        = 52.833 → 52.8
 * work
 *   home_office_today = 0·50 + 1·50                                                             = 50.0 %
 *   home_office_future = 0·37 + 0.5·10 + 1·41 + 0·12 (unknown)                                  = 46.0 %
 *   dimension         = (50 + 46) / 2                                                           = 48.0
 * overall (unrounded dimension means, rounded once)
 *   (49.75 + 46.6667 + 45.1667 + 52.8333 + 48.0) / 5 = 242.4167 / 5                             = 48.483 → 48.5
 */
const HAND_QUESTION_MEANS: [string, number][] = [
  ["own_position", 59.5],
  ["digital_strategy", 40.0],
  ["e_invoice", 52.0],
  ["e_file", 46.5],
  ["e_payment", 41.5],
  ["online_applications", 50.0],
  ["online_portal", 45.5],
  ["citizen_app", 40.0],
  ["pandemic_investments", 44.0],
  ["budget_2021", 71.0],
  ["staff_digital_skills", 43.5],
  ["home_office_today", 50.0],
  ["home_office_future", 46.0],
];
const HAND_DIMENSION_MEANS: [string, number][] = [
  ["strategy", 49.8],
  ["processes", 46.7],
  ["services", 45.2],
  ["capabilities", 52.8],
  ["work", 48.0],
];
const HAND_OVERALL_MEAN = 48.5;

describe("the national mean against the hand calculation", () => {
  test("the hand calculation covers exactly the scored questions of the file", () => {
    expect(HAND_QUESTION_MEANS.map(([id]) => id).sort()).toEqual(SCORED.map((q) => q.id).sort());
  });

  test.each(HAND_QUESTION_MEANS)("%s: %d %", (id, expected) => {
    expect(nationalMeanScore(question(id)) * 100).toBeCloseTo(expected, 9);
  });

  test.each(HAND_DIMENSION_MEANS)("dimension %s: %d", (id, expected) => {
    const d = computeIndex(reference, {}).dimensions.find((x) => x.id === id);
    expect(d?.nationalMean).toBe(expected);
  });

  test(`overall: ${HAND_OVERALL_MEAN}`, () => {
    expect(computeIndex(reference, {}).nationalMean).toBe(HAND_OVERALL_MEAN);
  });

  test("the national mean does not depend on the answers", () => {
    const means = [{}, allBest(), allWorst(), { e_file: "in_use" }].map((a: TAnswerSet) => computeIndex(reference, a));
    for (const m of means) {
      expect(m.nationalMean).toBe(HAND_OVERALL_MEAN);
      expect(m.dimensions.map((d) => d.nationalMean)).toEqual(HAND_DIMENSION_MEANS.map(([, v]) => v));
    }
  });
});

describe("the national mean depends only on published shares", () => {
  const derivedOnScored = SCORED.flatMap((q) =>
    q.options.filter((o) => !o.published).map((o) => ({ q: q.id, o: o.id, share: o.share })),
  );

  test.each(derivedOnScored)("data: the derived/unpublished option $q.$o scores 0", ({ q, o }) => {
    const qq = question(q);
    expect(qq.type === "multi" ? scoreAnswer(qq, [o]) : optionScore(qq, o)).toBe(0);
  });

  test.each([
    ["e_file", "neither", 5],
    ["e_file", "neither", 0],
    ["own_position", "unknown", 40],
    ["budget_2021", "unknown", 0],
    ["home_office_future", "unknown", 30],
    ["staff_digital_skills", "unknown", 50],
  ] as const)("changing the derived share of %s.%s to %d in a deep copy changes nothing", (q, o, share) => {
    const before = computeIndex(reference, {});
    const beforeQ = nationalMeanScore(question(q));
    const originalShare = option(q, o).share;
    const copy = mutableReference();
    const opt = question(q, copy).options.find((x) => x.id === o)!;
    expect(opt.published).toBe(false);
    opt.share = share;
    expect(nationalMeanScore(question(q, copy))).toBe(beforeQ);
    expect(computeIndex(copy, {}).nationalMean).toBe(before.nationalMean);
    expect(computeIndex(copy, {}).dimensions).toEqual(before.dimensions);
    // the deep copy left the shared reference untouched
    expect(option(q, o).share).toBe(originalShare);
  });

  test("a null share on a multi-choice exclusive option adds nothing; setting it changes nothing", () => {
    const copy = mutableReference();
    question("pandemic_investments", copy).options.find((o) => o.id === "none")!.share = 20;
    expect(nationalMeanScore(question("pandemic_investments", copy))).toBeCloseTo(0.44, 12);
  });

  test("control: changing a published share does change it (e_file in_use 16 → 26: +10 points on the question)", () => {
    const copy = mutableReference();
    question("e_file", copy).options.find((o) => o.id === "in_use")!.share = 26;
    expect(nationalMeanScore(question("e_file", copy)) * 100).toBeCloseTo(56.5, 9);
    expect(computeIndex(copy, {}).dimensions.find((d) => d.id === "processes")!.nationalMean).toBe(50.0);
  });
});

describe("partial answer sets", () => {
  test("no answers: score null, complete false, national mean still over all questions", () => {
    const index = computeIndex(reference, {});
    expect(index.score).toBeNull();
    expect(index.complete).toBe(false);
    expect(index.nationalMean).toBe(HAND_OVERALL_MEAN);
    for (const d of index.dimensions) {
      expect(d.score).toBeNull();
      expect(d.answered).toBe(0);
    }
  });

  test.each<[string, TAnswerSet, number, Record<string, number | null>]>([
    [
      "one question",
      { e_file: "in_use" },
      100,
      { strategy: null, processes: 100, services: null, capabilities: null, work: null },
    ],
    [
      "two of three in one dimension",
      { e_file: "in_use", e_invoice: "neither" },
      50,
      { processes: 50, strategy: null },
    ],
    // processes = mean(1, 0) = 50, strategy = mean(1) = 100 → index = mean(50, 100) = 75
    [
      "two dimensions",
      { e_file: "in_use", e_invoice: "neither", own_position: "pioneer" },
      75,
      { processes: 50, strategy: 100 },
    ],
    // capabilities = mean(1/3, 0.5) = 41.667 → 41.7; work = mean(0) = 0 → index = 20.833 → 20.8
    [
      "multi and single",
      { pandemic_investments: ["technology"], staff_digital_skills: "about_half", home_office_today: "excluded" },
      20.8,
      { capabilities: 41.7, work: 0 },
    ],
  ])("%s: averages only the answered questions, complete false", (_name, answers, score, dims) => {
    const index = computeIndex(reference, answers);
    expect(index.complete).toBe(false);
    expect(index.score).toBe(score);
    for (const [id, s] of Object.entries(dims)) expect(index.dimensions.find((d) => d.id === id)!.score, id).toBe(s);
    expect(index.nationalMean).toBe(HAND_OVERALL_MEAN);
    const answered = index.dimensions.reduce((s, d) => s + d.answered, 0);
    expect(answered).toBe(Object.keys(answers).length);
  });

  test("answered/total per dimension", () => {
    const index = computeIndex(reference, { e_file: "in_use", e_invoice: "neither" });
    const processes = index.dimensions.find((d) => d.id === "processes")!;
    expect(processes).toMatchObject({ answered: 2, total: 3 });
    expect(index.dimensions.map((d) => d.total)).toEqual([2, 3, 3, 3, 2]);
  });

  test("all scored questions answered, no context question: the index is complete", () => {
    const answers = Object.fromEntries(SCORED.map((q) => [q.id, worstAnswer(q)]));
    expect(computeIndex(reference, answers).complete).toBe(true);
  });

  test("one scored question missing: not complete", () => {
    const answers = allBest();
    delete answers.citizen_app;
    const index = computeIndex(reference, answers);
    expect(index.complete).toBe(false);
    // services = mean(1, 1) over the answered two → still 100
    expect(index.score).toBe(100);
  });
});

describe("context questions are not scored", () => {
  test("context questions exist", () => {
    expect(CONTEXT.length).toBeGreaterThanOrEqual(5);
  });

  const base: TAnswerSet = { e_file: "planned", digital_strategy: "sectoral", pandemic_investments: ["technology"] };
  const contextFirst = Object.fromEntries(
    CONTEXT.map((q) => [q.id, q.type === "multi" ? [q.options[0]!.id] : q.options[0]!.id]),
  );
  const contextLast = Object.fromEntries(
    CONTEXT.map((q) => [
      q.id,
      q.type === "multi" ? nonExclusive(q).map((o) => o.id) : q.options[q.options.length - 1]!.id,
    ]),
  );

  test.each([
    ["first options", contextFirst],
    ["last / all options", contextLast],
  ])("adding context answers (%s) does not change the index", (_name, ctx) => {
    const without = computeIndex(reference, base);
    const withCtx = computeIndex(reference, { ...base, ...ctx });
    expect(withCtx.score).toBe(without.score);
    expect(withCtx.dimensions).toEqual(without.dimensions);
    expect(withCtx.nationalMean).toBe(without.nationalMean);
  });

  test("only context answers: no index", () => {
    expect(computeIndex(reference, contextLast).score).toBeNull();
  });

  test("context questions count in no dimension", () => {
    const total = computeIndex(reference, {}).dimensions.reduce((s, d) => s + d.total, 0);
    expect(total).toBe(SCORED.length);
  });
});

describe("rounding happens once, at the end", () => {
  /*
   * strategy 0 · processes 100 · services (1 + 1 + 0.5)/3 = 83.333 · capabilities (1/3 + 0 + 0.25)/3 = 19.444 · work 0
   * exact mean = 202.777… / 5 = 40.556 → 40.6; averaging the rounded dimensions (83.3, 19.4) would give 40.54 → 40.5.
   */
  const answers: TAnswerSet = {
    own_position: "missed",
    digital_strategy: "none_no_topic",
    e_invoice: "in_use",
    e_file: "in_use",
    e_payment: "in_use",
    online_applications: "in_use",
    online_portal: "in_use",
    citizen_app: "planned",
    pandemic_investments: ["technology"],
    budget_2021: "decrease",
    staff_digital_skills: "few",
    home_office_today: "excluded",
    home_office_future: "none",
  };

  test("index 40.6 from dimensions 0 / 100 / 83.3 / 19.4 / 0", () => {
    const index = computeIndex(reference, answers);
    expect(index.dimensions.map((d) => d.score)).toEqual([0, 100, 83.3, 19.4, 0]);
    expect(index.score).toBe(40.6);
    expect(index.complete).toBe(true);
  });
});
