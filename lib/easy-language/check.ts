import { WORD_LIST, type TWordListEntry } from "./word-list";

/**
 * The mechanical part of the rules for Leichte Sprache (BITV 2.0 Anlage 2 Teil 2, the rules of the Netzwerk
 * Leichte Sprache and DIN SPEC 33429) that every text in Leichter Sprache is checked against: in the unit
 * tests (tests/unit/easy-language), on the rendered pages (tests/e2e/easy-language.spec.ts) and in the PDF
 * (tests/api/report.spec.ts). What the rules are and why each allow-list holds what it holds:
 * docs/adr/0012-leichte-sprache.md.
 */

export const EASY_LIMITS = { averageWords: 10, maxWords: 15, longWord: 13 } as const;

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
 * hyphen (Bindestrich, never the Mediopunkt). A text that uses the unsplit spelling fails the check, and so
 * does any unsplit word of 13 letters or more made of two parts this list and the word list know split.
 */
export const SPLIT_COMPOUNDS: Record<string, string> = {
  Digitalcheck: "Digital-Check",
  Datenschutz: "Daten-Schutz",
  Barrierefreiheit: "Barriere-Freiheit",
  Fragebogen: "Frage-Bogen",
  Gebärdensprache: "Gebärden-Sprache",
  Schlichtungsstelle: "Schlichtungs-Stelle",
  Bürgermeister: "Bürger-Meister",
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
  Bundesregierung: "Bundes-Regierung",
  Startseite: "Start-Seite",
  Kopfzeile: "Kopf-Zeile",
  Alltagssprache: "Alltags-Sprache",
  Internetseite: "Internet-Seite",
  Ergebnisseite: "Ergebnis-Seite",
  Übersichtsseite: "Übersichts-Seite",
  Computerprogramm: "Computer-Programm",
  Computertechnik: "Computer-Technik",
  Prüfgruppe: "Prüf-Gruppe",
  Prüfprogramm: "Prüf-Programm",
  Fördergeld: "Förder-Geld",
  Lernschwierigkeiten: "Lern-Schwierigkeiten",
  Hörbehinderung: "Hör-Behinderung",
  Wörterliste: "Wörter-Liste",
  Fachleute: "Fach-Leute",
  Tabtaste: "Tab-Taste",
};

/**
 * The nine negations whose positive form would say something else or hide what an answer means, and the
 * sentences that need a "nicht" to be true (docs/adr/0012-leichte-sprache.md). A number is written "{n}".
 * Any other sentence with nicht, kein, nichts, niemand, nie or weder fails.
 */
export const NEGATIONS_ALLOWED: readonly string[] = [
  "Oder bekommen Sie nach {n} Monat keine Antwort?",
  "Ihren eigenen Namen brauchen wir nicht.",
  "Haben Sie Ihre Antworten noch nicht abgeschickt?",
  "Und haben Sie {n} Monate lang nichts geändert?",
  "Ihre Kommune hat in der Corona-Zeit kein Geld für das Digitale ausgegeben oder eingeplant.",
  "Ihre Kommune spricht gerade auch nicht über so einen Plan.",
  "In Ihrer Verwaltung können fast keine Mitarbeiter gut mit Computer-Programmen arbeiten.",
  "Dann braucht Ihre Kommune meistens kein eigenes Verwaltungs-Portal.",
  "Diese Fragen geben keine Punkte.",
  // The note the issue of the texts' check asks for, word for word, and the third step of the status.
  "Diese Texte hat noch keine Prüf-Gruppe gelesen.",
  "Es gibt {n} Stufen: ganz barriere-frei, zum Teil barriere-frei und nicht barriere-frei.",
];

const NEGATION_WORDS = new Set([
  "nicht",
  "kein",
  "keine",
  "keinen",
  "keinem",
  "keiner",
  "keines",
  "nichts",
  "niemand",
  "niemanden",
  "niemandem",
  "nie",
  "niemals",
  "nirgends",
  "weder",
]);

/** Forms of "werden": with a participle they make the passive voice. */
const WERDEN = new Set(["wird", "werden", "wurde", "wurden", "worden", "wirst", "werde"]);
/** Forms of "sein": with a participle at the end of the sentence they make the Zustandspassiv ("ist geplant"). */
const SEIN = new Set(["ist", "sind", "war", "waren", "bin", "bist", "seid"]);
/** Past participles: "geplant", "ausgegeben", "informiert". Lower case only, so that nouns ("Gemeinden") stay out. */
const PARTICIPLE = /^(?:\p{Ll}*ge\p{Ll}+(?:t|en)|\p{Ll}+iert)$/u;
const NOT_PARTICIPLES = new Set(["gegen", "eigenen", "genug", "gelten", "gehen", "geben"]);
/** After "sein" no passive: verbs whose perfect tense takes "sein" ("Was ist passiert?"), and adjectives. */
const NOT_PASSIVE_AFTER_SEIN = new Set([
  "passiert",
  "gekommen",
  "gegangen",
  "geblieben",
  "gewesen",
  "geworden",
  "gelaufen",
  "fortgeschritten",
]);

