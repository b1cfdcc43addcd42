"use client";

import { useActionState } from "react";
import type { TManageState } from "./form-states";
import { TextField } from "@/components/kern/text-field";
import { Button } from "@/components/kern/button";
import { Text } from "@/components/kern/typography";

type TAction = (prev: TManageState, form: FormData) => Promise<TManageState>;

/** The overview's form for a participation code received after the assessment was started. */
export function VerifyForm({ verify, submitted }: { verify: TAction; submitted: boolean }) {
  const [state, action, pending] = useActionState(verify, {});
  return (
    <form action={action} className="stack-sm" noValidate>
      <Text>
        Mit dem Teilnahmecode aus Ihrem Einladungsbrief bestätigen Sie, dass diese Selbsteinschätzung zu Ihrer Kommune
        gehört. Name, Bundesland und Einwohnerzahl übernehmen wir dann aus dem amtlichen Gemeindeverzeichnis.
        {submitted
          ? " Ihre abgeschlossene Selbsteinschätzung zählt danach im Vergleich mit anderen Kommunen, sobald die Vergleichszahlen ihrer Gruppe das nächste Mal aktualisiert werden."
          : " Sobald Sie sie abschließen, zählt sie dann im Vergleich mit anderen Kommunen."}
      </Text>
      <TextField
        id="verify-code"
        name="code"
        label="Teilnahmecode"
        hint="16 Zeichen, zum Beispiel K7QF-2M9P-XW4D-HT6R"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={64}
        error={state.message}
      />
      <div className="button-row">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Wird geprüft …" : "Code bestätigen"}
        </Button>
      </div>
    </form>
  );
}
