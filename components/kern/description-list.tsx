import type { ReactNode } from "react";

export type TDescriptionItem = { key: ReactNode; value: ReactNode };

/** A KERN description list: label and value pairs (a municipality's profile, a release's data). */
/** Items may be `null` where a page shows an entry only in some cases. */
export function DescriptionList({ items }: { items: readonly (TDescriptionItem | null)[] }) {
  return (
    <dl className="kern-description-list">
      {items.map((item, i) =>
        item === null ? null : (
          <div className="kern-description-list-item" key={i}>
            <dt className="kern-description-list-item__key">{item.key}</dt>
            <dd className="kern-description-list-item__value">{item.value}</dd>
          </div>
        ),
      )}
    </dl>
  );
}
