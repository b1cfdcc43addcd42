import { AppLink } from "@/components/app-link";
import type { ButtonHTMLAttributes, ReactNode } from "react";

type TVariant = "primary" | "secondary" | "tertiary";

/** Written out, so that scripts/kern-css.mjs keeps exactly these rules of KERN's stylesheet. */
const VARIANT: Record<TVariant, string> = {
  primary: "kern-btn--primary",
  secondary: "kern-btn--secondary",
  tertiary: "kern-btn--tertiary",
};
const ICON = {
  edit: "kern-icon--edit",
  download: "kern-icon--download",
  delete: "kern-icon--delete",
  copy: "kern-icon--content-copy",
  renew: "kern-icon--autorenew",
  back: "kern-icon--arrow-back",
  forward: "kern-icon--arrow-forward",
} as const;
export type TButtonIcon = keyof typeof ICON;

type TLook = {
  variant?: TVariant;
  /** KERN's x-small button, for actions inside a table row. */
  small?: boolean;
  /** An icon before the label, or after it for "forward". */
  icon?: TButtonIcon;
};

const classes = ({ variant = "primary", small }: TLook) =>
  ["kern-btn", VARIANT[variant], small ? "kern-btn--x-small" : null].filter(Boolean).join(" ");

function Content({ icon, children }: { icon?: TButtonIcon; children: ReactNode }) {
  const glyph = icon ? <span className={`kern-icon ${ICON[icon]}`} aria-hidden="true" /> : null;
  return (
    <>
      {icon !== "forward" ? glyph : null}
      <span className="kern-label">{children}</span>
      {icon === "forward" ? glyph : null}
    </>
  );
}

/** A KERN button. `type` defaults to "button"; pass type="submit" for a form's action. */
export function Button({
  variant,
  small,
  icon,
  children,
  className,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & TLook & { children: ReactNode }) {
  const cls = className ? `${classes({ variant, small })} ${className}` : classes({ variant, small });
  return (
    <button type="button" className={cls} {...rest}>
      <Content icon={icon}>{children}</Content>
    </button>
  );
}

/**
 * A link that looks like a KERN button. Pages of the app go through AppLink; a file to download
 * (`download`) is a plain anchor, so that the browser saves it.
 */
export function ButtonLink({
  href,
  variant,
  small,
  icon,
  download,
  plain,
  children,
  ...aria
}: TLook & {
  href: string;
  download?: boolean;
  /** A plain anchor: the browser loads the address itself (a route that sends it elsewhere). */
  plain?: boolean;
  children: ReactNode;
  /** An accessible name that starts with the visible label and says more (WCAG 2.5.3). */
  "aria-label"?: string;
}) {
  const content = <Content icon={icon}>{children}</Content>;
  if (download || plain) {
    return (
      <a href={href} className={classes({ variant, small })} download={download || undefined} {...aria}>
        {content}
      </a>
    );
  }
  return (
    <AppLink href={href} className={classes({ variant, small })} {...aria}>
      {content}
    </AppLink>
  );
}
