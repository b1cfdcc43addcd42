import { z } from "zod";
import "../validation/zod-de";
import type { TQuestion } from "./schema";
import { reference } from "./reference";

/**
 * The answer schema, derived from the reference file alone: it accepts exactly the question ids
 * and option ids of the file. Single choice: one option id. Multi choice: a non-empty array of
 * distinct option ids, where an exclusive option ("Nichts davon") stands alone.
 * Used by the form (client), the server actions and the JSON API.
 */

export type TAnswerValue = string | string[];
export type TAnswers = Record<string, TAnswerValue>;

/** The schema of one question's answer, from the question alone (pure: usable with any reference version). */
export function buildValueSchema(q: TQuestion): z.ZodType<TAnswerValue> {
  const ids = q.options.map((o) => o.id) as [string, ...string[]];
  const option = z.enum(ids, { error: "Bitte wählen Sie eine der angebotenen Antworten." });
  if (q.type === "single") return option;
  const exclusive = new Set(q.options.filter((o) => o.exclusive).map((o) => o.id));
  return z
    .array(option, { error: "Bitte wählen Sie mindestens eine Antwort." })
    .min(1, "Bitte wählen Sie mindestens eine Antwort.")
    .max(ids.length, "Jede Antwort kann nur einmal gewählt werden.")
    .refine((v) => new Set(v).size === v.length, "Jede Antwort kann nur einmal gewählt werden.")
    .refine(
      (v) => v.length === 1 || !v.some((id) => exclusive.has(id)),
      `„${q.options.find((o) => o.exclusive)?.label ?? ""}“ lässt sich nicht mit anderen Antworten kombinieren.`,
    );
}

/** A Map, not an object: a key such as "constructor" must not resolve to Object's members. */
const valueSchemas = new Map<string, z.ZodType<TAnswerValue>>(reference.questions.map((q) => [q.id, buildValueSchema(q)]));

/** Any subset of the questions (a partial save). Unknown question ids are rejected. */
export const ZAnswersPartial = z.strictObject(
  Object.fromEntries([...valueSchemas].map(([id, s]) => [id, s.optional()])),
  { error: (iss) => (iss.code === "unrecognized_keys" ? `Unbekannte Frage: ${iss.keys.join(", ")}` : "Die Antworten müssen ein Objekt sein.") },
) as unknown as z.ZodType<Partial<TAnswers>>;

/**
 * A change set (PUT …/answers, autosave): like ZAnswersPartial, but `null` clears an answer,
 * for example when the last box of a multi-choice question is unticked.
 */
export const ZAnswersPatch = z.strictObject(
  Object.fromEntries([...valueSchemas].map(([id, s]) => [id, s.nullable().optional()])),
  { error: (iss) => (iss.code === "unrecognized_keys" ? `Unbekannte Frage: ${iss.keys.join(", ")}` : "Die Antworten müssen ein Objekt sein.") },
) as unknown as z.ZodType<Record<string, TAnswerValue | null | undefined>>;

/** Answers to the questions of one step only (the form validates a step with this). */
export function answersSchemaFor(questionIds: readonly string[]) {
  const entries = questionIds.map((id) => {
    const schema = valueSchemas.get(id);
    if (!schema) throw new Error(`unknown question id: ${id}`);
    return [id, schema] as const;
  });
  return z.object(Object.fromEntries(entries)) as unknown as z.ZodType<TAnswers>;
}

export function getValueSchema(questionId: string): z.ZodType<TAnswerValue> | undefined {
  return valueSchemas.get(questionId);
}

/** Question ids without a valid answer, in questionnaire order. */
export function findUnanswered(answers: Partial<TAnswers>): string[] {
  return reference.questions.filter((q) => !valueSchemas.get(q.id)!.safeParse(answers[q.id]).success).map((q) => q.id);
}
