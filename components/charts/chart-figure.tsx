"use client";

import { useId, useState, type ReactNode } from "react";
import { Cell, Row, RowHeader, Table } from "@/components/kern/table";
import { TableRegion } from "@/components/kern/table-region";
import { VisuallyHidden } from "@/components/kern/typography";
import { Button } from "@/components/kern/button";

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
        {captionDetail ? <VisuallyHidden>: {captionDetail}</VisuallyHidden> : null}
      </figcaption>
      <div className="chart-figure__canvas">{children}</div>
      <Button
        variant="tertiary"
        small
        aria-expanded={showTable}
        aria-controls={tableId}
        onClick={() => setShowTable((v) => !v)}
      >
        {showTable ? "Tabelle ausblenden" : "Daten als Tabelle anzeigen"}
      </Button>
      <TableRegion id={tableId} label={`Tabelle: ${caption}`} hidden={!showTable}>
        <Table
          caption={captionDetail ? `${caption}: ${captionDetail}` : caption}
          captionHidden
          columns={columns.map((c) => ({ label: c.header, numeric: c.numeric }))}
        >
          {rows.map((r, i) => (
            <Row key={i}>
              {r.map((cell, j) =>
                j === 0 ? (
                  <RowHeader key={j}>{cell}</RowHeader>
                ) : (
                  <Cell key={j} numeric={columns[j]?.numeric}>
                    {cell}
                  </Cell>
                ),
              )}
            </Row>
          ))}
        </Table>
      </TableRegion>
    </figure>
  );
}
