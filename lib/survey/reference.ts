import raw from "./national-2020.json";
import { ZReference, type TQuestion, type TReference, type TTopic } from "./schema";

/**
 * The national 2020 reference, parsed once per process. Everything that names a question,
 * an option or a label (form, answer schema, benchmark, exports) derives from this value.
 */
export const reference: TReference = ZReference.parse(raw);

export const REFERENCE_ID = reference.id;

const questionsById = new Map<string, TQuestion>(reference.questions.map((q) => [q.id, q]));

export function getQuestion(id: string): TQuestion | undefined {
  return questionsById.get(id);
}

export type TStep = { index: number; topic: TTopic; questions: TQuestion[] };

/** One questionnaire step per topic, in the file's order. */
export const STEPS: TStep[] = reference.topics.map((topic, index) => ({
  index,
  topic,
  questions: reference.questions.filter((q) => q.topic === topic.id),
}));

export function getStepOfQuestion(questionId: string): number {
  return STEPS.findIndex((s) => s.questions.some((q) => q.id === questionId));
}

/** The topics are steps 1…n; the last step is the review page ("Prüfen und absenden"). */
export const TOTAL_STEPS = STEPS.length + 1;
