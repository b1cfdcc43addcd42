/**
 * The mechanical part of the rules for Leichte Sprache (BITV 2.0, Anlage 2 Teil 2) that every text in
 * Leichter Sprache is checked against (tests/unit/easy-language, tests/e2e/easy-language.spec.ts):
 * short sentences, no abbreviations, no percent signs, compound nouns always split the same way.
 * Negation and passive voice are checked by reading (docs/adr/0012-leichte-sprache.md).
 */

export const EASY_LIMITS = { averageWords: 10, maxWords: 15 } as const;

/** Abbreviations that a text in Leichter Sprache writes out instead. */
export const ABBREVIATIONS = [
  "z. B.",
  "z.B.",
  "bzw.",
  "ggf.",
  "usw.",
  "d. h.",
  "d.h.",
  "ca.",
  "u. a.",
  "etc.",
  "evtl.",
  "inkl.",
  "vgl.",
  "Nr.",
  "§",
] as const;

/**
 * The compound nouns of our texts in Leichter Sprache and the one way each is written: split with a
 * hyphen (Bindestrich, never the Mediopunkt). A text that uses the unsplit spelling fails the check.
 */
export const SPLIT_COMPOUNDS: Record<string, string> = {
  Digitalcheck: "Digital-Check",
  Datenschutz: "Daten-Schutz",
  Barrierefreiheit: "Barriere-Freiheit",
  Fragebogen: "Frage-Bogen",
  Gebärdensprache: "Gebärden-Sprache",
  Schlichtungsstelle: "Schlichtungs-Stelle",
  Bürgermeister: "Bürger-Meister",
  Bürgermeisterin: "Bürger-Meisterin",
  Digitalstrategie: "Digital-Strategie",
  Verwaltungsportal: "Verwaltungs-Portal",
  Onlineantrag: "Online-Antrag",
  Bürgerapp: "Bürger-App",
  Homeoffice: "Home-Office",
  Rechenzentrum: "Rechen-Zentrum",
  Digitalbudget: "Digital-Budget",
  Haushaltsplan: "Haushalts-Plan",
  Teilnahmecode: "Teilnahme-Code",
  Arbeitsabläufe: "Arbeits-Abläufe",
  Rückmeldung: "Rück-Meldung",
  Bundesland: "Bundes-Land",
  Startseite: "Start-Seite",
  Kopfzeile: "Kopf-Zeile",
  Alltagssprache: "Alltags-Sprache",
  Internetseite: "Internet-Seite",
};

/**
 * Sentences of a text block: a sentence ends at ".", "!" or "?" followed by a space, at a line break (a
 * heading or a point's title on its own line) or at the end.
 */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) =>
      line
        .replace(/\s+/g, " ")
        .trim()
        .split(/(?<=[.!?])\s+/),
    )
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** Words of a sentence: whitespace-separated tokens with a letter or digit ("Digital-Check" is one word). */
export function wordsOf(sentence: string): string[] {
  return sentence.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t));
}

export type TEasyCheck = {
  sentences: number;
  averageWords: number;
  longest: { sentence: string; words: number } | null;
  /** Each rule broken, in English for the test output; empty when the text passes. */
  problems: string[];
};

/**
 * Checks one text (a page, a section, a generated result) given as its blocks: headings, paragraphs and
 * list items. Each block ends a sentence, so a heading or list item without a full stop counts as one.
 */
export function checkEasyLanguage(blocks: readonly string[]): TEasyCheck {
  const sentences = blocks.flatMap(sentencesOf);
  const counts = sentences.map((s) => wordsOf(s).length);
  const total = counts.reduce((a, b) => a + b, 0);
  const averageWords = sentences.length ? total / sentences.length : 0;
  const problems: string[] = [];
  let longest: TEasyCheck["longest"] = null;
  sentences.forEach((sentence, i) => {
    const words = counts[i]!;
    if (!longest || words > longest.words) longest = { sentence, words };
    if (words > EASY_LIMITS.maxWords) problems.push(`sentence of ${words} words: "${sentence}"`);
  });
  if (averageWords > EASY_LIMITS.averageWords)
    problems.push(`average sentence length ${averageWords.toFixed(1)} words > ${EASY_LIMITS.averageWords}`);
  const text = blocks.join("\n");
  for (const a of ABBREVIATIONS) if (text.includes(a)) problems.push(`abbreviation "${a}"`);
  if (/%|Prozent/.test(text)) problems.push('percent: say "16 von 100" instead');
  for (const [whole, split] of Object.entries(SPLIT_COMPOUNDS)) {
    if (new RegExp(`(?<![\\p{L}-])${whole}`, "u").test(text)) problems.push(`"${whole}": write "${split}"`);
  }
  return { sentences: sentences.length, averageWords, longest, problems };
}
