/** "Schritt 3 von 8" with a progress bar; the text is the accessible name, the bar is decoration. */
export function StepProgress({ current, total, label }: { current: number; total: number; label?: string }) {
  return (
    <div className="stack-sm">
      <p className="progress-label kern-body kern-body--bold" id="fortschritt">
        <span>
          Schritt {current} von {total}
        </span>
        {label ? <span className="kern-body--muted">{label}</span> : null}
      </p>
      <ProgressBar max={total} value={current} labelledBy="fortschritt" />
    </div>
  );
}

/** KERN's progress bar; it is named by the element whose id is `labelledBy`. */
export function ProgressBar({ max, value, labelledBy }: { max: number; value: number; labelledBy: string }) {
  return <progress className="kern-progress progress-bar" max={max} value={value} aria-labelledby={labelledBy} />;
}
