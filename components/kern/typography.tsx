import type { ReactNode } from "react";

type TLevel = 1 | 2 | 3 | 4;
type THeadingSize = "x-large" | "large" | "medium" | "small";

/** Written out, so that scripts/kern-css.mjs keeps exactly these rules of KERN's stylesheet. */
const HEADING_CLASS: Record<THeadingSize, string> = {
  "x-large": "kern-heading-x-large",
  large: "kern-heading-large",
  medium: "kern-heading-medium",
  small: "kern-heading-small",
};
const DEFAULT_SIZE: Record<TLevel, THeadingSize> = { 1: "large", 2: "medium", 3: "small", 4: "small" };

/**
 * A KERN heading. The level is the document outline (h1–h4); the size is how it looks and follows the
 * level unless a page needs otherwise (the landing page's x-large title).
 */
export function Heading({
  level,
  size = DEFAULT_SIZE[level],
  id,
  children,
}: {
  level: TLevel;
  size?: THeadingSize;
  id?: string;
  children: ReactNode;
}) {
  const Tag = `h${level}` as const;
  return (
    <Tag className={HEADING_CLASS[size]} id={id}>
      {children}
    </Tag>
  );
}

/** A page title with a line above it (KERN hgroup: preline and heading, optionally a subline below). */
export function PageTitle({
  title,
  preline,
  subline,
  large,
}: {
  title: ReactNode;
  preline?: ReactNode;
  subline?: ReactNode;
  /** The landing page's larger title. */
  large?: boolean;
}) {
  return (
    <hgroup className="kern-hgroup">
      <h1 className={large ? "kern-heading-x-large" : "kern-heading-large"}>{title}</h1>
      {preline ? <p className="kern-preline">{preline}</p> : null}
      {subline ? <p className={large ? "kern-subline kern-subline--large" : "kern-subline"}>{subline}</p> : null}
    </hgroup>
  );
}

/**
 * Body text (KERN kern-body). A paragraph unless `as` says otherwise; `className` adds the app's own
 * layout classes (never KERN ones: those are the props).
 */
export function Text({
  as: Tag = "p",
  size,
  muted,
  bold,
  className,
  id,
  children,
  ...live
}: {
  as?: "p" | "span" | "div";
  size?: "small" | "large";
  muted?: boolean;
  bold?: boolean;
  className?: string;
  id?: string;
  children: ReactNode;
  /** For a status line that screen readers announce when it changes. */
  role?: "status" | "alert";
  "aria-live"?: "polite" | "assertive";
}) {
  const classes = [
    className,
    "kern-body",
    size === "small" ? "kern-body--small" : size === "large" ? "kern-body--large" : null,
    muted ? "kern-body--muted" : null,
    bold ? "kern-body--bold" : null,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <Tag className={classes} id={id} {...live}>
      {children}
    </Tag>
  );
}

/** A KERN list: bullets, numbers or plain (no markers). */
export function List({
  kind = "bullet",
  className,
  children,
}: {
  kind?: "bullet" | "number" | "plain";
  className?: string;
  children: ReactNode;
}) {
  const classes = [
    "kern-list",
    kind === "bullet" ? "kern-list--bullet" : kind === "number" ? "kern-list--number" : null,
    className,
  ]
    .filter(Boolean)
    .join(" ");
  return kind === "number" ? <ol className={classes}>{children}</ol> : <ul className={classes}>{children}</ul>;
}

/** Text only screen readers announce. */
export function VisuallyHidden({ as: Tag = "span", children }: { as?: "span" | "div"; children: ReactNode }) {
  return <Tag className="kern-sr-only">{children}</Tag>;
}
