"use client";

// global-error replaces the root layout, so it brings the app's stylesheets itself (served from the origin).
import "./fira-sans.css";
import "./kern.used.css";
import "./globals.css";
import { ErrorNotice } from "@/components/error-notice";
import { SiteHeader } from "@/components/site-header";

/**
 * What the browser shows when the root layout itself fails (app/layout.tsx; a failing page shows
 * app/error.tsx inside the layout instead): its own document in German with the app's skip link and header,
 * and the same words as every error page. No footer: its links would lead to pages that share the layout.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="de">
      <head>
        <title>Fehler – Kommunaler Digitalcheck</title>
      </head>
      <body>
        <SiteHeader />
        <main id="inhalt" className="site-container site-main" tabIndex={-1}>
          <ErrorNotice error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