/** Konjunktiv I and II ("würde", "hätte", "sei"); "möchte" stays, it is the plain word for a wish. */
const SUBJUNCTIVE = new Set([
  "würde",
  "würden",
  "würdest",
  "wäre",
  "wären",
  "hätte",
  "hätten",
  "könnte",
  "könnten",
  "müsste",
  "müssten",
  "sollte",
  "sollten",
  "dürfte",
  "dürften",
  "sei",
  "seien",
]);

/** Pronominal adverbs point back to something the reader must find: "danach", "darauf", "dafür". */
const PRONOMINAL_ADVERB =
  /^(?:da|hier|wo)r?(?:an|auf|aus|bei|durch|für|gegen|hinter|in|mit|nach|neben|über|um|unter|von|vor|zu|zwischen)$/;
/** Allowed: the question words ("Wofür braucht Ihre Kommune Geld?"), which ask and point nowhere. */
export const PRONOMINAL_ADVERBS_ALLOWED: readonly string[] = [
  "wofür",
  "womit",
  "wovon",
  "wozu",
  "worüber",
  "woran",
  "worauf",
  "worum",
];

/** Articles and determiners of the genitive after a noun: "die Zahl der Einwohner", "die Ämter Ihrer Kommune". */
const GENITIVE_ARTICLES = new Set([
  "der",
  "des",
  "eines",
  "einer",
  "ihrer",
  "ihres",
  "unserer",
  "unseres",
  "dieser",
  "dieses",
]);
/** Fixed names with a genitive that a text may keep (none of our own wording; names of others only). */
export const GENITIVE_ALLOWED: readonly string[] = ["Tag der offenen Tür"];
const NOT_NOUNS = new Set(["Sie", "Ihnen", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres", "Wir", "Es", "Ich"]);

/** Acronyms a reader knows from the screen and the file itself. Any other word with 2 capitals fails. */
export const ACRONYMS_ALLOWED: readonly string[] = ["PDF"];
const TWO_CAPITALS = /\p{Lu}\P{Lu}*\p{Lu}/u;

/**
 * People: our texts use one form for all (the masculine, as "Was ist Leichte Sprache?" says), so the other
 * forms of the same words fail, and so do gender signs ("Mitarbeiter*innen").
 */
const OTHER_PERSON_FORMS: Record<string, readonly string[]> = {
  Mitarbeiter: ["Mitarbeiterin", "Mitarbeiterinnen"],
  "Bürger-Meister": ["Bürger-Meisterin", "Bürger-Meisterinnen", "Bürgermeisterin"],
  Bürger: ["Bürgerin", "Bürgerinnen"],
  Kollege: ["Kollegin", "Kolleginnen"],
  Politiker: ["Politikerin", "Politikerinnen"],
  Einwohner: ["Einwohnerin", "Einwohnerinnen"],
  Programmierer: ["Programmiererin", "Programmiererinnen"],
};

const MONTHS = /^(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b/;

/**
 * Sentences of a text block: a sentence ends at ".", "!" or "?" followed by a space, at a line break (a
 * heading or a point's title on its own line) or at the end; a date ("15. März 2027") is no sentence end.
 */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) =>
      line
        .replace(/\s+/g, " ")
        .trim()
        .split(/(?<=[.!?])\s+/)
        .reduce<string[]>((out, piece) => {
          const last = out[out.length - 1];
          if (last !== undefined && /\d\.$/.test(last) && MONTHS.test(piece)) out[out.length - 1] = `${last} ${piece}`;
          else out.push(piece);
          return out;
        }, []),
    )
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** Words of a sentence: whitespace-separated tokens with a letter or digit ("Digital-Check" is one word). */
export function wordsOf(sentence: string): string[] {
  return sentence.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t));
}

/**
 * A unit of a text: a block (paragraph, list item) or a heading. Headings (also a point's title, an entry
 * of a table of contents, a word of the word list) name a thing before its explanation follows, so the
 * rule "explained before it is used" reads only the sentences of blocks.
 */
export type TEasyUnit = string | { heading: string };

export type TEasyCheck = {
  sentences: number;
  averageWords: number;
  longest: { sentence: string; words: number } | null;
  /** Each rule broken, in English for the test output; empty when the text passes. */
  problems: string[];
};

