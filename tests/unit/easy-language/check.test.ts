import { describe, expect, it } from "vitest";
import { checkEasyLanguage, EASY_LIMITS, sentencesOf, wordsOf, type TEasyUnit } from "@/lib/easy-language/check";
import { explain } from "@/lib/easy-language/word-list";
import { explainWords } from "@/lib/easy-language/explain-words";
import type { TEasySection } from "@/lib/easy-language/content";

/** The problems of a text, one string to match against. */
const problems = (...units: TEasyUnit[]) => checkEasyLanguage(units).problems.join("\n");

describe("sentences and words", () => {
  it("splits sentences at . ! ? but not inside an e-mail or web address, nor in a date", () => {
    expect(sentencesOf("Das ist gut. Schreiben Sie an info@stadt.de! Geht das? Ja")).toEqual([
      "Das ist gut.",
      "Schreiben Sie an info@stadt.de!",
      "Geht das?",
      "Ja",
    ]);
    expect(wordsOf("Der Digital-Check ist eine Internet-Seite – für Kommunen.")).toHaveLength(7);
    // A line break ends a unit too: a point's title on its own line is not part of the next sentence.
    expect(sentencesOf("Akten am Computer\nIhre Verwaltung führt die Akten schon am Computer.")).toEqual([
      "Akten am Computer",
      "Ihre Verwaltung führt die Akten schon am Computer.",
    ]);
    expect(sentencesOf("Die Prüfung war am 15. März 2027. Das ist gut.")).toEqual([
      "Die Prüfung war am 15. März 2027.",
      "Das ist gut.",
    ]);
  });
});

describe("the rules of the first checker", () => {
  it("finds a sentence over 15 words, an average over 10, abbreviations, percent signs and unsplit compounds", () => {
    const long = "Eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn.";
    expect(problems(long)).toMatch(/sentence of 16 words/);
    expect(problems(long)).toMatch(/average sentence length 16\.0/);
    const eleven = "Eins zwei drei vier fünf sechs sieben acht neun zehn elf.";
    expect(checkEasyLanguage([eleven]).problems).toEqual([`average sentence length 11.0 words > 10`]);
    for (const a of ["z. B.", "bzw.", "ggf.", "usw.", "d. h.", "ca."])
      expect(checkEasyLanguage([`Das ist ${a} gut.`]).problems, a).toContain(`abbreviation "${a}"`);
    expect(problems("Das sind 16 % der Kommunen.")).toMatch(/percent/);
    expect(checkEasyLanguage(["Der Digitalcheck ist gut."]).problems).toEqual([
      '"Digitalcheck": write "Digital-Check"',
    ]);
    expect(problems("Die Datenschutzerklärung ist lang.")).toMatch(/Daten-Schutz/);
    expect(checkEasyLanguage(["Der Digital-Check ist gut. Der Daten-Schutz auch."]).problems).toEqual([]);
  });

  it("keeps its limits", () => {
    expect(EASY_LIMITS).toEqual({ averageWords: 10, maxWords: 15, longWord: 13 });
  });
});

