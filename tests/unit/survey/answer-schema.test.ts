import { afterEach, describe, expect, test } from "vitest";
import {
  ZAnswersPartial,
  ZAnswersPatch,
  findUnanswered,
  getValueSchema,
  type TAnswers,
} from "@/lib/survey/answer-schema";
import { reference, STEPS } from "@/lib/survey/reference";
import { buildStepSchema } from "@/lib/survey/value-schema";

const ENGLISH = /\b(Expected|Invalid|Unrecognized|Required|received|must|option|input)\b/;

/** Every question answered with its first option (single) or first non-exclusive option (multi). */
function completeAnswers(): TAnswers {
  return Object.fromEntries(
    reference.questions.map((q) => [
      q.id,
      q.type === "single" ? q.options[0]!.id : [q.options.find((o) => !o.exclusive)!.id],
    ]),
  );
}

function messagesOf(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.error?.issues.map((i) => i.message) ?? [];
}

const everyOption = reference.questions.flatMap((q) => q.options.map((o) => [q.id, o.id, q.type] as const));

describe("accepted answers", () => {
  test("the file has single and multi questions", () => {
    expect(reference.questions.some((q) => q.type === "single")).toBe(true);
    expect(reference.questions.some((q) => q.type === "multi")).toBe(true);
  });

  test.each(everyOption)("%s = %s (%s)", (qid, oid, type) => {
    const value = type === "single" ? oid : [oid];
    expect(ZAnswersPartial.safeParse({ [qid]: value }).success).toBe(true);
    expect(ZAnswersPatch.safeParse({ [qid]: value }).success).toBe(true);
    expect(getValueSchema(qid)!.safeParse(value).success).toBe(true);
  });

  test("an empty object is a valid partial answer set", () => {
    expect(ZAnswersPartial.safeParse({}).success).toBe(true);
  });

  test("a complete answer set is accepted", () => {
    const answers = completeAnswers();
    expect(ZAnswersPartial.parse(answers)).toEqual(answers);
  });

  test.each(reference.questions.filter((q) => q.type === "multi").map((q) => [q.id, q] as const))(
    "multi %s: all non-exclusive options together are accepted",
    (_id, q) => {
      const ids = q.options.filter((o) => !o.exclusive).map((o) => o.id);
      expect(ZAnswersPartial.safeParse({ [q.id]: ids }).success).toBe(true);
    },
  );

  test("a single-choice option id sent for a multi question as a one-element array of another question is not mixed up", () => {
    // "in_use" exists on e_file, not on obstacles
    expect(ZAnswersPartial.safeParse({ obstacles: ["in_use"] }).success).toBe(false);
  });
});

