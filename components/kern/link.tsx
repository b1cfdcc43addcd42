import type { ReactNode } from "react";
import { AppLink } from "@/components/app-link";

/**
 * A KERN text link. Pages of the app go through AppLink (client navigation, no prefetch); files,
 * API downloads and other sites are plain anchors (`plain`), so the browser loads them itself.
 */
export function Link({
  href,
  plain,
  download,
  className,
  children,
  ...aria
}: {
  href: string;
  plain?: boolean;
  download?: boolean | string;
  className?: string;
  children: ReactNode;
  "aria-describedby"?: string;
  "aria-label"?: string;
  "aria-current"?: "page";
  rel?: string;
}) {
  const classes = className ? `kern-link ${className}` : "kern-link";
  if (plain || download) {
    return (
      <a className={classes} href={href} download={download === true ? "" : download || undefined} {...aria}>
        {children}
      </a>
    );
  }
  return (
    <AppLink className={classes} href={href} {...aria}>
      {children}
    </AppLink>
  );
}
