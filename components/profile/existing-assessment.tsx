"use client";

import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/kern/alert";
import { Button } from "@/components/kern/button";
import { TextField } from "@/components/kern/text-field";
import { Text } from "@/components/kern/typography";
import type { TProfileActionState } from "./form-state";

/**
 * A participation code whose unit already has a verified assessment: continue that one with its link (pasted
 * here), or start a second one on purpose with the profile form below. Never a silent second chain.
 */
export function ExistingAssessment({
  unitName,
  message,
  action,
}: {
  unitName: string;
  message?: string;
  action: (prev: TProfileActionState, form: FormData) => Promise<TProfileActionState>;
}) {
  const [state, formAction, pending] = useActionState(action, { errors: {} });
  // Appears after a tap at the bottom of the form: bring it into view and to the screen reader's attention.
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1}>
      <Alert tone="warning" title={`Für ${unitName} gibt es schon eine Selbsteinschätzung`} role="alert">
        <div className="stack-sm">
          <Text>
            {message ??
              "Sie wurde mit diesem Teilnahmecode bestätigt. Bitte setzen Sie sie fort, damit alle Jahre Ihrer Verwaltung zusammenbleiben."}
          </Text>
          <form action={formAction} className="stack-sm" noValidate>
            <TextField
              id="existing-link"
              name="link"
              label="Ihr gespeicherter Link zur Selbsteinschätzung"
              hint="So wie Sie ihn beim Anlegen gespeichert haben, etwa aus Ihrer E-Mail oder Ihren Lesezeichen."
              autoComplete="off"
              spellCheck={false}
              error={state.errors.link}
            />
            <div className="button-row">
              <Button type="submit" disabled={pending}>
                Selbsteinschätzung öffnen
              </Button>
            </div>
          </form>
          <Text size="small">
            Haben Sie den Link nicht mehr, beginnen Sie unten bewusst eine neue Selbsteinschätzung („Trotzdem neu
            beginnen“). Die bisherige bleibt erhalten; im Vergleich zählt die zuletzt abgeschlossene.
          </Text>
        </div>
      </Alert>
    </div>
  );
}
