"use client";

import { Fragment, useActionState, useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from "react";
import { useRouter } from "next/navigation";
import { ChoiceGroup } from "@/components/kern/choice-group";
import { ErrorSummary } from "@/components/kern/error-summary";
import { Alert } from "@/components/kern/alert";
import type { TAnswers, TAnswerValue } from "@/lib/survey/value-schema";
import { SHOWN_FIELD } from "@/lib/survey/form-answers";
import type { TQuestion } from "@/lib/survey/schema";
import type { TCurrentAnswers, TSaveResult, TStepActionState } from "./form-states";
import { Text, VisuallyHidden } from "@/components/kern/typography";
import { Button } from "@/components/kern/button";
import { Badge } from "@/components/kern/badge";
import { questionAnchor } from "@/lib/assessment/paths";

type TProps = {
  token: string;
  questions: TQuestion[];
  initialAnswers: Partial<TAnswers>;
  initialVersion: number;
  backHref: string;
  nextHref: string;
  overviewHref: string;
  isLastStep: boolean;
  /** The last step's button (default "Weiter zur Prüfung"; a colleague has no review: "Fertig"). */
  lastStepLabel?: string;
  autosave: (token: string, version: number, answers: Record<string, string | string[] | null>) => Promise<TSaveResult>;
  loadCurrent: (token: string) => Promise<TCurrentAnswers | null>;
  saveStep: (prev: TStepActionState, form: FormData) => Promise<TStepActionState>;
  /** A follow-up's answers taken over from the year before and not yet confirmed: marked until changed or saved. */
  carriedOver?: { label: string; questionIds: readonly string[] };
};

/** Per question the ticked option ids: posted values (a failed post) over stored answers. */
function shownAnswers(
  questions: readonly TQuestion[],
  stored: Partial<TAnswers>,
  posted: Record<string, string[]> | undefined,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const q of questions) {
    const value = posted?.[q.id] ?? stored[q.id];
    if (value == null) continue;
    out[q.id] = Array.isArray(value) ? [...value] : [value];
  }
  return out;
}

/** Per question the first message of what is wrong with its answer; empty when the step is valid. */
type TFieldErrors = Record<string, string>;
type TLazyValidator = ((values: Record<string, TAnswerValue | null>) => Promise<TFieldErrors>) & {
  preload: () => void;
};

/**
 * The step's validation with the schema derived from the reference file (lib/survey/value-schema.ts, the
 * server's rules), loaded when it is first needed: zod and the schema are not part of the page's first
 * load (the questionnaire must stay light on a phone). The form starts loading them on the first focus
 * or pointer contact, long before "Weiter" asks for a validation. Should the chunk not load (connection
 * lost), the step is not blocked: the answers are saved anyway, and the review page lists open questions.
 */
function lazyStepValidator(questions: TQuestion[]): TLazyValidator {
  type TCheck = (values: Record<string, TAnswerValue | null>) => TFieldErrors;
  let loading: Promise<TCheck | null> | null = null;
  const load = () =>
    (loading ??= import("@/lib/survey/value-schema").then(
      ({ buildStepSchema }): TCheck => {
        const schema = buildStepSchema(questions);
        return (values) => {
          const errors: TFieldErrors = {};
          const parsed = schema.safeParse(values);
          if (parsed.success) return errors;
          for (const issue of parsed.error.issues) {
            const id = issue.path[0];
            if (typeof id === "string" && !(id in errors)) errors[id] = issue.message;
          }
          return errors;
        };
      },
      () => {
        loading = null; // try again next time
        return null;
      },
    ));
  const validate = async (values: Record<string, TAnswerValue | null>) => (await load())?.(values) ?? {};
  return Object.assign(validate, { preload: () => void load() });
}

/** The inputs of one question in the form (its radio buttons or checkboxes). */
function inputsOf(form: HTMLFormElement | null, questionId: string): HTMLInputElement[] {
  if (!form) return [];
  return Array.from(form.elements).filter(
    (el): el is HTMLInputElement => el instanceof HTMLInputElement && el.name === questionId,
  );
}

/** A question's answer as the form shows it: the ticked option (single) or options (multi); null when none. */
function readAnswer(form: HTMLFormElement | null, q: TQuestion): TAnswerValue | null {
  const ticked = inputsOf(form, q.id)
    .filter((input) => input.checked)
    .map((input) => input.value);
  if (ticked.length === 0) return null;
  return q.type === "single" ? ticked[0]! : ticked;
}

