import type { ReactNode } from "react";

/** A KERN card as a labelled section; `active` marks the one thing the page asks the reader to do now. */
export function Card({ labelledBy, active, children }: { labelledBy: string; active?: boolean; children: ReactNode }) {
  return (
    <section aria-labelledby={labelledBy} className={active ? "kern-card kern-card--active" : "kern-card"}>
      <div className="kern-card__container">
        <div className="kern-card__body stack-sm">{children}</div>
      </div>
    </section>
  );
}
