"use client";

import { useActionState } from "react";
import type { TInviteState } from "@/components/questionnaire/form-states";
import { Button } from "@/components/kern/button";
import { Alert } from "@/components/kern/alert";
import { Text } from "@/components/kern/typography";
import { CopyLink } from "@/components/questionnaire/copy-link";

type TAction = (prev: TInviteState, form: FormData) => Promise<TInviteState>;

/** A follow-up year: invite last year's roles again with one button; the new links are shown once, here. */
export function ReinviteForm({ reinvite, roles }: { reinvite: TAction; roles: string[] }) {
  const [state, action, pending] = useActionState(reinvite, {});
  if (state.createdMany && state.createdMany.length > 0)
    return (
      <Alert tone="success" title={`${state.createdMany.length} Einladungen angelegt`} role="status">
        <Text>Bitte geben Sie diese Links jetzt weiter. Wir zeigen sie nur dieses eine Mal.</Text>
        {state.createdMany.map((c, i) => (
          <CopyLink
            key={c.url}
            url={c.url}
            id={`kollegen-link-${i + 1}`}
            label={`Link für ${c.roleLabel}${c.label ? ` (${c.label})` : ""}`}
          />
        ))}
      </Alert>
    );
  return (
    <form action={action} className="stack-sm">
      {state.message ? <Alert tone="danger" title={state.message} role="alert" /> : null}
      <Text>Im Vorjahr hatten Sie eingeladen: {roles.join(", ")}.</Text>
      <div className="button-row">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Wird angelegt …" : "Dieselben Rollen wieder einladen"}
        </Button>
      </div>
    </form>
  );
}
