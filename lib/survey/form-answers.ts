import type { TQuestion } from "./schema";
import type { TAnswerValue } from "./value-schema";

/**
 * The answers of one step as posted by its form: a radio group gives one value, a checkbox
 * group gives all ticked values. An unanswered question becomes null (clears a stored answer).
 */
export function formDataToStepAnswers(
  form: FormData,
  questions: readonly TQuestion[],
): Record<string, TAnswerValue | null> {
  const answers: Record<string, TAnswerValue | null> = {};
  for (const q of questions) {
    const values = form.getAll(q.id).filter((v): v is string => typeof v === "string" && v !== "");
    answers[q.id] = values.length === 0 ? null : q.type === "single" ? values[0]! : values;
  }
  return answers;
}

/** A form value (react-hook-form gives false, a string or a string array) as an answer or null. */
export function toAnswerValue(question: TQuestion, raw: unknown): TAnswerValue | null {
  if (question.type === "single") return typeof raw === "string" && raw !== "" ? raw : null;
  const list = Array.isArray(raw)
    ? raw.filter((v): v is string => typeof v === "string")
    : typeof raw === "string" && raw
      ? [raw]
      : [];
  return list.length > 0 ? list : null;
}