/** Quoted words are the screen's or a name ("„Digitalcheck starten“"): the word rules leave them as they are. */
const withoutQuotes = (s: string) => s.replace(/„[^“”]*[“”]|"[^"]*"|‚[^‘]*‘/g, " ");
/** Addresses are no words: "info@stadt.de", "https://www.schlichtungsstelle-bgg.de". */
const withoutAddresses = (s: string) => s.replace(/\S*(?:@|:\/\/|www\.)\S*/g, " ");
/** Tokens with a letter or digit, outside quotes and addresses, as written (with their punctuation). */
const rawTokensOf = (s: string) =>
  withoutAddresses(withoutQuotes(s))
    .split(/\s+/)
    .filter((t) => /[\p{L}\p{N}]/u.test(t));
/** A token without the punctuation around it (hyphens inside words stay). */
const bare = (t: string) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A word or phrase as a whole word, in its case: "Portal" is not found in "Verwaltungs-Portal", "Link" not in "links". */
const wholeWords = new Map<string, RegExp>();
const wholeWord = (phrase: string) => {
  let re = wholeWords.get(phrase);
  if (!re) wholeWords.set(phrase, (re = new RegExp(`(?<![\\p{L}\\p{N}-])${escape(phrase)}(?![\\p{L}\\p{N}-])`, "u")));
  return re;
};

const FORMS = new Map(
  WORD_LIST.map((e) => [
    e,
    new RegExp(`(?<![\\p{L}\\p{N}-])(?:${e.forms.map(escape).join("|")})(?![\\p{L}\\p{N}-])`, "u"),
  ]),
);

/** Whether a sentence uses a word of the word list, in one of its forms, outside quotes. */
export function usesWord(entry: TWordListEntry, sentence: string): boolean {
  return FORMS.get(entry)!.test(withoutQuotes(sentence));
}

/** The parts of every compound the lists know split ("verwaltungs", "portal"), for unsplit long words. */
const KNOWN_PARTS = new Set(
  [...Object.values(SPLIT_COMPOUNDS), ...WORD_LIST.flatMap((e) => e.forms)]
    .filter((w) => w.includes("-"))
    .flatMap((w) => w.split("-"))
    .filter((p) => p.length >= 3)
    .map((p) => p.toLowerCase()),
);
const INFLECTION = /(?:en|n|e|es|s|er|ern)$/;

/** "Verwaltungsseite" → "Verwaltungs-Seite" when both parts are known, else null. */
function knownSplit(word: string): string | null {
  const lower = word.toLowerCase();
  for (let i = 3; i <= lower.length - 3; i += 1) {
    const left = lower.slice(0, i);
    const right = lower.slice(i);
    if (KNOWN_PARTS.has(left) && (KNOWN_PARTS.has(right) || KNOWN_PARTS.has(right.replace(INFLECTION, ""))))
      return `${word.slice(0, i)}-${word.charAt(i).toUpperCase()}${word.slice(i + 1)}`;
  }
  return null;
}

/** Each compound of the list with the pattern of its unsplit spelling (also inflected: "Schlichtungsstellen"). */
const UNSPLIT = Object.entries(SPLIT_COMPOUNDS).map(
  ([whole, split]) => [whole, split, new RegExp(`(?<![\\p{L}-])${whole}`, "u")] as const,
);

/** Each word of the word list with the sentence that explains it: the first of its explanation. */
export const EXPLAINED_BY: readonly (readonly [TWordListEntry, string])[] = WORD_LIST.map(
  (e) => [e, sentencesOf(e.explanation)[0]!] as const,
);

/** A sentence with its numbers written "{n}", as the allow-list of negations has them. */
const numbersAsN = (s: string) => s.replace(/\d+/g, "{n}");

