"use client";

import { useActionState } from "react";
import { RESPONSIBLE_MAX_CHARS } from "@/lib/benchmark/target-limits";
import { ErrorSummary } from "@/components/kern/error-summary";
import { SelectField } from "@/components/kern/select-field";
import { TextField } from "@/components/kern/text-field";
import { Badge } from "@/components/kern/badge";
import { Alert } from "@/components/kern/alert";
import { Button } from "@/components/kern/button";
import { Heading, Text } from "@/components/kern/typography";
import type { TTargetsState } from "@/components/questionnaire/form-states";

export type TTargetQuestion = {
  id: string;
  name: string;
  text: string;
  today: string;
  /** The answers that lie above today's, for the select. */
  options: { value: string; label: string }[];
  /** The stored target (a carried-over one may be met or lie below today's answer by now). */
  current: { option: string; optionLabel: string; year: number; responsible: string; met: boolean } | null;
};

/**
 * Targets per question: an answer above today's, a year and who is responsible. Works without JavaScript
 * (a plain form post to the server action); on failure the typed values stay and each field says what is wrong.
 */
export function TargetsForm({
  questions,
  version,
  years,
  save,
}: {
  questions: TTargetQuestion[];
  version: number;
  years: number[];
  save: (prev: TTargetsState, form: FormData) => Promise<TTargetsState>;
}) {
  const [state, action, pending] = useActionState(save, {});
  const errors = state.fieldErrors ?? {};
  const summary = Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message }));
  // Every failed save is named at the top (the summary, focused) and beside the button that was pressed.
  const failure = state.message
    ? summary.length > 0
      ? "Bitte prüfen Sie die markierten Felder oben."
      : state.message
    : null;
  return (
    // A new key per answer of the action: React resets a form after its action, and a select would fall back to
    // its first default; the remounted form starts from what was typed (state.values) instead.
    <form action={action} className="stack" noValidate key={state.values ? JSON.stringify(state) : "start"}>
      {summary.length > 0 ? (
        <ErrorSummary errors={summary} />
      ) : state.message ? (
        <ErrorSummary
          title="Ihre Ziele wurden nicht gespeichert"
          errors={[{ fieldId: "ziele-speichern", message: state.message }]}
        />
      ) : null}
      <input type="hidden" name="version" value={state.version ?? version} />
      {questions.map((q) => {
        const typed = state.values?.[q.id];
        const kept = q.current && !q.options.some((o) => o.value === q.current!.option) ? q.current : null;
        const options = kept
          ? [{ value: kept.option, label: `${kept.optionLabel} (bisheriges Ziel)` }, ...q.options]
          : q.options;
        return (
          <fieldset key={q.id} className="target-question stack-sm">
            <legend>
              <Heading level={2} size="small">
                {q.name}
              </Heading>
            </legend>
            <Text size="small">{q.text}</Text>
            <Text>
              Heute: <strong>{q.today}</strong>
              {q.current?.met ? (
                <>
                  {" "}
                  <Badge tone="success" small>
                    Ziel „{q.current.optionLabel}“ erreicht
                  </Badge>
                </>
              ) : null}
            </Text>
            {options.length === 0 ? (
              <Text>Sie geben hier schon die beste Antwort; ein Ziel ist nicht nötig.</Text>
            ) : (
              <div className="target-fields">
                <SelectField
                  id={`ziel-${q.id}`}
                  name={`ziel-${q.id}`}
                  label="Ziel"
                  placeholder="kein Ziel"
                  options={options}
                  defaultValue={typed?.option ?? q.current?.option ?? ""}
                  error={errors[`ziel-${q.id}`]}
                />
                <SelectField
                  id={`jahr-${q.id}`}
                  name={`jahr-${q.id}`}
                  label="Bis"
                  options={[...new Set([...(q.current ? [q.current.year] : []), ...years])]
                    .sort((a, b) => a - b)
                    .map((y) => ({ value: String(y), label: String(y) }))}
                  defaultValue={typed?.year ?? String(q.current?.year ?? years[2] ?? years[0])}
                  error={errors[`jahr-${q.id}`]}
                />
                <TextField
                  id={`verantwortlich-${q.id}`}
                  name={`verantwortlich-${q.id}`}
                  label="Verantwortlich (Pflichtfeld, wenn Sie ein Ziel wählen)"
                  // No maxLength: a longer text is not cut off silently; the save names the limit at the field.
                  hint={`Zum Beispiel: Hauptamt, IT-Koordination (höchstens ${RESPONSIBLE_MAX_CHARS} Zeichen)`}
                  defaultValue={typed?.responsible ?? q.current?.responsible ?? ""}
                  error={errors[`verantwortlich-${q.id}`]}
                />
              </div>
            )}
          </fieldset>
        );
      })}
      <div className="stack-sm" id="ziele-speichern">
        {failure ? (
          <Alert tone="danger" title="Nicht gespeichert">
            {<Text>{failure}</Text>}
          </Alert>
        ) : null}
        <div className="button-row">
          <Button type="submit" disabled={pending}>
            Ziele speichern
          </Button>
          <Text size="small" role="status" aria-live="polite">
            {pending ? "Wird gespeichert …" : null}
          </Text>
        </div>
      </div>
    </form>
  );
}
