import type { TQuestion, TReference, TIndexDimension } from "../survey/schema";
import { buildValueSchema, type TAnswerValue } from "../survey/answer-schema";
import type { TSizeClass } from "../profile/size-class";
import { computeIndex, type TIndex } from "./scoring";
import { levelOf, type TLevel } from "./levels";
import { buildStatements, type TStatement } from "./statements";
import { computePosition } from "./position";
import { recommend, type TRecommendation } from "./recommendations";

export const DIMENSION_LABELS: Record<TIndexDimension, string> = {
  strategy: "Strategie",
  processes: "Prozesse",
  services: "Dienste",
  capabilities: "Ressourcen",
  work: "Arbeitsorganisation",
};

export type TBenchmarkItem = {
  questionId: string;
  answer: string | string[];
  /** Single choice: the share of the chosen option (null where none exists). */
  share?: number | null;
  /** Multi choice: the share of each chosen option. */
  shares?: Record<string, number | null>;
  /** All sentences joined; `statements` has them one by one. */
  statement: string;
  statements: TStatement[];
  /** Ordinal questions: % of municipalities with a lower answer. */
  ahead: number | null;
  derived: boolean;
};

export type TBenchmark = {
  referenceId: string;
  complete: boolean;
  index: Omit<TIndex, "dimensions"> & {
    level: TLevel | null;
    nationalLevel: TLevel;
    dimensions: (TIndex["dimensions"][number] & { label: string })[];
  };
  items: TBenchmarkItem[];
  recommendations: TRecommendation[];
  unanswered: string[];
};

const valueSchemas = new WeakMap<TQuestion, ReturnType<typeof buildValueSchema>>();

/**
 * Only answers that are valid for the given reference count: stored answers can refer to options a
 * newer reference no longer has; such an answer is treated as unanswered, never as a score of 0.
 */
export function keepValidAnswers(
  ref: TReference,
  answers: Partial<Record<string, TAnswerValue>>,
): Partial<Record<string, TAnswerValue>> {
  const valid: Partial<Record<string, TAnswerValue>> = {};
  for (const q of ref.questions) {
    if (!Object.hasOwn(answers, q.id)) continue;
    let schema = valueSchemas.get(q);
    if (!schema) valueSchemas.set(q, (schema = buildValueSchema(q)));
    if (schema.safeParse(answers[q.id]).success) valid[q.id] = answers[q.id];
  }
  return valid;
}

/** The whole benchmark of one answer set against the national 2020 reference. Pure. */
export function computeBenchmark(
  ref: TReference,
  input: { answers: Partial<Record<string, TAnswerValue>>; sizeClass?: TSizeClass },
): TBenchmark {
  const { sizeClass } = input;
  const answers = keepValidAnswers(ref, input.answers);
  const index = computeIndex(ref, answers);
  const items: TBenchmarkItem[] = ref.questions.flatMap((q): TBenchmarkItem[] => {
    const answer = answers[q.id];
    if (answer === undefined) return [];
    const statements = buildStatements(q, answer, sizeClass);
    const position = computePosition(q, answer);
    const base: Omit<TBenchmarkItem, "share" | "shares"> = {
      questionId: q.id,
      answer,
      statement: statements.map((s) => s.text).join(" "),
      statements,
      ahead: position.ahead,
      derived: statements.some((s) => s.derived) || position.derived,
    };
    if (Array.isArray(answer)) {
      const shares = Object.fromEntries(answer.map((id) => [id, q.options.find((o) => o.id === id)?.share ?? null]));
      return [{ ...base, shares }];
    }
    return [{ ...base, share: q.options.find((o) => o.id === answer)?.share ?? null }];
  });
  return {
    referenceId: ref.id,
    complete: index.complete && items.length === ref.questions.length,
    index: {
      ...index,
      level: index.score === null ? null : levelOf(index.score),
      nationalLevel: levelOf(index.nationalMean),
      dimensions: index.dimensions.map((d) => ({ ...d, label: DIMENSION_LABELS[d.id] })),
    },
    items,
    recommendations: recommend(ref, answers),
    unanswered: ref.questions.filter((q) => answers[q.id] === undefined).map((q) => q.id),
  };
}