/** Every rule that reads one sentence on its own; `say` adds a problem. */
function checkSentence(sentence: string, say: (problem: string) => void) {
  const raw = rawTokensOf(sentence);
  const words = raw.map(bare);
  const lower = words.map((w) => w.toLowerCase());
  // Words of the whole sentence, quotes included: a quoted label cannot hide a negation or a passive.
  const all = sentence
    .split(/\s+/)
    .map((t) => bare(t).toLowerCase())
    .filter(Boolean);

  if (all.some((w) => NEGATION_WORDS.has(w)) && !NEGATIONS_ALLOWED.includes(numbersAsN(sentence)))
    say(`negation outside the allow-list: "${sentence}"`);

  // Participles in their own case: "Gemeinden" is a noun, "gemeldet" a participle.
  const hasWerden = all.some((w) => WERDEN.has(w));
  const hasSein = all.some((w) => SEIN.has(w));
  if (hasWerden || hasSein) {
    const cased = sentence.split(/\s+/).map(bare).filter(Boolean);
    if (hasWerden && cased.some((w) => PARTICIPLE.test(w) && !NOT_PARTICIPLES.has(w)))
      say(`passive voice: "${sentence}"`);
    const lastWord = cased[cased.length - 1] ?? "";
    if (hasSein && PARTICIPLE.test(lastWord) && !NOT_PASSIVE_AFTER_SEIN.has(lastWord))
      say(`passive voice (sein + participle): "${sentence}"`);
  }
  const subjunctive = all.find((w) => SUBJUNCTIVE.has(w));
  if (subjunctive) say(`subjunctive "${subjunctive}": "${sentence}"`);

  for (const w of lower)
    if (PRONOMINAL_ADVERB.test(w) && !PRONOMINAL_ADVERBS_ALLOWED.includes(w))
      say(`pronominal adverb "${w}": name the thing instead: "${sentence}"`);

  const unquoted = withoutQuotes(sentence);
  if (!GENITIVE_ALLOWED.some((g) => unquoted.includes(g))) {
    for (let i = 0; i < words.length - 1; i += 1) {
      const [noun, article, next, after] = [words[i]!, lower[i + 1]!, words[i + 2], words[i + 3]];
      // "Zum Beispiel: der Bürger-Meister": punctuation after the noun ends the phrase.
      const isNoun = i > 0 && /^\p{Lu}/u.test(noun) && !NOT_NOUNS.has(noun) && bare(raw[i]!) === raw[i];
      const nounFollows = [next, after].some((w) => w !== undefined && /^\p{Lu}/u.test(w));
      if (article === "des" || article === "eines" || (isNoun && GENITIVE_ARTICLES.has(article) && nounFollows)) {
        say(`genitive "${words.slice(i, i + 3).join(" ")}": write "von …": "${sentence}"`);
        break;
      }
    }
  }

  for (const w of words) {
    for (const part of w.split("-"))
      if (TWO_CAPITALS.test(part) && !ACRONYMS_ALLOWED.includes(part))
        say(`acronym "${part}": write the words out: "${sentence}"`);
    if (w.length >= EASY_LIMITS.longWord && /^\p{L}+$/u.test(w) && !SPLIT_COMPOUNDS[w]) {
      const split = knownSplit(w);
      if (split) say(`"${w}": write "${split}"`);
    }
  }
}

/**
 * Checks one text (a page, a section, a generated result) given as its blocks and headings, in reading
 * order. Each block ends a sentence, so a heading or list item without a full stop counts as one.
 */
export function checkEasyLanguage(units: readonly TEasyUnit[]): TEasyCheck {
  const all = units.flatMap((u) =>
    typeof u === "string"
      ? sentencesOf(u).map((s) => ({ s, heading: false }))
      : sentencesOf(u.heading).map((s) => ({ s, heading: true })),
  );
  const sentences = all.map((x) => x.s);
  const counts = sentences.map((s) => wordsOf(s).length);
  const total = counts.reduce((a, b) => a + b, 0);
  const averageWords = sentences.length ? total / sentences.length : 0;
  const problems = new Set<string>();
  const say = (p: string) => problems.add(p);
  let longest: TEasyCheck["longest"] = null;
  sentences.forEach((sentence, i) => {
    const words = counts[i]!;
    if (!longest || words > longest.words) longest = { sentence, words };
    if (words > EASY_LIMITS.maxWords) say(`sentence of ${words} words: "${sentence}"`);
    checkSentence(sentence, say);
  });
  if (averageWords > EASY_LIMITS.averageWords)
    say(`average sentence length ${averageWords.toFixed(1)} words > ${EASY_LIMITS.averageWords}`);

  const text = units.map((u) => (typeof u === "string" ? u : u.heading)).join("\n");
  for (const a of ABBREVIATIONS) if (text.includes(a)) say(`abbreviation "${a}"`);
  if (/%|Prozent/.test(text)) say('percent: say "16 von 100" instead');
  const unquoted = withoutAddresses(withoutQuotes(text));
  for (const [whole, split, re] of UNSPLIT) if (re.test(unquoted)) say(`"${whole}": write "${split}"`);

  for (const [entry, first] of EXPLAINED_BY) {
    for (const other of entry.others ?? [])
      if (wholeWord(other).test(unquoted)) say(`"${other}": the word list says "${entry.term}"`);
    const explainedAt = sentences.indexOf(first);
    if (explainedAt < 0) continue;
    const early = all.slice(0, explainedAt).find((x) => !x.heading && usesWord(entry, x.s));
    if (early) say(`"${entry.term}" used before its explanation ("${first}"): "${early.s}"`);
  }
  for (const [one, others] of Object.entries(OTHER_PERSON_FORMS))
    for (const other of others) if (wholeWord(other).test(unquoted)) say(`"${other}": our texts write "${one}"`);
  const sign = /\p{L}+[*:_]in(?:nen)?\b/u.exec(unquoted);
  if (sign) say(`gender sign "${sign[0]}": our texts write one form for all`);

  return { sentences: sentences.length, averageWords, longest, problems: [...problems] };
}
