"use client";

import { ErrorNotice } from "@/components/error-notice";

/**
 * What a page that fails shows instead of Next's English error page, inside the root layout: skip link,
 * header and footer stay (a failure of the root layout itself: app/global-error.tsx).
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorNotice error={error} retry={retry} />;
}
