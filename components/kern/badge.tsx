import type { ReactNode } from "react";

export type TBadgeTone = "info" | "success" | "warning" | "danger";

/** Written out, so that scripts/kern-css.mjs keeps exactly these rules of KERN's stylesheet. */
const TONE: Record<TBadgeTone, string> = {
  info: "kern-badge--info",
  success: "kern-badge--success",
  warning: "kern-badge--warning",
  danger: "kern-badge--danger",
};

/** A KERN badge: a short status next to an item ("Erledigt", "abgeleitet"). */
export function Badge({
  tone,
  small,
  className,
  title,
  children,
}: {
  tone: TBadgeTone;
  small?: boolean;
  className?: string;
  title?: string;
  children: ReactNode;
}) {
  const classes = ["kern-badge", TONE[tone], small ? "kern-badge--small" : null, className].filter(Boolean).join(" ");
  return (
    <span className={classes} title={title}>
      <span className={small ? "kern-label kern-label--small" : "kern-label"}>{children}</span>
    </span>
  );
}
