/**
 * Our own pictogram for Leichte Sprache: an open book with a speech line, drawn here and served inline with
 * the page (no request, no licence of a third party's logo). Decorative: the link next to it names it.
 */
export function EasyLanguageIcon({ size = 28 }: { size?: number }) {
  return (
    <svg
      className="easy-language-icon"
      width={size}
      height={size}
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {/* the reader's head above the book */}
      <circle cx="16" cy="6" r="3.5" />
      {/* an open book: two pages meeting at the spine */}
      <path d="M3 13.5c4.5-1.5 9-1 13 1.5v14c-4-2.5-8.5-3-13-1.5z" />
      <path d="M29 13.5c-4.5-1.5-9-1-13 1.5v14c4-2.5 8.5-3 13-1.5z" />
      {/* lines of short text on the right page */}
      <path d="M19.5 18.5c2-0.8 4-1 6-0.6M19.5 22.5c2-0.8 4-1 6-0.6" />
    </svg>
  );
}
