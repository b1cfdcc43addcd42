import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * next/link without prefetching: client-side navigation on click, no requests before it.
 *
 * Every page of this app is rendered per request (CSP nonce, database), so each prefetch is a full server
 * render: Next sends two for every link that enters the viewport, whether or not anyone follows it (the
 * landing page alone cost four). On a shared instance that is load without a reader, and on a phone it is
 * data and main-thread work while the page starts. Header and footer use plain links (app/layout.tsx).
 */
export function AppLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={false} />;
}
