import { array, enum as zEnum, maxLength, minLength, object, refine, type ZodMiniType } from "zod/mini";
import type { TQuestion } from "./schema";

/**
 * The schema of one answer, built from the question alone. Written with `zod/mini` and free of
 * the reference file, so that the questionnaire form can validate a step in the browser with the
 * very same rules as the server (lib/survey/answer-schema.ts) without shipping zod's full API or
 * the whole reference: the browser bundle carries only what a step needs.
 *
 * Single choice: one option id. Multi choice: a non-empty array of distinct option ids, where an
 * exclusive option ("Nichts davon") stands alone.
 */

export type TAnswerValue = string | string[];
export type TAnswers = Record<string, TAnswerValue>;
export type TValueSchema = ZodMiniType<TAnswerValue>;

const MSG_CHOOSE = "Bitte wählen Sie eine der angebotenen Antworten.";
const MSG_AT_LEAST_ONE = "Bitte wählen Sie mindestens eine Antwort.";
const MSG_ONCE = "Jede Antwort kann nur einmal gewählt werden.";

export function buildValueSchema(q: Pick<TQuestion, "type" | "options">): TValueSchema {
  const ids = q.options.map((o) => o.id) as [string, ...string[]];
  const option = zEnum(ids, { error: MSG_CHOOSE });
  if (q.type === "single") return option;
  const exclusive = new Set(q.options.filter((o) => o.exclusive).map((o) => o.id));
  const exclusiveLabel = q.options.find((o) => o.exclusive)?.label ?? "";
  return array(option, { error: MSG_AT_LEAST_ONE }).check(
    minLength(1, MSG_AT_LEAST_ONE),
    maxLength(ids.length, MSG_ONCE),
    refine((v) => new Set(v).size === v.length, MSG_ONCE),
    refine(
      (v) => v.length === 1 || !v.some((id) => exclusive.has(id)),
      `„${exclusiveLabel}“ lässt sich nicht mit anderen Antworten kombinieren.`,
    ),
  );
}

/** Every question of one step answered validly (the form's "Weiter"); other keys are ignored. */
export function buildStepSchema(
  questions: readonly Pick<TQuestion, "id" | "type" | "options">[],
): ZodMiniType<TAnswers> {
  return object(Object.fromEntries(questions.map((q) => [q.id, buildValueSchema(q)])), {
    error: "Die Antworten müssen ein Objekt sein.",
  }) as unknown as ZodMiniType<TAnswers>;
}
