/**
 * Screenshots of the controls a reader of /leichte-sprache needs, taken from the app itself
 * (scripts/easy-language-pictures.mjs writes them to public/leichte-sprache/ at twice the size shown) and
 * served by it. `shows` is the accessible name of the control in the picture: the browser test finds that
 * control on its page, so that a renamed button fails the test until the picture is taken again.
 */
export type TEasyPicture = {
  src: string;
  /** The alternative text, in Leichter Sprache. */
  alt: string;
  /** The size shown, in CSS pixels (the file has twice as many). */
  width: number;
  height: number;
  shows: string;
};

export const EASY_PICTURES = {
  headerLink: {
    src: "/leichte-sprache/kopfzeile.png",
    alt: "Der blaue Streifen oben mit dem Link „Leichte Sprache“.",
    width: 345,
    height: 100,
    shows: "Leichte Sprache",
  },
  startButton: {
    src: "/leichte-sprache/start-knopf.png",
    alt: "Der Knopf „Digitalcheck starten“ auf der Start-Seite.",
    width: 329,
    height: 64,
    shows: "Digitalcheck starten",
  },
  viewSwitch: {
    src: "/leichte-sprache/ansicht-knoepfe.png",
    alt: "Die 2 Knöpfe „Ausführliches Ergebnis“ und „Ergebnis in Leichter Sprache“.",
    width: 329,
    height: 112,
    shows: "Ergebnis in Leichter Sprache",
  },
  pdfButton: {
    src: "/leichte-sprache/pdf-knopf.png",
    alt: "Der Knopf „PDF-Datei speichern“.",
    width: 257,
    height: 64,
    shows: "PDF-Datei speichern",
  },
} as const satisfies Record<string, TEasyPicture>;
