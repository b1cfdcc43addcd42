import type { SelectHTMLAttributes } from "react";
import { FieldShell } from "./field-shell";

export function SelectField({
  id,
  label,
  hint,
  error,
  options,
  placeholder,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  placeholder?: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {(described) => (
        <div className="kern-form-input__select-wrapper">
          <select
            id={id}
            className={`kern-form-input__select${error ? " kern-form-input__select--error" : ""}`}
            {...described}
            {...select}
          >
            {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </FieldShell>
  );
}
