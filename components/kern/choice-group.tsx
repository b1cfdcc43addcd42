import type { InputHTMLAttributes, ReactNode } from "react";
import { FieldShell } from "./field-shell";

export type TChoice = { value: string; label: string };

/**
 * A KERN fieldset of radio buttons (single choice) or checkboxes (multi choice). The legend is
 * the question; the error is tied to the group via aria-describedby.
 */
export function ChoiceGroup({
  id,
  name,
  legend,
  hint,
  error,
  type,
  choices,
  inputProps,
  readOnly,
}: {
  id: string;
  name: string;
  legend: ReactNode;
  hint?: string;
  error?: string;
  type: "radio" | "checkbox";
  choices: readonly TChoice[];
  /** Extra props per input (defaultChecked, …). */
  inputProps?: (choice: TChoice) => InputHTMLAttributes<HTMLInputElement>;
  readOnly?: boolean;
}) {
  const kind = type === "radio" ? "radio" : "checkbox";
  return (
    <FieldShell id={id} label={legend} hint={hint} error={error} group>
      {() =>
        choices.map((choice) => {
          const inputId = `${id}-${choice.value}`;
          return (
            <div className="kern-form-check" key={choice.value}>
              <input
                className={`kern-form-check__${kind}${error ? ` kern-form-check__${kind}--error` : ""}`}
                type={type}
                id={inputId}
                name={name}
                value={choice.value}
                disabled={readOnly}
                {...inputProps?.(choice)}
              />
              <label className="kern-label" htmlFor={inputId}>
                {choice.label}
              </label>
            </div>
          );
        })
      }
    </FieldShell>
  );
}
