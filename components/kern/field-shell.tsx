import type { ReactNode } from "react";
import { FieldError } from "./field-error";

/** What the control inside a field shell needs to be tied to its hint and error. */
export type TFieldDescribed = { "aria-describedby"?: string; "aria-invalid"?: true };

/**
 * The one frame of every form field: label (or legend), optional marker, hint, error, then the control.
 * Text and select fields are a labelled div; a group of radio buttons or checkboxes is a fieldset whose
 * legend is the question. The control gets aria-describedby/aria-invalid from `children(described)`.
 */
export function FieldShell({
  id,
  label,
  hint,
  error,
  optional,
  group,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  /** A fieldset of choices instead of one labelled control. */
  group?: boolean;
  /** The app's own layout class for the frame (never a KERN one). */
  className?: string;
  children: (described: TFieldDescribed) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const described: TFieldDescribed = {
    "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
    "aria-invalid": error ? true : undefined,
  };
  const caption = (
    <>
      {label}
      {optional ? <span className="kern-label__optional"> – optional</span> : null}
    </>
  );
  const details = (
    <>
      {hint ? (
        <div className="kern-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </>
  );
  if (group) {
    return (
      <fieldset
        className={error ? "kern-fieldset kern-fieldset--error" : "kern-fieldset"}
        id={id}
        tabIndex={-1}
        {...described}
      >
        <legend className="kern-label">{caption}</legend>
        {details}
        <div className="kern-fieldset__body">{children({})}</div>
      </fieldset>
    );
  }
  return (
    <div
      className={["kern-form-input field-group", className, error ? "kern-form-input--error" : null]
        .filter(Boolean)
        .join(" ")}
    >
      <label className="kern-label" htmlFor={id}>
        {caption}
      </label>
      {details}
      {children(described)}
    </div>
  );
}
