import type { Metadata, Viewport } from "next";
import "./fira-sans.css";
// The rules of KERN (@kern-ux/native) for the classes this app uses: npm run css:kern (scripts/kern-css.mjs).
import "./kern.used.css";
import "./globals.css";
import { connection } from "next/server";
import { hasDemoData } from "@/lib/assessment/has-demo-data";
import { FontPreload } from "@/components/font-preload";
import { Link } from "@/components/kern/link";
import { Text } from "@/components/kern/typography";
import { SiteHeader } from "@/components/site-header";
import { failForTest } from "@/lib/testing/test-routes";

export const metadata: Metadata = {
  title: { default: "Kommunaler Digitalcheck", template: "%s – Kommunaler Digitalcheck" },
  description:
    "Selbsteinschätzung der digitalen Reife Ihrer Kommune, verglichen mit der bundesweiten Umfrage von Bitkom und dem Deutschen Städte- und Gemeindebund 2020.",
  referrer: "no-referrer",
};

/**
 * The faces of every page: 400 text, 600 headings, labels, figures and strong text (KERN's weights have no
 * bold). Medium is preloaded by the pages whose first screen uses it; italic loads when used.
 */
const PRELOADED_FONTS = ["Regular", "SemiBold"] as const;

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/**
 * Header and footer use plain links: they lead to information pages, and next/link would add its
 * client code to every page's first load (the questionnaire's budget is 150 kB gzip) and prefetch
 * five pages on each visit.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request: the demo banner depends on the database, which does not exist at build time.
  await connection();
  await failForTest("layout");
  const demo = await hasDemoData();
  return (
    <html lang="de">
      <head>
        {/* The faces of the first screen, fetched with the HTML so that they are there before the first
            paint (font-display: optional would otherwise show the fallback font on a first visit). */}
        {PRELOADED_FONTS.map((face) => (
          <FontPreload key={face} face={face} />
        ))}
      </head>
      <body>
        <SiteHeader />
        {demo ? (
          <div className="demo-banner" role="note" aria-label="Hinweis auf Demo-Daten">
            <Text size="small" className="site-container">
              <strong>Demo-Daten:</strong> Diese Installation enthält erfundene Beispielkommunen (Namen beginnen mit
              „Demo-“). Sie fließen in den Vergleich mit anderen Kommunen ein.
            </Text>
          </div>
        ) : null}
        <main id="inhalt" className="site-container site-main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="site-container">
            <Text size="small">
              Vergleichsdaten: Bitkom e.V. und Deutscher Städte- und Gemeindebund, Umfrage unter 623 Kommunen, 2020.
            </Text>
            <nav aria-label="Rechtliches und Informationen">
              <ul className="site-footer__links">
                <li>
                  <Link plain href="/vergleich">
                    Vergleich mit anderen Kommunen
                  </Link>
                </li>
                <li>
                  <Link plain href="/lagebild">
                    Lagebild
                  </Link>
                </li>
                <li>
                  <Link plain href="/methodik">
                    Methodik und Quellen
                  </Link>
                </li>
                <li>
                  <Link plain href="/datenschutz">
                    Datenschutz
                  </Link>
                </li>
                <li>
                  <Link plain href="/impressum">
                    Impressum
                  </Link>
                </li>
                <li>
                  <Link plain href="/barrierefreiheit">
                    Barrierefreiheit
                  </Link>
                </li>
                <li>
                  <Link plain href="/barrierefreiheit#barriere-melden">
                    Barriere melden
                  </Link>
                </li>
                <li>
                  <Link plain href="/leichte-sprache">
                    Leichte Sprache
                  </Link>
                </li>
              </ul>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}