/** Shows an answer in the form (ticks exactly its options). Setting `checked` fires no change event. */
function showAnswer(form: HTMLFormElement | null, questionId: string, value: string | string[] | null): void {
  const values = value == null ? [] : Array.isArray(value) ? value : [value];
  for (const input of inputsOf(form, questionId)) input.checked = values.includes(input.value);
}

type TSaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date; questionId: string | null }
  | { kind: "updated"; at: Date; questionId: string | null; moved: string[] }
  | { kind: "error"; message: string; questionId: string | null };

type TRaw = Record<string, string | string[] | null>;

/** Two answers alike (a multi-choice answer in any order; nothing and an empty list alike). */
function sameAnswer(a: string | string[] | null | undefined, b: string | string[] | null | undefined): boolean {
  const list = (v: typeof a) => (v == null ? [] : Array.isArray(v) ? [...v].sort() : [v]);
  return list(a).join("\u0000") === list(b).join("\u0000");
}

/**
 * One step of the questionnaire. Every change is saved at once (autosave, serialised so that
 * versions follow each other); "Weiter" validates the step with the schema derived from the
 * reference file. Without JavaScript the form posts to a server action instead.
 *
 * A save that meets a newer version (another window, the same person's earlier tab, a page shown again
 * by Back or Forward) is not an error by itself: the form loads the stored state, takes over what changed
 * elsewhere on this step (and says so) and saves the change again on the new version. Only a refusal that
 * cannot be resolved that way (submitted meanwhile, rate limit, no connection) is shown as an error, beside
 * the question and in the status bar that stays in view.
 */
