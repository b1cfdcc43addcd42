import type { ReactNode } from "react";

export type TColumn = { label: ReactNode; numeric?: boolean; className?: string };

const join = (...classes: (string | false | null | undefined)[]) => classes.filter(Boolean).join(" ");

/**
 * A KERN table (small variant, as every table of this app). The caption names the table for screen
 * readers; `captionHidden` keeps it off the screen where a heading above already says it. Wide tables go
 * inside a TableRegion so that they scroll on a phone.
 */
export function Table({
  caption,
  captionHidden,
  columns,
  className,
  stacked,
  children,
}: {
  caption: ReactNode;
  captionHidden?: boolean;
  columns: readonly TColumn[];
  className?: string;
  /** Below 600 px each row becomes a card, each cell labelled by its column (Cell's `label`). */
  stacked?: boolean;
  children: ReactNode;
}) {
  return (
    <table className={join("kern-table", "kern-table--small", stacked && "table--stacked", className)}>
      <caption className={captionHidden ? "kern-sr-only" : "kern-body kern-body--bold"}>{caption}</caption>
      <thead className="kern-table__header">
        <tr className="kern-table__row">
          {columns.map((c, i) => (
            <th
              key={i}
              scope="col"
              className={join("kern-table__header", c.numeric && "kern-table__header--numeric", c.className)}
            >
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="kern-table__body">{children}</tbody>
    </table>
  );
}

export function Row({ children }: { children: ReactNode }) {
  return <tr className="kern-table__row">{children}</tr>;
}

/** The first cell of a row, which names it. */
export function RowHeader({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <th scope="row" className={join("kern-table__cell", className)}>
      {children}
    </th>
  );
}

export function Cell({
  numeric,
  className,
  colSpan,
  label,
  children,
}: {
  numeric?: boolean;
  className?: string;
  colSpan?: number;
  /** The column's name, shown before the value where a stacked table is a card (phone). */
  label?: string;
  children?: ReactNode;
}) {
  return (
    <td
      className={join("kern-table__cell", numeric && "kern-table__cell--numeric", className)}
      colSpan={colSpan}
      data-label={label}
    >
      {children}
    </td>
  );
}
