import type { ReactNode } from "react";

type TTone = "info" | "success" | "warning" | "danger";

/** KERN alert. `role` is set by the caller: "alert" for errors that appear after an action. */
export function Alert({
  tone,
  title,
  children,
  role,
  id,
  tabIndex,
}: {
  tone: TTone;
  title: string;
  children?: ReactNode;
  role?: "alert" | "status";
  id?: string;
  tabIndex?: number;
}) {
  return (
    <div className={`kern-alert kern-alert--${tone}`} role={role} id={id} tabIndex={tabIndex}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${tone}`} aria-hidden="true" />
        <span className="kern-title">{title}</span>
      </div>
      {children ? <div className="kern-alert__body">{children}</div> : null}
    </div>
  );
}
