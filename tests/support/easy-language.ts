/**
 * What the page in Leichter Sprache must explain (issue 21, BITV 2.0 § 4): its section headings, as the
 * unit test reads them from the data and the browser test from the page.
 */
export const EASY_PAGE_HEADINGS = [
  "Was ist der Digital-Check?",
  "So benutzen Sie den Digital-Check",
  "Was passiert mit Ihren Daten?",
  "So finden Sie sich auf der Seite zurecht",
  "Eine Barriere melden",
  "Gebärden-Sprache",
] as const;
