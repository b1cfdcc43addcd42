"use server";

import { redirect } from "next/navigation";
import { saveAnswers } from "@/lib/assessment/save-answers";
import { submitAssessment } from "@/lib/assessment/submit-assessment";
import { reopenAssessment } from "@/lib/assessment/reopen-assessment";
import { editPath, resultsPath, reviewPath, stepPath } from "@/lib/assessment/paths";
import { toSaveResult } from "@/app/a/[token]/save-result";
import { STEPS } from "@/lib/survey/reference";
import { formDataToStepAnswers } from "@/lib/survey/form-answers";
import type { TAnswerValue } from "@/lib/survey/answer-schema";
import { lookUpAssessment, withTokenGuard } from "@/lib/assessment/guarded-lookup";
import { renewToken } from "@/lib/assessment/renew-token";
import { deleteAssessment } from "@/lib/assessment/delete-assessment";
import { saveTargets } from "@/lib/assessment/save-targets";
import { createFollowUp } from "@/lib/assessment/create-follow-up";
import { targetQuestions } from "@/lib/benchmark/targets";
import { reference } from "@/lib/survey/reference";
import { verifyAssessment } from "@/lib/assessment/verify-assessment";
import { currentClientId, limitAction } from "@/lib/http/action-client";
import { describeError, issuesOf, type TAssessmentError } from "@/lib/errors";
import type { TResult } from "@/lib/result";
import { toFieldErrors } from "@/lib/validation/zod-de";
import type {
  TCurrentAnswers,
  TManageState,
  TSaveResult,
  TStepActionState,
  TSubmitState,
  TTargetsState,
} from "@/components/questionnaire/form-states";

/** Every action that writes: the write rate limit, then the token guard (counts unknown tokens). */
async function guardedWrite<T>(
  token: string,
  run: () => Promise<TResult<T, TAssessmentError>>,
): Promise<TResult<T, TAssessmentError>> {
  const limit = await limitAction("write");
  if (!limit.ok) return { ok: false, error: { kind: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds } };
  return withTokenGuard(await currentClientId(), run, token);
}

/** Autosave of one or more answers (the questionnaire calls it on every change). */
export async function autosaveAnswersAction(
  token: string,
  version: number,
  answers: Record<string, TAnswerValue | null>,
): Promise<TSaveResult> {
  const result = await saveAnswers(token, await currentClientId(), { readable: true, value: { version, answers } });
  return toSaveResult(result);
}

/**
 * The stored state of an assessment for the step form: its version and answers. The form asks for it when
 * it was shown from the browser's history (Back, Forward) and when a save met a newer version, so that it
 * never builds on answers that are no longer stored. An unknown link counts as a miss like every lookup.
 */
export async function currentAnswersAction(token: string): Promise<TCurrentAnswers | null> {
  const found = await lookUpAssessment(token, await currentClientId());
  if (!found.ok || found.value.status !== "draft") return null;
  return { version: found.value.version, answers: found.value.answers };
}

/**
 * The step form's post without JavaScript: saves the step's answers, then goes where the pressed
 * button says. "Weiter" requires a complete step; "Zurück" and "Später weitermachen" do not. A question
 * left empty clears only an answer the form showed (formDataToStepAnswers). When the step stays (open
 * questions, a refused save), the form shows again what was ticked, stored or not.
 */
export async function saveStepAction(
  token: string,
  stepIndex: number,
  _prev: TStepActionState,
  form: FormData,
): Promise<TStepActionState> {
  const step = STEPS[stepIndex];
  if (!step) return { message: "Diesen Schritt gibt es nicht." };
  const answers = formDataToStepAnswers(form, step.questions);
  const values = Object.fromEntries(
    step.questions.map((q) => {
      const a = answers[q.id];
      return [q.id, a == null ? [] : Array.isArray(a) ? a : [a]];
    }),
  );
  const version = Number(form.get("version"));
  const intent = form.get("intent");
  const result = await saveAnswers(token, await currentClientId(), { readable: true, value: { version, answers } });
  if (!result.ok) {
    const message =
      result.error.kind === "stale_version"
        ? "Diese Selbsteinschätzung wurde inzwischen an anderer Stelle geändert; Ihre Auswahl ist noch nicht gespeichert. Sie ist unten noch markiert: Bitte prüfen Sie sie und senden Sie sie noch einmal."
        : describeError(result.error);
    return { message, fieldErrors: toFieldErrors(issuesOf(result.error), "answers."), values };
  }
  if (intent === "next") {
    const open = step.questions.filter((q) => answers[q.id] == null);
    if (open.length > 0) {
      const fieldErrors = Object.fromEntries(open.map((q) => [q.id, "Bitte beantworten Sie diese Frage."]));
      return { message: "Bitte beantworten Sie alle Fragen dieses Schritts.", fieldErrors, values };
    }
  }
  const stepNumber = stepIndex + 1;
  if (intent === "back") redirect(stepNumber > 1 ? stepPath(token, stepNumber - 1) : editPath(token));
  if (intent === "next") redirect(stepNumber < STEPS.length ? stepPath(token, stepNumber + 1) : reviewPath(token));
  redirect(editPath(token));
}

