"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/kern/error-summary";
import type { TSubmitState } from "./form-states";
import { Button } from "@/components/kern/button";

type TProps = {
  action: (prev: TSubmitState, form: FormData) => Promise<TSubmitState>;
  questionTexts: Record<string, { text: string; href: string }>;
};

export function SubmitForm({ action, questionTexts }: TProps) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="stack-sm">
      {state.message ? (
        <ErrorSummary
          title={state.message}
          errors={(state.unanswered ?? []).map((id) => ({
            fieldId: `offen-${id}`,
            message: questionTexts[id]?.text ?? id,
            // Straight to the question on its step (it takes the focus there).
            href: questionTexts[id]?.href,
          }))}
        />
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Wird abgesendet …" : "Selbsteinschätzung absenden"}
      </Button>
    </form>
  );
}
