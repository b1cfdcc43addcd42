"use client";

import { useId, useState, type ReactNode } from "react";
import { TableRegion } from "@/components/kern/table-region";

export type TTableColumn = { header: string; numeric?: boolean };

/**
 * A chart with its text alternative: the canvas (role img) carries a summary as its accessible
 * name, and the full data is a real table that anyone can show or hide (it is in the
 * accessibility tree at all times).
 */
export function ChartFigure({
  caption,
  captionDetail,
  columns,
  rows,
  children,
}: {
  caption: string;
  /** Read out after the caption but not shown (the question is already the heading above). */
  captionDetail?: string;
  columns: TTableColumn[];
  rows: (string | number)[][];
  children: ReactNode;
}) {
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  return (
    <figure className="chart-figure">
      <figcaption className="kern-body kern-body--bold">
        {caption}
        {captionDetail ? <span className="kern-sr-only">: {captionDetail}</span> : null}
      </figcaption>
      <div className="chart-figure__canvas">{children}</div>
      <button
        type="button"
        className="kern-btn kern-btn--tertiary kern-btn--x-small"
        aria-expanded={showTable}
        aria-controls={tableId}
        onClick={() => setShowTable((v) => !v)}
      >
        <span className="kern-label">{showTable ? "Tabelle ausblenden" : "Daten als Tabelle anzeigen"}</span>
      </button>
      <TableRegion id={tableId} label={`Tabelle: ${caption}`} hidden={!showTable}>
        <table className="kern-table kern-table--small">
          <caption className="kern-sr-only">
            {caption}
            {captionDetail ? `: ${captionDetail}` : ""}
          </caption>
          <thead className="kern-table__header">
            <tr className="kern-table__row">
              {columns.map((c) => (
                <th
                  key={c.header}
                  scope="col"
                  className={`kern-table__header${c.numeric ? " kern-table__header--numeric" : ""}`}
                >
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {rows.map((r, i) => (
              <tr key={i} className="kern-table__row">
                {r.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row" className="kern-table__cell">
                      {cell}
                    </th>
                  ) : (
                    <td
                      key={j}
                      className={`kern-table__cell${columns[j]?.numeric ? " kern-table__cell--numeric" : ""}`}
                    >
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </figure>
  );
}
