import { describe, expect, test } from "vitest";
import {
  countWords,
  estimateDurationMinutes,
  PROFILE_MINUTES,
  READING_WORDS_PER_MINUTE,
  SECONDS_PER_DECISION,
} from "@/lib/survey/duration";
import { reference } from "@/lib/survey/reference";
import type { TQuestion, TReference } from "@/lib/survey/schema";

/** A tiny reference whose words are counted by hand. */
function tiny(questions: TQuestion[]): TReference {
  return {
    ...reference,
    topics: [{ id: "t", title: "Zwei Wörter", intro: "Hier sind drei" }], // 2 + 3 words
    questions,
  };
}
const Q1: TQuestion = {
  id: "q1",
  topic: "t",
  dimension: "context",
  type: "single",
  text: "Eins  zwei\tdrei\nvier", // 4 words, mixed whitespace
  hint: "Ein Hinweis", // 2 words
  options: [
    { id: "a", label: "Ja", share: 50, published: true }, // 1
    { id: "b", label: "Nein, nie", share: 50, published: true }, // 2
  ],
};
const wordyQuestion = (id: string, words: number): TQuestion => ({
  ...Q1,
  id,
  hint: undefined,
  text: Array.from({ length: words }, (_, i) => `w${i}`).join(" "),
  options: [
    { id: "a", label: "x", share: null, published: false },
    { id: "b", label: "y", share: null, published: false },
  ],
});

describe("the documented constants", () => {
  test("150 words per minute, 10 seconds per decision, 1 minute for the profile", () => {
    expect(READING_WORDS_PER_MINUTE).toBe(150);
    expect(SECONDS_PER_DECISION).toBe(10);
    expect(PROFILE_MINUTES).toBe(1);
  });
});

describe("countWords", () => {
  test("counts topic titles and intros, question texts, hints and option labels", () => {
    expect(countWords(tiny([Q1]))).toBe(5 + 4 + 2 + 1 + 2);
  });

  test("ignores leading and trailing whitespace", () => {
    expect(countWords(tiny([{ ...Q1, text: "  vier Wörter hier stehen  " }]))).toBe(14);
  });

  test("does not count the statementSubject, subject or ids", () => {
    expect(countWords(tiny([{ ...Q1, subject: "die E-Akte", statementSubject: "viele viele Wörter" }]))).toBe(14);
  });
});

describe("estimateDurationMinutes", () => {
  test("tiny reference, by hand: ceil(14/150 + 10/60 + 1) = 2", () => {
    expect(estimateDurationMinutes(tiny([Q1]))).toBe(2);
  });

  test("by hand at a boundary: 150 words + 6 decisions + profile = exactly 3 minutes, not rounded up to 4", () => {
    // topic 5 words, six questions of (texts) + 2 one-word labels each: 5 + 6*(t+2) = 150 → t = 22.1… → use exact counts
    // 5 + 6 * 2 (labels) = 17; 133 words more spread over the texts: 22,22,22,22,22,23
    const questions = [22, 22, 22, 22, 22, 23].map((n, i) => wordyQuestion(`q${i}`, n));
    const ref = tiny(questions);
    expect(countWords(ref)).toBe(150);
    expect(estimateDurationMinutes(ref)).toBe(3); // 150/150 + 6*10/60 + 1 = 3.0
    questions[0] = wordyQuestion("q0", 23); // one word more → 3.0067 → 4
    expect(estimateDurationMinutes(tiny(questions))).toBe(4);
  });

  test("the real questionnaire: a positive integer matching the documented formula", () => {
    const minutes = estimateDurationMinutes(reference);
    expect(Number.isInteger(minutes)).toBe(true);
    expect(minutes).toBeGreaterThan(0);
    // independent count: every whitespace-separated word of the visible text
    const words = (s?: string) =>
      (s ?? "")
        .trim()
        .split(/\s+/)
        .filter((w) => w.length > 0).length;
    const n =
      reference.topics.reduce((s, t) => s + words(t.title) + words(t.intro), 0) +
      reference.questions.reduce(
        (s, q) => s + words(q.text) + words(q.hint) + q.options.reduce((m, o) => m + words(o.label), 0),
        0,
      );
    expect(countWords(reference)).toBe(n);
    expect(minutes).toBe(Math.ceil(n / 150 + (reference.questions.length * 10) / 60 + 1));
    // a sanity range for a questionnaire of about twenty questions
    expect(minutes).toBeGreaterThanOrEqual(5);
    expect(minutes).toBeLessThanOrEqual(20);
  });

  test("never shrinks when a question is added, and grows with enough of them", () => {
    const base = estimateDurationMinutes(reference);
    const one = { ...reference, questions: [...reference.questions, wordyQuestion("extra_0", 10)] };
    expect(estimateDurationMinutes(one)).toBeGreaterThanOrEqual(base);
    const long = { ...reference, questions: [...reference.questions, wordyQuestion("extra_1", 150)] };
    expect(estimateDurationMinutes(long)).toBeGreaterThan(base);
    const six = {
      ...reference,
      questions: [...reference.questions, ...Array.from({ length: 6 }, (_, i) => wordyQuestion(`extra_${i}`, 10))],
    };
    // six decisions alone add a whole minute
    expect(estimateDurationMinutes(six)).toBeGreaterThan(base);
  });
});
