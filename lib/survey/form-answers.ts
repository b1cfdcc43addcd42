import type { TQuestion } from "./schema";
import type { TAnswerValue } from "./value-schema";

/** The step form's hidden field: the ids of the questions it showed with an answer, separated by spaces. */
export const SHOWN_FIELD = "angezeigt";

/**
 * The answers of one step as posted by its form: a radio group gives one value, a checkbox
 * group gives all ticked values. A question posted without a value clears its stored answer only when
 * the form showed that answer (listed in SHOWN_FIELD: the user took it away); otherwise it is left out,
 * so that no post ever removes an answer the form did not show.
 */
export function formDataToStepAnswers(
  form: FormData,
  questions: readonly TQuestion[],
): Record<string, TAnswerValue | null> {
  const rawShown = form.get(SHOWN_FIELD);
  const shown = new Set(typeof rawShown === "string" ? rawShown.split(" ") : []);
  const answers: Record<string, TAnswerValue | null> = {};
  for (const q of questions) {
    const values = form.getAll(q.id).filter((v): v is string => typeof v === "string" && v !== "");
    if (values.length > 0) answers[q.id] = q.type === "single" ? values[0]! : values;
    else if (shown.has(q.id)) answers[q.id] = null;
  }
  return answers;
}
