import type { InputHTMLAttributes } from "react";
import { FieldShell } from "./field-shell";

export type TTextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
};

export function TextField({ id, label, hint, error, optional, className, ...input }: TTextFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} optional={optional}>
      {(described) => (
        <input
          id={id}
          className={`kern-form-input__input${error ? " kern-form-input__input--error" : ""}${className ? ` ${className}` : ""}`}
          {...described}
          {...input}
        />
      )}
    </FieldShell>
  );
}
