import { AppLink } from "@/components/app-link";
import type { ButtonHTMLAttributes, ReactNode } from "react";

type TVariant = "primary" | "secondary" | "tertiary";
const cls = (variant: TVariant, extra?: string) =>
  ["kern-btn", `kern-btn--${variant}`, extra].filter(Boolean).join(" ");

export function Button({
  variant = "primary",
  children,
  className,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: TVariant; children: ReactNode }) {
  return (
    <button type="button" className={cls(variant, className)} {...rest}>
      <span className="kern-label">{children}</span>
    </button>
  );
}

export function ButtonLink({
  href,
  variant = "primary",
  children,
}: {
  href: string;
  variant?: TVariant;
  children: ReactNode;
}) {
  return (
    <AppLink href={href} className={cls(variant)}>
      <span className="kern-label">{children}</span>
    </AppLink>
  );
}