export async function submitAction(token: string, _prev: TSubmitState, _form: FormData): Promise<TSubmitState> {
  const result = await guardedWrite(token, () => submitAssessment(token));
  if (!result.ok) {
    return {
      message: describeError(result.error),
      unanswered: result.error.kind === "incomplete" ? result.error.unanswered : undefined,
    };
  }
  redirect(`${editPath(token)}?abgeschlossen=1`);
}

export async function reopenAction(token: string): Promise<void> {
  const result = await guardedWrite(token, () => reopenAssessment(token));
  if (!result.ok) redirect(editPath(token));
  redirect(stepPath(token, 1));
}

/** "Link erneuern": the old link stops working at once; the new one is shown like a new assessment's. */
export async function renewAction(token: string, _prev: TManageState, _form: FormData): Promise<TManageState> {
  const result = await guardedWrite(token, () => renewToken(token));
  if (!result.ok) return { message: describeError(result.error) };
  redirect(`${editPath(result.value.token)}?neu=1&erneuert=1`);
}

/** "Daten löschen": only with the confirmation box ticked; afterwards the link finds nothing. */
export async function deleteAction(token: string, _prev: TManageState, form: FormData): Promise<TManageState> {
  if (form.get("confirm") !== "yes")
    return { message: "Bitte bestätigen Sie, dass die Daten endgültig gelöscht werden sollen." };
  const scope = form.get("scope") === "all" ? "all" : "latest";
  const result = await guardedWrite(token, () => deleteAssessment(token, scope));
  if (!result.ok) return { message: describeError(result.error) };
  // With a year before, the link opens that one again.
  redirect(result.value.linkKept ? `${editPath(token)}?jahr-geloescht=1` : "/geloescht");
}

/** "Teilnahmecode eingeben" on the overview: binds the assessment to its municipality of the register. */
export async function verifyAction(token: string, _prev: TManageState, form: FormData): Promise<TManageState> {
  const code = form.get("code");
  const client = await currentClientId();
  const result = await guardedWrite(token, () => verifyAssessment(token, typeof code === "string" ? code : "", client));
  if (!result.ok) return { message: describeError(result.error) };
  redirect(`${editPath(token)}?bestaetigt=1`);
}

/**
 * "Neue Selbsteinschätzung beginnen": the next year's draft, pre-filled; the link passes to it. A refusal
 * (a draft is already open, too many requests) comes back to the overview with its kind, never with text:
 * the page words it (followUpHint), so that a crafted link cannot put words on it.
 */
export async function followUpAction(token: string): Promise<void> {
  const result = await guardedWrite(token, () => createFollowUp(token));
  if (!result.ok) {
    const e = result.error;
    redirect(
      `${editPath(token)}?hinweis=${e.kind}${e.kind === "rate_limited" ? `&warten=${e.retryAfterSeconds}` : ""}`,
    );
  }
  redirect(`${editPath(token)}?folgejahr=1`);
}

/**
 * The targets form (/a/{token}/ziele): per scored question "ziel-<id>" (an option or empty), "jahr-<id>" and
 * "verantwortlich-<id>". Saves all at once; on failure the form shows the messages and keeps what was typed.
 */
export async function saveTargetsAction(token: string, _prev: TTargetsState, form: FormData): Promise<TTargetsState> {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const values: NonNullable<TTargetsState["values"]> = {};
  const targets: Record<string, { option: string; year: number; responsible: string }> = {};
  for (const q of targetQuestions(reference)) {
    const option = text(`ziel-${q.id}`).trim();
    const year = text(`jahr-${q.id}`).trim();
    const responsible = text(`verantwortlich-${q.id}`);
    values[q.id] = { option, year, responsible };
    if (option === "") continue;
    targets[q.id] = { option, year: /^\d{4}$/.test(year) ? Number(year) : Number.NaN, responsible };
  }
  const version = Number(text("version"));
  const result = await guardedWrite(token, () => saveTargets(token, { version, targets }));
  if (result.ok) redirect(`${resultsPath(token)}?ziele=1#massnahmenplan`);
  if (result.error.kind === "stale_version")
    return {
      message:
        "Die Selbsteinschätzung wurde inzwischen an anderer Stelle geändert, Ihre Ziele sind noch nicht gespeichert. Ihre Eingaben stehen noch im Formular: Bitte prüfen Sie sie und speichern Sie noch einmal.",
      values,
      version: result.error.currentVersion,
    };
  const fieldErrors: Record<string, string> = {};
  for (const issue of issuesOf(result.error) ?? []) {
    const m = /^targets\.([a-z0-9_]+)(?:\.(option|year|responsible))?$/.exec(issue.path);
    if (!m) continue;
    const field = m[2] === "year" ? "jahr" : m[2] === "responsible" ? "verantwortlich" : "ziel";
    fieldErrors[`${field}-${m[1]}`] ??= issue.message;
  }
  return { message: describeError(result.error), fieldErrors, values };
}
