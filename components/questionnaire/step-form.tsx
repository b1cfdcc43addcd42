"use client";

import { useActionState, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { ChoiceGroup } from "@/components/kern/choice-group";
import { ErrorSummary } from "@/components/kern/error-summary";
import { Alert } from "@/components/kern/alert";
import type { TAnswers } from "@/lib/survey/value-schema";
import { toAnswerValue } from "@/lib/survey/form-answers";
import type { TQuestion } from "@/lib/survey/schema";
import type { TSaveResult, TStepActionState } from "./form-states";
import { Text, VisuallyHidden } from "@/components/kern/typography";
import { Button } from "@/components/kern/button";
import { Badge } from "@/components/kern/badge";

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
  saveStep: (prev: TStepActionState, form: FormData) => Promise<TStepActionState>;
  /** A follow-up's answers taken over from the year before and not yet confirmed: marked until changed or saved. */
  carriedOver?: { year: number; questionIds: readonly string[] };
};

type TLazyResolver = Resolver<TAnswers> & { preload: () => void };

/**
 * The step's zod resolver, loaded when it is first needed: zod and the schema are not part of the
 * page's first load (the questionnaire must stay light on a phone). The form starts loading them on
 * the first focus or pointer contact, long before "Weiter" asks for a validation. Should the chunk
 * not load (connection lost), the step is not blocked: the answers are saved anyway, and the review
 * page lists open questions.
 */
function lazyStepResolver(questions: TQuestion[]): TLazyResolver {
  let loading: Promise<Resolver<TAnswers> | null> | null = null;
  const load = () =>
    (loading ??= Promise.all([import("@hookform/resolvers/zod"), import("@/lib/survey/value-schema")]).then(
      ([{ zodResolver }, { buildStepSchema }]) =>
        zodResolver(buildStepSchema(questions) as never) as unknown as Resolver<TAnswers>,
      () => {
        loading = null; // try again next time
        return null;
      },
    ));
  const resolver: Resolver<TAnswers> = async (values, context, options) => {
    const resolve = await load();
    return resolve ? resolve(values, context, options) : { values, errors: {} };
  };
  return Object.assign(resolver, { preload: () => void load() });
}

type TSaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "error"; message: string; stale: boolean };

/**
 * One step of the questionnaire. Every change is saved at once (autosave, serialised so that
 * versions follow each other); "Weiter" validates the step with the schema derived from the
 * reference file. Without JavaScript the form posts to a server action instead.
 */
export function StepForm(props: TProps) {
  const { token, questions, initialAnswers, initialVersion, autosave } = props;
  const router = useRouter();
  const [actionState, formAction] = useActionState(props.saveStep, {});
  const version = useRef(initialVersion);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [status, setStatus] = useState<TSaveStatus>({ kind: "idle" });
  const [versionField, setVersionField] = useState(initialVersion);
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const carried = new Set(props.carriedOver?.questionIds ?? []);

  const resolver = useMemo(() => lazyStepResolver(questions), [questions]);
  const defaults = Object.fromEntries(
    questions.map((q) => [q.id, initialAnswers[q.id] ?? (q.type === "multi" ? [] : null)]),
  ) as TAnswers;
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors, submitCount },
  } = useForm<TAnswers>({ shouldFocusError: false, defaultValues: defaults, resolver });

  const save = useCallback(
    (answers: Record<string, string | string[] | null>) => {
      const run = async () => {
        setStatus({ kind: "saving" });
        const result = await autosave(token, version.current, answers);
        if (result.ok) {
          version.current = result.version;
          setVersionField(result.version);
          setStatus({ kind: "saved", at: new Date() });
        } else {
          setStatus({ kind: "error", message: result.message, stale: result.status === 409 });
        }
        return result.ok;
      };
      const next = queue.current.then(run, run);
      queue.current = next;
      return next;
    },
    [autosave, token],
  );

  useEffect(() => {
    const sub = watch((values, { name }) => {
      const q = questions.find((x) => x.id === name);
      if (!q) return;
      void save({ [q.id]: toAnswerValue(q, values[q.id]) });
    });
    return () => sub.unsubscribe();
  }, [watch, questions, save]);

  const fieldError = (id: string) => {
    const e = errors[id];
    return (e?.message as string | undefined) ?? actionState.fieldErrors?.[id];
  };
  const summary = questions
    .map((q, i) => ({
      fieldId: `frage-${q.id}`,
      message: fieldError(q.id) ? `Frage ${i + 1}: ${fieldError(q.id)}` : "",
    }))
    .filter((e) => e.message);

  const goNext = handleSubmit(async () => {
    const saved = await queue.current;
    if (saved === false && status.kind === "error") return;
    router.push(props.nextHref);
  });

  return (
    <form
      action={formAction}
      noValidate
      className="stack"
      onSubmit={(e) => void goNext(e)}
      onFocus={resolver.preload}
      onPointerDown={resolver.preload}
      onChange={(e) => {
        const name = (e.target as unknown as HTMLInputElement).name;
        if (carried.has(name) && !changed.has(name)) setChanged(new Set([...changed, name]));
      }}
    >
      {(submitCount > 0 || actionState.fieldErrors) && summary.length > 0 ? <ErrorSummary errors={summary} /> : null}
      {actionState.message && !actionState.fieldErrors ? (
        <Alert tone="danger" title={actionState.message} role="alert" />
      ) : null}
      <input type="hidden" name="version" value={versionField} />
      {questions.map((q, i) => (
        <ChoiceGroup
          key={q.id}
          id={`frage-${q.id}`}
          name={q.id}
          legend={
            <>
              <VisuallyHidden>Frage {i + 1}: </VisuallyHidden>
              {q.text}
              {carried.has(q.id) && !changed.has(q.id) ? (
                <>
                  {" "}
                  <Badge tone="info" small className="carried-over">
                    aus {props.carriedOver!.year} übernommen
                  </Badge>
                </>
              ) : null}
            </>
          }
          hint={q.hint}
          type={q.type === "single" ? "radio" : "checkbox"}
          choices={q.options.map((o) => ({ value: o.id, label: o.label }))}
          error={fieldError(q.id)}
          inputProps={() => register(q.id)}
        />
      ))}
      <Text size="small" className="save-status" role="status" aria-live="polite">
        {status.kind === "saving" ? "Wird gespeichert …" : null}
        {status.kind === "saved"
          ? `Alle Antworten gespeichert (${status.at.toLocaleTimeString("de-DE", { hour: "2-digit", minute: "2-digit" })} Uhr).`
          : null}
      </Text>
      {status.kind === "error" ? (
        <Alert tone="danger" title="Ihre letzte Änderung wurde nicht gespeichert" role="alert">
          <Text>{status.message}</Text>
          {status.stale ? (
            <Button variant="secondary" onClick={() => window.location.reload()}>
              Aktuellen Stand laden
            </Button>
          ) : null}
        </Alert>
      ) : null}
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
