import { z } from "zod";
import "../validation/zod-de";
import { reference } from "./reference";
import { buildValueSchema, type TAnswers, type TAnswerValue, type TValueSchema } from "./value-schema";

/**
 * The answer schema, derived from the reference file alone (the rules per answer live in
 * ./value-schema, shared with the browser): it accepts exactly the question ids
 * and option ids of the file. Single choice: one option id. Multi choice: a non-empty array of
 * distinct option ids, where an exclusive option ("Nichts davon") stands alone.
 * Used by the server actions and the JSON API; the form validates a step with ./value-schema.
 */

export type { TAnswerValue, TAnswers } from "./value-schema";
export { buildValueSchema } from "./value-schema";

/** A Map, not an object: a key such as "constructor" must not resolve to Object's members. */
const valueSchemas = new Map<string, TValueSchema>(reference.questions.map((q) => [q.id, buildValueSchema(q)]));

/** Any subset of the questions (a partial save). Unknown question ids are rejected. */
export const ZAnswersPartial = z.strictObject(
  Object.fromEntries([...valueSchemas].map(([id, s]) => [id, z.optional(s)])),
  {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `Unbekannte Frage: ${iss.keys.join(", ")}`
        : "Die Antworten müssen ein Objekt sein.",
  },
) as unknown as z.ZodType<Partial<TAnswers>>;

/**
 * A change set (PUT …/answers, autosave): like ZAnswersPartial, but `null` clears an answer,
 * for example when the last box of a multi-choice question is unticked.
 */
export const ZAnswersPatch = z.strictObject(
  Object.fromEntries([...valueSchemas].map(([id, s]) => [id, z.optional(z.nullable(s))])),
  {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `Unbekannte Frage: ${iss.keys.join(", ")}`
        : "Die Antworten müssen ein Objekt sein.",
  },
) as unknown as z.ZodType<Record<string, TAnswerValue | null | undefined>>;

export function getValueSchema(questionId: string): TValueSchema | undefined {
  return valueSchemas.get(questionId);
}

/** Question ids without a valid answer, in questionnaire order. */
export function findUnanswered(answers: Partial<TAnswers>): string[] {
  return reference.questions.filter((q) => !valueSchemas.get(q.id)!.safeParse(answers[q.id]).success).map((q) => q.id);
}