export function StepForm(props: TProps) {
  const { token, questions, initialAnswers, initialVersion, autosave, loadCurrent } = props;
  const router = useRouter();
  const [actionState, formAction] = useActionState(props.saveStep, {});
  const formRef = useRef<HTMLFormElement>(null);
  const version = useRef(initialVersion);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  /** What this form believes is stored for its questions (to tell a change elsewhere from its own). */
  const stored = useRef<TRaw>(Object.fromEntries(questions.map((q) => [q.id, initialAnswers[q.id] ?? null])));
  const [status, setStatus] = useState<TSaveStatus>({ kind: "idle" });
  const [versionField, setVersionField] = useState(initialVersion);
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const carried = new Set(props.carriedOver?.questionIds ?? []);

  const validator = useMemo(() => lazyStepValidator(questions), [questions]);
  /** Messages of the last validation (after the first "Weiter"; then again after every change). */
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [submitCount, setSubmitCount] = useState(0);
  // What the form shows: the stored answers, and over them what a failed post without JavaScript sent
  // (kept, so that a refused save never loses what was ticked).
  const shown = shownAnswers(questions, initialAnswers, actionState.values);
  const readAll = useCallback(
    () => Object.fromEntries(questions.map((q) => [q.id, readAnswer(formRef.current, q)])),
    [questions],
  );

  /** Takes the stored state over into the form (except the questions in `keep`); returns the questions that moved. */
  const adopt = useCallback(
    (current: TCurrentAnswers, keep: ReadonlySet<string>) => {
      const moved: string[] = [];
      for (const q of questions) {
        const value = current.answers[q.id] ?? null;
        if (keep.has(q.id)) continue;
        if (!sameAnswer(value, stored.current[q.id])) moved.push(q.id);
        stored.current[q.id] = value;
        showAnswer(formRef.current, q.id, value);
      }
      version.current = current.version;
      setVersionField(current.version);
      return moved;
    },
    [questions],
  );

  const save = useCallback(
    (answers: TRaw) => {
      const questionId = Object.keys(answers)[0] ?? null;
      const offline: TSaveResult = {
        ok: false,
        status: 0,
        message: "Der Server war nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und speichern Sie noch einmal.",
      };
      const send = () => autosave(token, version.current, answers).catch(() => offline);
      const run = async () => {
        setStatus({ kind: "saving" });
        let result = await send();
        let moved: string[] = [];
        if (!result.ok && result.status === 409 && result.currentVersion !== undefined) {
          // A newer version: take over the stored state, then save this change on it.
          const current = await loadCurrent(token).catch(() => null);
          if (current) {
            moved = adopt(current, new Set(Object.keys(answers)));
            result = await send();
          }
        }
        if (result.ok) {
          version.current = result.version;
          setVersionField(result.version);
          Object.assign(stored.current, answers);
          setStatus(
            moved.length > 0
              ? { kind: "updated", at: new Date(), questionId, moved }
              : { kind: "saved", at: new Date(), questionId },
          );
        } else {
          setStatus({ kind: "error", message: result.message, questionId });
        }
        return result.ok;
      };
      const next = queue.current.then(run, run);
      queue.current = next;
      return next;
    },
    [autosave, loadCurrent, adopt, token],
  );

  // Shown again from the browser's history (Back, Forward, the back-forward cache), the page may hold
  // answers older than the stored ones: compare once when the form appears and whenever it is shown again.
  useEffect(() => {
    const refresh = () => {
      queue.current = queue.current.then(async () => {
        const current = await loadCurrent(token).catch(() => null);
        if (current && current.version !== version.current) adopt(current, new Set());
      });
    };
    refresh();
    const onShow = (e: PageTransitionEvent) => {
      if (e.persisted) refresh();
    };
    window.addEventListener("pageshow", onShow);
    return () => window.removeEventListener("pageshow", onShow);
  }, [adopt, loadCurrent, token]);

  // A link to one question (an open one, from the review or the overview) lands on it: the browser scrolls to the
  // fieldset (also without JavaScript); here it also takes the focus, on its chosen or first option.
  useEffect(() => {
    const focusQuestion = () => {
      const target = decodeURIComponent(window.location.hash.slice(1));
      if (!questions.some((q) => questionAnchor(q.id) === target)) return;
      const field = document.getElementById(target);
      if (!field) return;
      field.scrollIntoView({ block: "start" });
      (field.querySelector<HTMLInputElement>("input:checked") ?? field.querySelector<HTMLInputElement>("input"))?.focus(
        {
          preventScroll: true,
        },
      );
    };
    focusQuestion();
    window.addEventListener("hashchange", focusQuestion);
    return () => window.removeEventListener("hashchange", focusQuestion);
  }, [questions]);

  // A notice beside the question must be seen: bring it into view (the tapped question may sit at the bottom).
  useEffect(() => {
    if (status.kind === "error" || status.kind === "updated")
      document.getElementById("speicherhinweis")?.scrollIntoView({ block: "nearest" });
  }, [status]);

  /** A ticked or unticked option: its question is saved at once (and checked again after a "Weiter"). */
  const onChange = (e: ChangeEvent<HTMLFormElement>) => {
    const name = (e.target as unknown as HTMLInputElement).name;
    if (carried.has(name) && !changed.has(name)) setChanged(new Set([...changed, name]));
    const q = questions.find((x) => x.id === name);
    if (!q) return;
    void save({ [q.id]: readAnswer(formRef.current, q) });
    if (submitCount > 0) void validator(readAll()).then(setErrors);
  };

  const fieldError = (id: string) => errors[id] ?? actionState.fieldErrors?.[id];
  const summary = questions
    .map((q, i) => ({
      fieldId: questionAnchor(q.id),
      message: fieldError(q.id) ? `Frage ${i + 1}: ${fieldError(q.id)}` : "",
    }))
    .filter((e) => e.message);

  const goNext = async () => {
    const found = await validator(readAll());
    setErrors(found);
    setSubmitCount((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    const saved = await queue.current;
    if (saved === false && status.kind === "error") return;
    router.push(props.nextHref);
  };

  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      className="stack"
      onSubmit={(e) => {
        // With JavaScript the step is validated and saved here; the server action is the path without it.
        e.preventDefault();
        void goNext();
      }}
      onFocus={validator.preload}
      onPointerDown={validator.preload}
      onChange={onChange}
    >
      {(submitCount > 0 || actionState.fieldErrors) && summary.length > 0 ? <ErrorSummary errors={summary} /> : null}
      {actionState.message && summary.length === 0 ? (
        <Alert tone="danger" title={actionState.message} role="alert" />
      ) : null}
      {/* Enter in a field submits the form through its first submit button: that must be "Weiter", not
          "Zurück" (the visible buttons keep their reading order). Hidden from the keyboard and from
          assistive technology; it only takes implicit submission. */}
      <Button type="submit" name="intent" value="next" className="kern-sr-only" tabIndex={-1} aria-hidden="true">
        {props.isLastStep ? "Weiter zur Prüfung" : "Weiter"}
      </Button>
      <input type="hidden" name="version" value={versionField} />
      {/* The questions this form showed with an answer: without JavaScript, only these may be cleared. */}
      <input
        type="hidden"
        name={SHOWN_FIELD}
        value={questions
          .filter((q) => (shown[q.id]?.length ?? 0) > 0)
          .map((q) => q.id)
          .join(" ")}
      />
      {questions.map((q, i) => (
        <Fragment key={q.id}>
          <ChoiceGroup
            id={questionAnchor(q.id)}
            name={q.id}
            legend={
              <>
                <VisuallyHidden>Frage {i + 1}: </VisuallyHidden>
                {q.text}
                {carried.has(q.id) && !changed.has(q.id) ? (
                  <>
                    {" "}
                    <Badge tone="info" small className="carried-over">
                      aus {props.carriedOver!.label} übernommen
                    </Badge>
                  </>
                ) : null}
              </>
            }
            hint={q.hint}
            type={q.type === "single" ? "radio" : "checkbox"}
            choices={q.options.map((o) => ({ value: o.id, label: o.label }))}
            error={fieldError(q.id)}
            // The shown state is in the HTML itself, so that it is there without JavaScript.
            inputProps={(choice) => ({ defaultChecked: shown[q.id]?.includes(choice.value) ?? false })}
          />
          {status.kind === "error" && status.questionId === q.id ? (
            <Alert tone="danger" title={`Ihre Antwort auf Frage ${i + 1} wurde nicht gespeichert`} id="speicherhinweis">
              <Text>{status.message}</Text>
              <Button variant="secondary" onClick={() => void save({ [q.id]: readAnswer(formRef.current, q) })}>
                Noch einmal speichern
              </Button>
            </Alert>
          ) : null}
          {status.kind === "updated" && status.questionId === q.id ? (
            <Alert tone="info" title={`Ihre Antwort auf Frage ${i + 1} ist gespeichert`} id="speicherhinweis">
              <Text>
                {status.moved.length === 1 ? "Frage " : "Fragen "}
                {status.moved.map((id) => questions.findIndex((x) => x.id === id) + 1).join(", ")} dieses Schritts
                {status.moved.length === 1 ? " wurde" : " wurden"} inzwischen an anderer Stelle geändert; oben sehen Sie
                jetzt den gespeicherten Stand.
              </Text>
            </Alert>
          ) : null}
        </Fragment>
      ))}
      {/* The save status stays in view (sticky at the bottom of the screen) while the step is filled in. */}
      <div className={`save-bar${status.kind === "error" ? " save-bar--error" : ""}`}>
        <Text size="small" className="save-status" role="status" aria-live="polite">
          {status.kind === "saving" ? "Wird gespeichert …" : null}
          {status.kind === "saved" || status.kind === "updated"
            ? `Alle Antworten gespeichert (${status.at.toLocaleTimeString("de-DE", { hour: "2-digit", minute: "2-digit" })} Uhr).`
            : null}
          {status.kind === "error" ? (
            <>
              <strong>Nicht gespeichert.</strong>{" "}
              <a className="kern-link" href="#speicherhinweis">
                {status.questionId
                  ? `Frage ${questions.findIndex((x) => x.id === status.questionId) + 1}: ${status.message}`
                  : status.message}
              </a>
            </>
          ) : null}
        </Text>
      </div>
      <div className="button-row button-row--spread">
        <Button
          variant="secondary"
          icon="back"
          type="submit"
          name="intent"
          value="back"
          onClick={(e) => {
            e.preventDefault();
            void queue.current.then(() => router.push(props.backHref));
          }}
        >
          Zurück
        </Button>
        <Button icon="forward" type="submit" name="intent" value="next">
          {props.isLastStep ? (props.lastStepLabel ?? "Weiter zur Prüfung") : "Weiter"}
        </Button>
      </div>
      <Text size="small">
        <Button
          variant="tertiary"
          type="submit"
          name="intent"
          value="overview"
          onClick={(e) => {
            e.preventDefault();
            void queue.current.then(() => router.push(props.overviewHref));
          }}
        >
          Zur Übersicht – später weitermachen
        </Button>
      </Text>
    </form>
  );
}
