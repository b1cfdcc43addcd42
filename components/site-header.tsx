import { EasyLanguageIcon } from "@/components/easy-language/easy-language-icon";

/**
 * The skip link and the header of every page: the root layout's, and the error page that replaces the root
 * layout when it fails itself (app/global-error.tsx). Plain links on purpose: no prefetch and no client router
 * for the header (components/app-link.tsx). Neither hooks nor server-only code, so a client component can use it.
 */
export function SiteHeader() {
  return (
    <>
      <a className="skip-link" href="#inhalt">
        Zum Inhalt springen
      </a>
      <header className="site-header">
        <div className="site-container site-header__inner">
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/" className="site-header__brand">
            Kommunaler Digitalcheck
          </a>
          <nav aria-label="Hilfen" className="site-header__nav">
            <a href="/leichte-sprache" className="site-header__link">
              <EasyLanguageIcon />
              <span>Leichte Sprache</span>
            </a>
          </nav>
        </div>
      </header>
    </>
  );
}