describe("rejected answers, each with a German message at the question's path", () => {
  const CASES: [string, unknown, string][] = [
    ["unknown option id (single)", { e_file: "yes" }, "e_file"],
    ["unknown option id (multi)", { obstacles: ["lack_of_funds", "bad_weather"] }, "obstacles"],
    ["multi given as a string", { obstacles: "lack_of_funds" }, "obstacles"],
    ["multi given as an empty array", { obstacles: [] }, "obstacles"],
    ["multi with a duplicate", { obstacles: ["other", "other"] }, "obstacles"],
    [
      "exclusive option combined with another",
      { pandemic_investments: ["none", "technology"] },
      "pandemic_investments",
    ],
    [
      "exclusive option combined, other order",
      { pandemic_investments: ["technology", "none"] },
      "pandemic_investments",
    ],
    ["single given as an array", { e_file: ["in_use"] }, "e_file"],
    ["single given as a number", { e_file: 1 }, "e_file"],
    ["single given as an object", { e_file: { id: "in_use" } }, "e_file"],
    ["single given as null", { e_file: null }, "e_file"],
    ["single given as empty string", { e_file: "" }, "e_file"],
    ["single given as boolean", { e_file: true }, "e_file"],
    ["multi given as a number", { obstacles: 1 }, "obstacles"],
    ["multi given as an object", { obstacles: { 0: "other" } }, "obstacles"],
    ["multi given as null", { obstacles: null }, "obstacles"],
    ["multi with a number inside", { obstacles: [1] }, "obstacles"],
    ["option id with different case", { e_file: "IN_USE" }, "e_file"],
    ["option id with whitespace", { e_file: " in_use" }, "e_file"],
  ];

  test.each(CASES)("%s", (_name, input, questionId) => {
    const result = ZAnswersPartial.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.every((i) => i.path[0] === questionId)).toBe(true);
    for (const m of messagesOf(result)) expect(m).not.toMatch(ENGLISH);
  });

  test("the exclusive option alone is accepted, its combination message names it", () => {
    expect(ZAnswersPartial.safeParse({ pandemic_investments: ["none"] }).success).toBe(true);
    const combined = ZAnswersPartial.safeParse({ pandemic_investments: ["none", "technology"] });
    expect(messagesOf(combined).join(" ")).toContain("Nichts davon");
  });

  test.each(
    reference.questions.flatMap((q) => q.options.filter((o) => o.exclusive).map((o) => [q.id, o.id, q] as const)),
  )("exclusive %s/%s: alone accepted, with any other option rejected", (qid, oid, q) => {
    expect(ZAnswersPartial.safeParse({ [qid]: [oid] }).success).toBe(true);
    for (const other of q.options.filter((o) => o.id !== oid)) {
      expect(ZAnswersPartial.safeParse({ [qid]: [oid, other.id] }).success).toBe(false);
    }
  });

  test("unknown question id: rejected with a German message naming it", () => {
    const result = ZAnswersPartial.safeParse({ e_file: "in_use", favourite_colour: "blue" });
    expect(result.success).toBe(false);
    expect(messagesOf(result).join(" ")).toContain("favourite_colour");
    expect(messagesOf(result).join(" ")).toMatch(/Unbekannte Frage/);
  });

  test.each([
    ["an array", []],
    ["a string", "e_file"],
    ["a number", 42],
    ["null", null],
  ])("the answers as %s are rejected with a German message", (_name, input) => {
    const result = ZAnswersPartial.safeParse(input);
    expect(result.success).toBe(false);
    expect(messagesOf(result).join(" ")).toMatch(/Antworten/);
    for (const m of messagesOf(result)) expect(m).not.toMatch(ENGLISH);
  });
});

describe("ZAnswersPatch", () => {
  test("null clears an answer, single and multi", () => {
    expect(ZAnswersPatch.parse({ e_file: null, obstacles: null })).toEqual({ e_file: null, obstacles: null });
  });

  test("but ZAnswersPartial refuses null", () => {
    expect(ZAnswersPartial.safeParse({ e_file: null }).success).toBe(false);
  });

  test.each([
    ["unknown question", { nope: null }],
    ["unknown option", { e_file: "yes" }],
    ["empty array (clearing is null, not [])", { obstacles: [] }],
    ["exclusive combined", { obstacles: ["none", "other"] }],
  ])("still rejects %s", (_name, input) => {
    const result = ZAnswersPatch.safeParse(input);
    expect(result.success).toBe(false);
    for (const m of messagesOf(result)) expect(m).not.toMatch(ENGLISH);
  });
});

