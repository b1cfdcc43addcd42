import type { ReactNode } from "react";

export type TChartRow = { id: string; name: string; spread: number; text: string };

/**
 * How far apart the answers are, per disputed question, as horizontal bars (0 % = all agree; 100 % = the whole
 * scale apart, or nobody in the largest group). Plain HTML and CSS, server-rendered; the bars are hidden from
 * screen readers, and the text alternative below says the same in words, with who answered what.
 */
export function DisagreementChart({ rows, caption }: { rows: TChartRow[]; caption: ReactNode }) {
  return (
    <figure className="stack-sm disagreement-chart" aria-labelledby="uneinig-grafik-titel">
      <figcaption id="uneinig-grafik-titel" className="kern-body kern-body--bold">
        {caption}
      </figcaption>
      <div aria-hidden="true" className="disagreement-chart__rows">
        {rows.map((r) => (
          <div key={r.id} className="disagreement-chart__row">
            <span className="kern-body kern-body--small">
              {r.name}: {Math.round(r.spread * 100)}
              {"\u00a0"}%
            </span>
            <span className="disagreement-chart__track">
              <span
                className="disagreement-chart__bar"
                style={{ width: `${Math.max(1, Math.round(r.spread * 100))}%` }}
              />
            </span>
          </div>
        ))}
      </div>
      <details>
        <summary className="kern-body">Textfassung der Grafik</summary>
        <ul className="kern-list">
          {rows.map((r) => (
            <li key={r.id} className="kern-body">
              {r.text}
            </li>
          ))}
        </ul>
      </details>
    </figure>
  );
}
