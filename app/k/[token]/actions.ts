"use server";

import { redirect } from "next/navigation";
import { colleaguePath, colleagueStepPath } from "@/lib/assessment/paths";
import { toSaveResult } from "@/app/a/[token]/save-result";
import { STEPS } from "@/lib/survey/reference";
import { formDataToStepAnswers } from "@/lib/survey/form-answers";
import { saveColleagueAnswers } from "@/lib/colleagues/save-colleague-answers";
import { withLinkGuard } from "@/lib/colleagues/guard";
import { SKIP } from "@/lib/colleagues/api-schemas";
import { currentClientId } from "@/lib/http/action-client";
import { toFieldErrors } from "@/lib/validation/zod-de";
import type { TCurrentAnswers, TSaveResult, TStepActionState } from "@/components/questionnaire/form-states";
import { getColleagueView } from "@/lib/colleagues/get-colleague-view";
import { toFormAnswers, withSkipOption } from "@/lib/colleagues/skip-option";
import { describeError, issuesOf } from "@/lib/errors";

/** The step form sends a skipped multi-choice question as ["skip"]; the use case takes "skip". */
function withSkip(answers: Record<string, string | string[] | null>): Record<string, string | string[] | null> {
  return Object.fromEntries(
    Object.entries(answers).map(([q, v]) => [q, Array.isArray(v) && v.length === 1 && v[0] === SKIP ? SKIP : v]),
  );
}

/** The write limit, the token-miss limit and the save in one step, as the lead's autosave (saveColleagueAnswers). */
async function save(token: string, version: number, answers: Record<string, string | string[] | null>) {
  return saveColleagueAnswers(token, await currentClientId(), {
    readable: true,
    value: { version, answers: withSkip(answers) },
  });
}

/**
 * A colleague's stored answers for the step form (after Back/Forward, after a stale save), as the lead's
 * currentAnswersAction: null for an unknown, revoked, expired or closed link.
 */
export async function colleagueCurrentAnswersAction(token: string): Promise<TCurrentAnswers | null> {
  const found = await withLinkGuard(await currentClientId(), () => getColleagueView(token));
  if (!found.ok || found.value.status !== "open") return null;
  return {
    version: found.value.version,
    answers: toFormAnswers(withSkipOption(STEPS.flatMap((s) => s.questions)), found.value.answers),
  };
}

/** A colleague's autosave (the same step form as the lead's, with their own save target). */
export async function colleagueAutosaveAction(
  token: string,
  version: number,
  answers: Record<string, string | string[] | null>,
): Promise<TSaveResult> {
  const result = await save(token, version, answers);
  return toSaveResult(result);
}

/** A colleague's step without JavaScript: saves, then goes where the pressed button says. */
export async function colleagueSaveStepAction(
  token: string,
  stepIndex: number,
  _prev: TStepActionState,
  form: FormData,
): Promise<TStepActionState> {
  const step = STEPS[stepIndex];
  if (!step) return { message: "Diesen Schritt gibt es nicht." };
  const answers = formDataToStepAnswers(form, step.questions);
  const version = Number(form.get("version"));
  const intent = form.get("intent");
  const result = await save(token, version, answers);
  if (!result.ok) {
    return { message: describeError(result.error), fieldErrors: toFieldErrors(issuesOf(result.error), "answers.") };
  }
  const stepNumber = stepIndex + 1;
  if (intent === "back") redirect(stepNumber > 1 ? colleagueStepPath(token, stepNumber - 1) : colleaguePath(token));
  if (intent === "next" && stepNumber < STEPS.length) redirect(colleagueStepPath(token, stepNumber + 1));
  redirect(`${colleaguePath(token)}${intent === "next" ? "?fertig=1" : ""}`);
}