describe("prototype pollution", () => {
  afterEach(() => {
    // in case a failing parser did pollute: clean up, so other tests are not affected
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  test.each([
    ['{"__proto__": {"polluted": "yes"}}', "__proto__"],
    ['{"constructor": {"prototype": {"polluted": "yes"}}}', "constructor"],
    ['{"e_file": "in_use", "__proto__": {"polluted": "yes"}}', "__proto__"],
    ['{"e_file": "in_use", "constructor": "x"}', "constructor"],
    ['{"toString": "x"}', "toString"],
    ['{"hasOwnProperty": ["x"]}', "hasOwnProperty"],
  ])("%s is rejected and Object.prototype stays clean", (json, key) => {
    for (const schema of [ZAnswersPartial, ZAnswersPatch]) {
      const result = schema.safeParse(JSON.parse(json));
      expect(result.success).toBe(false);
      expect(messagesOf(result).join(" ")).toContain(key);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
    }
  });

  test("getValueSchema knows only question ids, not inherited object keys", () => {
    expect(getValueSchema("e_file")).toBeDefined();
    expect(getValueSchema("no_such_question")).toBeUndefined();
    // BUG (lib/survey/answer-schema.ts): valueSchemas is a plain object, so inherited keys leak
    // through: getValueSchema("constructor") returns the Object function, "__proto__" Object.prototype.
    expect(getValueSchema("constructor")).toBeUndefined();
    expect(getValueSchema("toString")).toBeUndefined();
    expect(getValueSchema("__proto__")).toBeUndefined();
  });
});

describe("buildStepSchema: the step form's schema, built in the browser from the page's questions", () => {
  test.each(STEPS.map((s) => [s.topic.id, s.questions] as const))(
    "step %s requires each of its questions",
    (_topic, questions) => {
      const ids = questions.map((q) => q.id);
      const schema = buildStepSchema(JSON.parse(JSON.stringify(questions)));
      const all = completeAnswers();
      const own = Object.fromEntries(ids.map((id) => [id, all[id]!]));
      expect(schema.parse(own)).toEqual(own);
      for (const missing of ids) {
        const { [missing]: _dropped, ...rest } = own;
        const result = schema.safeParse(rest);
        expect(result.success).toBe(false);
        expect(result.error!.issues.map((i) => i.path.join("."))).toEqual([missing]);
        for (const m of messagesOf(result)) expect(m).not.toMatch(ENGLISH);
      }
    },
  );

  test("answers to questions of other steps are neither required nor passed through", () => {
    const schema = buildStepSchema(["e_file", "e_payment"].map((id) => reference.questions.find((q) => q.id === id)!));
    expect(schema.parse({ e_file: "in_use", e_payment: "planned", obstacles: ["other"] })).toEqual({
      e_file: "in_use",
      e_payment: "planned",
    });
    expect(schema.safeParse({ e_file: "in_use" }).success).toBe(false);
    expect(schema.safeParse({ e_file: "in_use", e_payment: "sometimes" }).success).toBe(false);
  });
});

describe("buildStepSchema: messages", () => {
  test("an empty multi-choice answer and an exclusive option combined get their German messages", () => {
    const q = reference.questions.find((x) => x.type === "multi" && x.options.some((o) => o.exclusive))!;
    const schema = buildStepSchema([q]);
    expect(messagesOf(schema.safeParse({ [q.id]: [] }))).toEqual(["Bitte wählen Sie mindestens eine Antwort."]);
    const exclusive = q.options.find((o) => o.exclusive)!;
    const other = q.options.find((o) => !o.exclusive)!;
    expect(messagesOf(schema.safeParse({ [q.id]: [exclusive.id, other.id] }))).toEqual([
      `„${exclusive.label}“ lässt sich nicht mit anderen Antworten kombinieren.`,
    ]);
  });
});

describe("findUnanswered", () => {
  const fileOrder = reference.questions.map((q) => q.id);

  test("on {} returns every question id in file order", () => {
    expect(findUnanswered({})).toEqual(fileOrder);
    expect(findUnanswered({})).toHaveLength(reference.questions.length);
  });

  test("on a complete valid set returns []", () => {
    expect(findUnanswered(completeAnswers())).toEqual([]);
  });

  test("an invalid answer counts as unanswered, others are kept in file order", () => {
    const answers = { ...completeAnswers(), e_file: "yes", obstacles: [] as string[] };
    delete (answers as Partial<TAnswers>).citizen_app;
    expect(findUnanswered(answers)).toEqual(
      fileOrder.filter((id) => ["e_file", "obstacles", "citizen_app"].includes(id)),
    );
  });
});
