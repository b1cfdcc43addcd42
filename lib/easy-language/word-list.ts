/**
 * The word list of our texts in Leichter Sprache: each hard word, the one way the texts write it, and its
 * explanation (docs/adr/0012-leichte-sprache.md). The page /leichte-sprache shows it as "Wörter-Liste"; the
 * texts take their explanations from here (`explain`), so that the checker (lib/easy-language/check.ts)
 * finds where a text explains a word and fails when the word comes first, and fails on another name for
 * the same thing (`others`).
 */
export type TWordListEntry = {
  /** The word as the word list shows it. */
  term: string;
  /** The forms a text may use (declension, capitalised at a sentence's start), matched as whole words. */
  forms: readonly string[];
  /** One or two sentences; the first one marks the place where a text explains the word. */
  explanation: string;
  /** Other names for the same thing, which our texts never use: one thing, one word. */
  others?: readonly string[];
};

export const WORD_LIST: readonly TWordListEntry[] = [
  {
    term: "Alltags-Sprache",
    forms: ["Alltags-Sprache"],
    explanation: "Alltags-Sprache ist die Sprache von den meisten Texten. Die Sätze sind oft lang und schwer.",
    others: ["Standard-Sprache", "schwere Sprache"],
  },
  {
    term: "Barriere",
    forms: ["Barriere", "Barrieren"],
    explanation: "Eine Barriere ist ein Hindernis. Zum Beispiel: Ein Knopf geht nur mit der Maus.",
  },
  {
    term: "barriere-frei",
    forms: ["barriere-frei", "Barriere-frei", "Barriere-Freiheit"],
    explanation:
      "Barriere-frei heißt: Alle Menschen können eine Internet-Seite gut benutzen. Auch Menschen mit Behinderungen.",
    others: ["barrierearm"],
  },
  {
    term: "Bürger-App",
    forms: ["Bürger-App", "Bürger-Apps"],
    explanation: "Eine Bürger-App ist ein Programm für das Handy.",
    others: ["Handy-App"],
  },
  {
    term: "Daten-Schutz",
    forms: ["Daten-Schutz"],
    explanation: "Daten-Schutz heißt: Wir passen gut auf Ihre Daten auf.",
  },
  {
    term: "digital",
    forms: ["digital", "digitale", "digitalen", "digitaler", "digitales", "Digital", "Digitale", "Digitalen"],
    explanation: "Digital heißt: Die Arbeit läuft mit dem Computer und über das Internet.",
    others: ["elektronisch", "elektronische", "elektronischen"],
  },
  {
    term: "Durchschnitt",
    forms: ["Durchschnitt"],
    explanation: "Durchschnitt heißt: Wir verteilen alle Punkte gleich auf alle Kommunen.",
    others: ["Mittelwert"],
  },
  {
    term: "E-Rechnung",
    forms: ["E-Rechnung", "E-Rechnungen"],
    explanation: "Eine E-Rechnung ist eine Rechnung für den Computer. Ein Programm kann die Rechnung selbst lesen.",
    others: ["Rechnungen als Datei", "Rechnung als Datei", "einfache Datei"],
  },
  {
    term: "Förder-Geld",
    forms: ["Förder-Geld"],
    explanation: "Förder-Geld ist Geld für eine bestimmte Aufgabe. Es kommt zum Beispiel vom Bundes-Land.",
    others: ["Fördermittel", "Zuschuss"],
  },
  {
    term: "Funktion",
    forms: ["Funktion"],
    explanation: "Ihre Funktion ist Ihre Aufgabe in der Kommune. Zum Beispiel: Bürger-Meister.",
    others: ["Rolle"],
  },
  {
    term: "Gebärden-Sprache",
    forms: ["Gebärden-Sprache"],
    explanation: "Gebärden-Sprache ist eine Sprache mit den Händen. Viele Menschen mit Hör-Behinderung sprechen sie.",
  },
  {
    term: "Haushalt",
    forms: ["Haushalt"],
    explanation: "Der Haushalt ist der Plan für das Geld von einer Kommune.",
    others: ["Etat"],
  },
  {
    term: "Kommune",
    forms: ["Kommune", "Kommunen"],
    explanation: "Städte und Gemeinden heißen auch: Kommunen.",
  },
  {
    term: "Link",
    forms: ["Link", "Links"],
    explanation: "Ein Link ist eine Adresse im Internet. Mit einem Klick auf den Link kommen Sie zu einer Seite.",
    others: ["Verweis"],
  },
  {
    term: "PDF-Datei",
    forms: ["PDF-Datei", "PDF-Dateien"],
    explanation: "Eine PDF-Datei ist eine Datei zum Ansehen und Ausdrucken.",
  },
  {
    term: "Prüf-Gruppe",
    forms: ["Prüf-Gruppe"],
    explanation:
      "Eine Prüf-Gruppe sind Menschen mit Lern-Schwierigkeiten. Sie lesen Texte in Leichter Sprache zur Probe.",
  },
  {
    term: "Prüf-Programm",
    forms: ["Prüf-Programm"],
    explanation: "Ein Prüf-Programm ist ein Computer-Programm. Es sucht Probleme für Menschen mit Behinderungen.",
  },
  {
    term: "Rat",
    forms: ["Rat"],
    explanation: "Der Rat sind die gewählten Politiker von einer Kommune.",
    others: ["Gemeinderat", "Stadtrat", "Kreistag"],
  },
  {
    term: "Schlichtungs-Stelle",
    forms: ["Schlichtungs-Stelle"],
    explanation: "Eine Schlichtungs-Stelle hilft bei Streit um Barrieren. Die Hilfe ist kostenlos.",
    others: ["Ombuds-Stelle", "Ombudsstelle"],
  },
  {
    term: "Schulung",
    forms: ["Schulung", "Schulungen"],
    explanation: "Eine Schulung ist ein Kurs zum Lernen.",
    others: ["Fortbildung", "Weiterbildung"],
  },
  {
    term: "Tab-Taste",
    forms: ["Tab-Taste"],
    explanation: "Die Tab-Taste ist links auf der Tastatur. Sie bringt Sie zum nächsten Link oder Feld.",
  },
  {
    term: "Teilnahme-Code",
    forms: ["Teilnahme-Code"],
    explanation: "Ein Teilnahme-Code ist eine Reihe aus Buchstaben und Zahlen. Sie bekommen den Code mit einem Brief.",
    others: ["Zugangs-Code"],
  },
  {
    term: "Verband",
    forms: ["Verband", "Verbände", "Verbänden"],
    explanation: "Ein Verband ist eine Gruppe mit gleichen Zielen.",
  },
  {
    term: "Verwaltung",
    forms: ["Verwaltung"],
    explanation: "Die Verwaltung sind die Ämter und die Mitarbeiter von einer Kommune.",
  },
  {
    term: "Verwaltungs-Portal",
    forms: ["Verwaltungs-Portal"],
    explanation: "Ein Verwaltungs-Portal ist eine Internet-Seite mit Angeboten von der Verwaltung.",
    others: ["Portal", "Online-Portal"],
  },
];

const byTerm = new Map(WORD_LIST.map((e) => [e.term, e]));

/** The explanation of a word of the list, for a text to use where it first needs the word. */
export function explain(term: string): string {
  const entry = byTerm.get(term);
  if (!entry) throw new Error(`"${term}" is not in the word list`);
  return entry.explanation;
}
