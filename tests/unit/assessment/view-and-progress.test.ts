import { describe, expect, test } from "vitest";
import { rowsToAnswers } from "@/lib/survey/answer-rows";
import { computeProgress } from "@/lib/assessment/progress";
import type { TAssessmentError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/errors";
import type { THttpError } from "@/lib/errors";
import { findUnanswered, type TAnswers } from "@/lib/survey/answer-schema";
import { reference, STEPS, TOTAL_STEPS } from "@/lib/survey/reference";

const ENGLISH = /\b(Expected|Invalid|not found|error|Error|Conflict|Unprocessable|Payload|Too Large|received)\b/;

function completeAnswers(): TAnswers {
  return Object.fromEntries(
    reference.questions.map((q) => [
      q.id,
      q.type === "single" ? q.options[0]!.id : [q.options.find((o) => !o.exclusive)!.id],
    ]),
  );
}

describe("rowsToAnswers", () => {
  test("single choice gives a string", () => {
    expect(rowsToAnswers([{ questionId: "e_file", optionId: "planned" }])).toEqual({ e_file: "planned" });
  });

  test("multi choice gives an array in the file's option order, whatever the row order", () => {
    // file order of biggest_challenges: finances, housing, childcare, demography, digital_transformation, other
    const rows = ["other", "childcare", "finances", "digital_transformation"].map((optionId) => ({
      questionId: "biggest_challenges",
      optionId,
    }));
    expect(rowsToAnswers(rows)).toEqual({
      biggest_challenges: ["finances", "childcare", "digital_transformation", "other"],
    });
    expect(rowsToAnswers([...rows].reverse())).toEqual({
      biggest_challenges: ["finances", "childcare", "digital_transformation", "other"],
    });
  });

  test("a multi choice of one option is still an array", () => {
    expect(rowsToAnswers([{ questionId: "obstacles", optionId: "none" }])).toEqual({ obstacles: ["none"] });
  });

  test.each([
    ["unknown question", [{ questionId: "retired_question", optionId: "yes" }], {}],
    ["unknown option of a known single question", [{ questionId: "e_file", optionId: "retired" }], {}],
    [
      "unknown option next to a known one",
      [
        { questionId: "obstacles", optionId: "retired" },
        { questionId: "obstacles", optionId: "other" },
      ],
      { obstacles: ["other"] },
    ],
    [
      "a duplicate row",
      [
        { questionId: "obstacles", optionId: "other" },
        { questionId: "obstacles", optionId: "other" },
      ],
      { obstacles: ["other"] },
    ],
    [
      "prototype keys",
      [
        { questionId: "__proto__", optionId: "x" },
        { questionId: "constructor", optionId: "x" },
      ],
      {},
    ],
  ])("drops %s", (_name, rows, expected) => {
    const answers = rowsToAnswers(rows);
    expect(answers).toEqual(expected);
    expect(Object.keys(answers)).toEqual(Object.keys(expected));
  });

  test("no rows, no answers", () => {
    expect(rowsToAnswers([])).toEqual({});
  });

  test("a complete answer set survives the round trip through rows, keys in file order", () => {
    const answers = completeAnswers();
    const rows = Object.entries(answers)
      .flatMap(([questionId, v]) => (Array.isArray(v) ? v : [v]).map((optionId) => ({ questionId, optionId })))
      .reverse();
    const back = rowsToAnswers(rows);
    expect(back).toEqual(answers);
    expect(Object.keys(back)).toEqual(reference.questions.map((q) => q.id));
    expect(findUnanswered(back)).toEqual([]);
  });
});

describe("computeProgress", () => {
  const stepSizes = STEPS.map((s) => s.questions.length);
  const total = reference.questions.length;

  test("the questionnaire has one step per topic plus the review step", () => {
    expect(STEPS).toHaveLength(reference.topics.length);
    expect(TOTAL_STEPS).toBe(reference.topics.length + 1);
    expect(stepSizes.reduce((a, b) => a + b, 0)).toBe(total);
  });

  test("empty answers: nothing answered, step 1 is the first open one", () => {
    const p = computeProgress({});
    expect(p).toMatchObject({ answered: 0, total, firstOpenStep: 1 });
    expect(p.steps.map((s) => [s.stepNumber, s.answered, s.total])).toEqual(stepSizes.map((n, i) => [i + 1, 0, n]));
    expect(p.steps.map((s) => s.open)).toEqual(STEPS.map((s) => s.questions.map((q) => q.id)));
    expect(p.steps.map((s) => s.title)).toEqual(reference.topics.map((t) => t.title));
  });

  test("complete answers: everything answered, no open step", () => {
    const p = computeProgress(completeAnswers());
    expect(p).toMatchObject({ answered: total, total, firstOpenStep: null });
    expect(p.steps.every((s) => s.answered === s.total && s.open.length === 0)).toBe(true);
  });

  test.each(STEPS.map((s, i) => [i + 1, s] as const))(
    "steps before %d complete: it is the first open step",
    (stepNumber, step) => {
      const all = completeAnswers();
      const before = STEPS.slice(0, stepNumber - 1).flatMap((s) => s.questions.map((q) => q.id));
      const answers = Object.fromEntries(before.map((id) => [id, all[id]!]));
      const p = computeProgress(answers);
      expect(p.firstOpenStep).toBe(stepNumber);
      expect(p.answered).toBe(before.length);
      expect(p.steps[stepNumber - 1]).toMatchObject({ answered: 0, total: step.questions.length });
    },
  );

  test("partial: one answer per step, plus an invalid answer that does not count", () => {
    const all = completeAnswers();
    const firstOfEach = STEPS.map((s) => s.questions[0]!.id);
    const answers: Record<string, unknown> = Object.fromEntries(firstOfEach.map((id) => [id, all[id]!]));
    const secondOfStep2 = STEPS[1]!.questions[1]!;
    answers[secondOfStep2.id] = "not_an_option";
    const p = computeProgress(answers as TAnswers);
    expect(p.answered).toBe(STEPS.length);
    expect(p.steps.map((s) => s.answered)).toEqual(STEPS.map(() => 1));
    expect(p.steps[1]!.open).toContain(secondOfStep2.id);
    expect(p.firstOpenStep).toBe(STEPS.findIndex((s) => s.questions.length > 1) + 1);
  });

  test("only the last topic step open", () => {
    const all = completeAnswers();
    const last = STEPS[STEPS.length - 1]!;
    const lastQ = last.questions[last.questions.length - 1]!.id;
    const { [lastQ]: _left, ...answers } = all;
    const p = computeProgress(answers);
    expect(p).toMatchObject({ answered: total - 1, firstOpenStep: STEPS.length });
    expect(p.steps[STEPS.length - 1]!.open).toEqual([lastQ]);
  });
});

describe("toErrorResponse", () => {
  const CASES: [string, number, TAssessmentError | THttpError][] = [
    [
      "invalid_input",
      422,
      {
        kind: "invalid_input",
        issues: [{ path: "answers.e_file", message: "Bitte wählen Sie eine der angebotenen Antworten." }],
      },
    ],
    [
      "invalid_query",
      422,
      { kind: "invalid_query", issues: [{ path: "state", message: "Bitte wählen Sie ein Bundesland aus der Liste." }] },
    ],
    ["assessment_not_found", 404, { kind: "assessment_not_found" }],
    ["not_found", 404, { kind: "not_found" }],
    ["stale_version", 409, { kind: "stale_version", currentVersion: 7 }],
    ["assessment_submitted", 409, { kind: "assessment_submitted" }],
    ["incomplete", 422, { kind: "incomplete", unanswered: ["e_file", "obstacles"] }],
    ["payload_too_large", 413, { kind: "payload_too_large", limitBytes: 64 * 1024 }],
    ["invalid_json", 422, { kind: "invalid_json" }],
    ["unsupported_media_type", 415, { kind: "unsupported_media_type" }],
  ];

  test.each(CASES)("%s → %d with a German message", (_kind, status, error) => {
    const r = toErrorResponse(error);
    expect(r.status).toBe(status);
    expect(typeof r.body.error).toBe("string");
    expect(r.body.error.length).toBeGreaterThan(10);
    expect(r.body.error).not.toMatch(ENGLISH);
    expect(r.body.error).toMatch(/[äöüßÄÖÜ]|\b(die|der|das|Sie|ist|sind|nicht|Bitte|Anfrage|Angaben)\b/);
  });

  test("invalid_input keeps the issues and names the first field", () => {
    const issues = [
      { path: "answers.e_file", message: "Bitte wählen Sie eine der angebotenen Antworten." },
      { path: "answers.obstacles", message: "Bitte wählen Sie mindestens eine Antwort." },
    ];
    const r = toErrorResponse({ kind: "invalid_input", issues });
    expect(r.body.issues).toEqual(issues);
    expect(r.body.error).toContain("answers.e_file");
    expect(r.body.error).toContain("Bitte wählen Sie eine der angebotenen Antworten.");
    expect(r.body.error).toMatch(/Weitere Fehler: 1/);
  });

  test("invalid_input without issues still has a German message", () => {
    expect(toErrorResponse({ kind: "invalid_input", issues: [] }).body.error).toBe("Die Angaben sind ungültig.");
  });

  test("stale_version reports the current version", () => {
    expect(toErrorResponse({ kind: "stale_version", currentVersion: 7 }).body.currentVersion).toBe(7);
  });

  test("incomplete lists the unanswered ids, each as an issue at answers.<id> with the question text", () => {
    const r = toErrorResponse({ kind: "incomplete", unanswered: ["e_file", "obstacles"] });
    expect(r.body.unanswered).toEqual(["e_file", "obstacles"]);
    expect(r.body.issues).toEqual([
      {
        path: "answers.e_file",
        message: expect.stringContaining(reference.questions.find((q) => q.id === "e_file")!.text),
      },
      {
        path: "answers.obstacles",
        message: expect.stringContaining(reference.questions.find((q) => q.id === "obstacles")!.text),
      },
    ]);
    expect(r.body.error).toContain("2");
  });

  test("incomplete with a single open question is grammatical German (1 Frage, not 1 Fragen)", () => {
    // BUG (lib/http/errors.ts): "Es sind noch 1 Fragen offen." for one open question.
    const r = toErrorResponse({ kind: "incomplete", unanswered: ["e_file"] });
    expect(r.body.error).not.toMatch(/\b1 Fragen\b/);
    expect(r.body.error).toMatch(/\b1 Frage\b/);
  });

  test("payload_too_large names the limit in KB", () => {
    expect(toErrorResponse({ kind: "payload_too_large", limitBytes: 64 * 1024 }).body.error).toContain("64 KB");
  });

  test("not-found responses do not reveal whether the assessment ever existed", () => {
    expect(toErrorResponse({ kind: "assessment_not_found" }).body).toEqual(toErrorResponse({ kind: "not_found" }).body);
    expect(toErrorResponse({ kind: "assessment_not_found" }).body.issues).toBeUndefined();
  });
});
