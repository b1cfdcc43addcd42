"use client";

import { useActionState } from "react";
import type { TInviteState } from "@/components/questionnaire/form-states";
import { SelectField } from "@/components/kern/select-field";
import { TextField } from "@/components/kern/text-field";
import { Button } from "@/components/kern/button";
import { Alert } from "@/components/kern/alert";
import { Text } from "@/components/kern/typography";
import { CopyLink } from "@/components/questionnaire/copy-link";

type TAction = (prev: TInviteState, form: FormData) => Promise<TInviteState>;

/**
 * "Kollegin oder Kollegen einladen": a role and an optional label; the new link is shown once, here (only its hash
 * is stored). Works without JavaScript: the form posts to the server action and the page shows its state.
 */
export function InviteForm({
  invite,
  roles,
  labelMax,
}: {
  invite: TAction;
  roles: readonly { id: string; label: string }[];
  labelMax: number;
}) {
  const [state, action, pending] = useActionState(invite, {});
  return (
    <div className="stack-sm">
      {state.created ? (
        <Alert tone="success" title={`Einladung für ${state.created.roleLabel} angelegt`} role="status">
          <Text>
            Bitte geben Sie diesen Link jetzt weiter{state.created.label ? ` (${state.created.label})` : ""}. Wir zeigen
            ihn nur dieses eine Mal: Gespeichert ist nur eine Prüfsumme.
          </Text>
          <CopyLink url={state.created.url} id="kollegen-link" label="Link für die Kollegin oder den Kollegen" />
        </Alert>
      ) : null}
      {state.message && !state.fieldErrors?.role && !state.fieldErrors?.label ? (
        <Alert tone="danger" title={state.message} role="alert" />
      ) : null}
      <form action={action} className="stack-sm" noValidate>
        <SelectField
          id="einladung-rolle"
          name="role"
          label="Rolle"
          options={roles.map((r) => ({ value: r.id, label: r.label }))}
          defaultValue="digital"
          error={state.fieldErrors?.role}
        />
        <TextField
          id="einladung-bezeichnung"
          name="label"
          label="Bezeichnung"
          optional
          hint={`Zum Beispiel „Hauptamt“ – höchstens ${labelMax} Zeichen. Bitte keine Namen, wenn es nicht nötig ist.`}
          maxLength={labelMax + 20}
          autoComplete="off"
          error={state.fieldErrors?.label}
        />
        <div className="button-row">
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Wird angelegt …" : "Einladen"}
          </Button>
        </div>
      </form>
    </div>
  );
}
