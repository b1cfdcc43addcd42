import type { ReactNode } from "react";

type TTone = "info" | "success" | "warning" | "danger";

/** Written out, so that scripts/kern-css.mjs keeps exactly these icons of KERN's stylesheet. */
const ICON: Record<TTone, string> = {
  info: "kern-icon--info",
  success: "kern-icon--success",
  warning: "kern-icon--warning",
  danger: "kern-icon--danger",
};

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
        <span className={`kern-icon ${ICON[tone]}`} aria-hidden="true" />
        <span className="kern-title">{title}</span>
      </div>
      {children ? <div className="kern-alert__body">{children}</div> : null}
    </div>
  );
}
