"use client";

import { useEffect, useRef } from "react";

/** `href`: where the entry leads when its field stands on another page (default: `#fieldId` on this one). */
export type TSummaryError = { fieldId: string; message: string; href?: string };

/**
 * The list of a step's errors at its top. It takes focus when it appears, so keyboard and
 * screen-reader users learn about the errors at once; each entry links to its field.
 */
export function ErrorSummary({
  errors,
  title = "Bitte prüfen Sie Ihre Angaben",
}: {
  errors: TSummaryError[];
  title?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((e) => e.fieldId + e.message).join("|");
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (errors.length === 0) return null;
  return (
    <div className="kern-alert kern-alert--danger" role="alert" tabIndex={-1} ref={ref} id="fehler">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <h2 className="kern-title">{title}</h2>
      </div>
      <div className="kern-alert__body">
        <ul className="kern-list">
          {errors.map((e) => (
            <li key={e.fieldId}>
              <a className="kern-link" href={e.href ?? `#${e.fieldId}`}>
                {e.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
