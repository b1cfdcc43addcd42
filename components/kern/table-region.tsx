import type { ReactNode } from "react";

/**
 * KERN's horizontally scrollable table wrapper. It can be focused and is a named region, so that
 * keyboard users can scroll a wide table on a phone (WCAG 2.1.1, axe "scrollable-region-focusable").
 */
export function TableRegion({
  label,
  children,
  id,
  hidden,
}: {
  label: string;
  children: ReactNode;
  id?: string;
  hidden?: boolean;
}) {
  if (hidden) {
    return (
      <div id={id} className="kern-sr-only">
        {children}
      </div>
    );
  }
  return (
    <div id={id} className="kern-table-responsive" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