describe("the stricter rules, each with a sentence that breaks it and one that keeps it", () => {
  it.each<[string, string, string, RegExp]>([
    [
      "genitive after a noun",
      "Wir speichern die Zahl der Einwohner.",
      "Wir speichern die Zahl von den Einwohnern.",
      /genitive "Zahl der Einwohner"/,
    ],
    ["genitive with des", "Das ist die Seite des Amts.", "Das ist die Seite vom Amt.", /genitive/],
    ["genitive with Ihrer", "Die Ämter Ihrer Kommune helfen.", "Die Ämter von Ihrer Kommune helfen.", /genitive/],
    [
      "negation outside the allow-list",
      "Das geht nicht.",
      "Diese Fragen geben keine Punkte.",
      /negation outside the allow-list/,
    ],
    ["negation with kein", "Sie brauchen keinen Code.", "Sie brauchen nur Ihren Link.", /negation/],
    [
      "passive voice",
      "Ihre Daten werden gespeichert.",
      "Wir speichern Ihre Daten.",
      /passive voice: "Ihre Daten werden gespeichert\."/,
    ],
    ["Zustandspassiv", "Viele Dinge sind geplant.", "Ihre Kommune plant viele Dinge.", /sein \+ participle/],
    ["subjunctive", "Das wäre gut.", "Das ist gut.", /subjunctive "wäre"/],
    ["subjunctive with würde", "Wir würden gern helfen.", "Wir helfen gern.", /subjunctive "würden"/],
    [
      "pronominal adverb",
      "Danach sehen Sie Ihr Ergebnis.",
      "Dann sehen Sie Ihr Ergebnis.",
      /pronominal adverb "danach"/,
    ],
    ["pronominal adverb darauf", "Klicken Sie darauf.", "Klicken Sie auf den Knopf.", /pronominal adverb "darauf"/],
    ["acronym", "Das OZG gilt für alle.", "Ein Gesetz gilt für alle.", /acronym "OZG"/],
    [
      "unsplit long word the lists know split",
      "Die Verwaltungsseite ist neu.",
      "Die Verwaltungs-Seite ist neu.",
      /"Verwaltungsseite": write "Verwaltungs-Seite"/,
    ],
    [
      "unsplit compound of the list, inflected",
      "Es gibt viele Schlichtungsstellen.",
      "Es gibt viele Schlichtungs-Stellen.",
      /"Schlichtungsstelle": write "Schlichtungs-Stelle"/,
    ],
    [
      "another name for a word of the word list",
      "Ihr Portal ist gut.",
      "Ihr Verwaltungs-Portal ist gut.",
      /"Portal": the word list says "Verwaltungs-Portal"/,
    ],
    [
      "a second name for a thing",
      "Fragen Sie nach Fördermitteln und Fördermittel.",
      "Fragen Sie nach Förder-Geld.",
      /"Fördermittel": the word list says "Förder-Geld"/,
    ],
    [
      "the other form of a person word",
      "Fragen Sie die Mitarbeiterinnen.",
      "Fragen Sie die Mitarbeiter.",
      /"Mitarbeiterinnen": our texts write "Mitarbeiter"/,
    ],
    ["a gender sign", "Fragen Sie die Kolleg*innen.", "Fragen Sie die Kollegen.", /gender sign "Kolleg\*innen"/],
  ])("%s", (_rule, breaks, keeps, message) => {
    expect(problems(breaks)).toMatch(message);
    expect(checkEasyLanguage([keeps]).problems).toEqual([]);
  });

  it("fails on a word of the word list used before its explanation, not in a heading before it", () => {
    const used = "Erzählen Sie dem Rat von Ihrem Ergebnis.";
    expect(problems(used, explain("Rat"))).toMatch(/"Rat" used before its explanation/);
    expect(checkEasyLanguage([explain("Rat"), used]).problems).toEqual([]);
    // A heading names the word; the explanation follows right after it.
    expect(checkEasyLanguage([{ heading: "Der Rat" }, explain("Rat"), used]).problems).toEqual([]);
    // A compound is another word: "Digital-Check" is no use of "digital".
    expect(checkEasyLanguage(["Der Digital-Check ist neu.", explain("digital")]).problems).toEqual([]);
    expect(problems("Wie digital ist Ihre Kommune?", explain("digital"))).toMatch(/"digital" used before/);
  });

  it("leaves the words on the screen in quotes as they are, but not their negations", () => {
    expect(checkEasyLanguage(["Klicken Sie auf „Digitalcheck starten“."]).problems).toEqual([]);
    expect(checkEasyLanguage(["Schreiben Sie den Code in das Feld „Teilnahmecode“."]).problems).toEqual([]);
    expect(problems("Klicken Sie nicht auf „Daten löschen“.")).toMatch(/negation/);
  });

  it("knows that some words only look like a passive, a participle or a genitive", () => {
    for (const fine of [
      "Was ist passiert?",
      "Das ist die Stufe: Weit fortgeschritten.",
      "Der Digital-Check ist eine Internet-Seite für Städte und Gemeinden.",
      "Hier kann Ihre Kommune besser werden.",
      "Machen Sie den Digital-Check jedes Jahr.",
      "Zum Beispiel: der Bürger-Meister.",
      "Wofür braucht Ihre Kommune Geld?",
      "Am Tag der offenen Tür zeigen wir den Digital-Check.",
      "Eine PDF-Datei ist eine Datei zum Ansehen.",
      "Schreiben Sie an barrierefreiheit@pruefstadt.example.",
      "Die Programmierer haben die Seite geprüft.",
    ])
      expect(checkEasyLanguage([fine]).problems, fine).toEqual([]);
  });
});

describe("explainWords", () => {
  const section = (...texts: string[]): TEasySection[] => [
    { id: "s", heading: "Ein Verwaltungs-Portal", blocks: texts.map((text) => ({ kind: "p" as const, text })) },
  ];
  const textOf = (sections: TEasySection[]) =>
    sections[0]!.blocks.map((b) => (b.kind === "p" ? b.text : "")).join(" | ");

  it("explains a word of the word list right before its first use, once, and the words its explanation needs first", () => {
    const out = explainWords(section("Ihre Kommune hat ein Verwaltungs-Portal.", "Das Verwaltungs-Portal ist gut."));
    expect(textOf(out)).toBe(
      [
        explain("Kommune"),
        explain("Verwaltung"),
        explain("Verwaltungs-Portal"),
        "Ihre Kommune hat ein Verwaltungs-Portal. | Das Verwaltungs-Portal ist gut.",
      ].join(" "),
    );
    expect(
      checkEasyLanguage([
        { heading: "Ein Verwaltungs-Portal" },
        ...out[0]!.blocks.map((b) => (b.kind === "p" ? b.text : "")),
      ]).problems,
    ).toEqual([]);
  });

  it("keeps a text's own explanation where it stands", () => {
    const own = `${explain("Schulung")} Planen Sie Zeit für Schulungen ein.`;
    expect(textOf(explainWords(section(own)))).toBe(own);
  });
});
