import { DRAFT_RETENTION_MONTHS } from "../config/retention";
import { formatReleaseDate as formatDate } from "../peers/release-label";
import { reference } from "../survey/reference";
import { EASY_PICTURES, type TEasyPicture } from "./pictures";
import { explain, WORD_LIST, type TWordListEntry } from "./word-list";
import type { TEasyUnit } from "./check";

/**
 * The texts in Leichter Sprache of the page /leichte-sprache and of the accessibility statement, as data:
 * the pages render them (components/easy-language/easy-sections.tsx), and the unit test checks every one
 * against the rules (lib/easy-language/check.ts). Inline links are written "[Text](/pfad)"; words in „…“ are
 * the words on the screen. The blocks "contact" and "mediation" are where a page puts the operator's e-mail
 * address and the Schlichtungsstelle from the configuration, "action" a button of the page.
 */
export type TEasyItem = { text: string; picture?: TEasyPicture };

export type TEasyBlock =
  | { kind: "p"; text: string; picture?: TEasyPicture }
  | { kind: "list"; items: TEasyItem[]; numbered?: boolean }
  /** Named points: a strength, a gap, a next step (lib/easy-language/easy-result.ts); the title is a heading. */
  | { kind: "points"; items: { title: string; text: string }[]; numbered?: boolean }
  /** The word list: each word a heading of its own, its explanation after it. */
  | { kind: "words"; entries: readonly TWordListEntry[] }
  | { kind: "contact" }
  | { kind: "mediation" }
  | { kind: "action"; action: "download" };

export type TEasySection = { id: string; heading: string; blocks: TEasyBlock[] };

/** A check of the texts by a group of readers, as the operator confirms it (EASY_LANGUAGE_CHECKED_BY, …_ON). */
export type TEasyReview = { by: string; on: string } | null;

/** What the texts say about the instance they run on, from the configuration (lib/operator-info.ts). */
export type TEasyInstance = {
  /** Only municipalities confirmed with a participation code count in the comparison (PEERS_MODE=verified). */
  verifiedPeers: boolean;
  /** k of the comparison (PEER_K). */
  peerK: number;
  /** Who runs the instance (OPERATOR_NAME); null where it is not configured yet. */
  operatorName: string | null;
};

const p = (...sentences: string[]): TEasyBlock => ({ kind: "p", text: sentences.join(" ") });
const list = (items: (string | TEasyItem)[], numbered = false): TEasyBlock => ({
  kind: "list",
  items: items.map((i) => (typeof i === "string" ? { text: i } : i)),
  numbered,
});

/**
 * The Schlichtungsstelle nach § 16 BGG, for instances run by a federal body: the default where the operator
 * has not configured the one of its state (SCHLICHTUNGSSTELLE_NAME, …_ADDRESS, …_URL).
 */
export const FEDERAL_SCHLICHTUNGSSTELLE = {
  name: "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz (BGG) bei dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen",
  address: ["Mauerstraße 53", "10117 Berlin"],
  url: "https://www.schlichtungsstelle-bgg.de",
} as const;

/** When the accessibility statement was written and last revised (both pages say so). */
export const ACCESSIBILITY_STATEMENT = { created: "2026-11-25", revised: "2026-12-07" } as const;

/** The name of the site, as its header shows it. */
const SITE = "„Kommunaler Digitalcheck“";

/**
 * The note on the check by readers of the target group: that none has read the texts yet, until the
 * operator confirms a check with who and when (docs/adr/0012-leichte-sprache.md).
 */
export function reviewNote(review: TEasyReview): string[] {
  const what = explain("Prüf-Gruppe").split(/(?<=\.)\s+/);
  if (!review) return [...what, "Diese Texte hat noch keine Prüf-Gruppe gelesen."];
  return [
    ...what,
    "Eine Prüf-Gruppe hat diese Texte gelesen.",
    `Das war die Prüf-Gruppe von: ${review.by}.`,
    `Die Prüfung war am ${formatDate(review.on)}.`,
  ];
}

const REPORT_BARRIER: TEasySection = {
  id: "barriere-melden",
  heading: "Eine Barriere melden",
  blocks: [
    p(
      explain("Barriere"),
      "Oder Sie können einen Text schlecht lesen.",
      "Finden Sie eine Barriere auf dieser Internet-Seite?",
      "Dann schreiben Sie uns bitte eine E-Mail.",
      "Schreiben Sie: Auf welcher Seite ist die Barriere?",
      "Und was ist passiert?",
    ),
    { kind: "contact" },
    p("Wir antworten Ihnen innerhalb von 1 Monat."),
  ],
};

const MEDIATION: TEasySection = {
  id: "schlichtung",
  heading: "Hilfe bei Streit",
  blocks: [
    p(
      explain("Schlichtungs-Stelle"),
      "Sind Sie mit unserer Antwort unzufrieden?",
      "Oder bekommen Sie nach 1 Monat keine Antwort?",
      "Dann können Sie sich an die Schlichtungs-Stelle wenden.",
      "Für diese Internet-Seite hilft diese Schlichtungs-Stelle:",
    ),
    { kind: "mediation" },
  ],
};

/** The sections of a page as a table of contents: its headings, in order, with their anchors. */
export function contentsOf(sections: readonly TEasySection[]): { id: string; heading: string }[] {
  return sections.map(({ id, heading }) => ({ id, heading }));
}

/** /leichte-sprache: what the Digital-Check is, how to use it, the data, barriers, Leichte Sprache, the word list. */
export function easyPage(instance: TEasyInstance): { title: string; intro: string[]; sections: TEasySection[] } {
  const k = instance.peerK;
  return {
    title: "Leichte Sprache",
    intro: ["Auf dieser Seite erklären wir den Digital-Check in Leichter Sprache."],
    sections: [
      {
        id: "was",
        heading: "Was ist der Digital-Check?",
        blocks: [
          p(
            "Der Digital-Check ist eine Internet-Seite für Städte und Gemeinden.",
            explain("Kommune"),
            explain("Verwaltung"),
            explain("digital"),
            "Zum Beispiel: Menschen stellen einen Antrag im Internet.",
            "Mit dem Digital-Check prüft eine Kommune: Wie digital ist unsere Verwaltung?",
          ),
          p(
            "Im Jahr 2020 gab es eine große Umfrage.",
            `${reference.source.sample} Kommunen in Deutschland haben mitgemacht.`,
            explain("Verband"),
            "Die Umfrage kommt von 2 Verbänden.",
            "Der eine Verband heißt: Bitkom.",
            "Bei Bitkom sind Firmen für Computer und Internet.",
            "Der andere Verband heißt: Deutscher Städte- und Gemeindebund.",
            "Dort arbeiten viele Städte und Gemeinden zusammen.",
          ),
          p(
            "Der Digital-Check vergleicht Ihre Antworten mit dieser Umfrage.",
            "Dann sehen Sie: So weit ist Ihre Kommune.",
          ),
        ],
      },
      {
        id: "fuer-wen",
        heading: "Für wen ist der Digital-Check?",
        blocks: [
          p(
            "Der Digital-Check ist für Menschen aus der Verwaltung von einer Kommune.",
            "Zum Beispiel für den Bürger-Meister.",
            "Sie können die Fragen allein beantworten.",
            "Oder Sie beantworten die Fragen zusammen mit Kollegen.",
          ),
        ],
      },
      {
        id: "schritte",
        heading: "So benutzen Sie den Digital-Check",
        blocks: [
          list(
            [
              {
                text: "Gehen Sie auf die [Start-Seite](/). Klicken Sie dort auf den Knopf „Digitalcheck starten“.",
                picture: EASY_PICTURES.startButton,
              },
              `${explain("Teilnahme-Code")} Haben Sie einen Teilnahme-Code? Dann schreiben Sie den Code in das Feld „Teilnahmecode“.`,
              "Schreiben Sie den Namen von Ihrer Kommune in das Feld „Name der Kommune“. Wählen Sie Ihre Kommune dann aus der Liste. Wir tragen dann für Sie ein: das Bundes-Land und die Zahl von den Einwohnern.",
              `${explain("Funktion")} Wählen Sie Ihre Funktion aus. Klicken Sie dann auf „Selbsteinschätzung anlegen“.`,
              `${explain("Link")} Sie bekommen jetzt einen eigenen Link. Mit dem Link kommen Sie später zurück zu Ihren Antworten.`,
              "Beantworten Sie die Fragen. Es gibt " +
                `${reference.questions.length} Fragen in ${reference.topics.length} Teilen. ` +
                "Wir speichern jede Antwort sofort. Sie können jederzeit eine Pause machen.",
              "Klicken Sie am Ende auf „Prüfen und absenden“. Prüfen Sie Ihre Antworten. Klicken Sie dann auf „Selbsteinschätzung absenden“.",
              "Jetzt sehen Sie Ihr Ergebnis. Das Ergebnis gibt es auch in Leichter Sprache.",
            ],
            true,
          ),
          p(
            "Der Link ist wie ein Schlüssel.",
            "Mit dem Link kann jeder Mensch Ihre Antworten sehen, ändern und löschen.",
            "Bewahren Sie den Link gut auf.",
            "Geben Sie den Link nur an Menschen weiter: Sie müssen diesen Menschen vertrauen.",
          ),
        ],
      },
      {
        id: "ergebnis",
        heading: "Ihr Ergebnis in Leichter Sprache",
        blocks: [
          p(
            "Öffnen Sie Ihren Link.",
            "Dann sehen Sie die Übersicht von Ihrem Digital-Check.",
            "Haben Sie die Antworten schon abgeschickt?",
            "Dann klicken Sie auf „Ihr Ergebnis ansehen“.",
          ),
          {
            kind: "p",
            text: [
              "Oben auf der Ergebnis-Seite sind 2 Knöpfe.",
              "Klicken Sie auf „Ergebnis in Leichter Sprache“.",
              "Dann sehen Sie Ihr Ergebnis in Leichter Sprache.",
            ].join(" "),
            picture: EASY_PICTURES.viewSwitch,
          },
          {
            kind: "p",
            text: [
              explain("PDF-Datei"),
              "Unten auf der Seite ist der Knopf „PDF-Datei speichern“.",
              "Mit dem Knopf speichern Sie das Ergebnis als PDF-Datei.",
            ].join(" "),
            picture: EASY_PICTURES.pdfButton,
          },
          p(
            "Die erste Seite von der PDF-Datei hat Angaben zu Ihrer Kommune.",
            "Dann kommt das Ergebnis in Leichter Sprache.",
            explain("Alltags-Sprache"),
            "Am Ende kommt das ausführliche Ergebnis in Alltags-Sprache.",
          ),
        ],
      },
      {
        id: "vergleich",
        heading: "Vergleich mit anderen Kommunen",
        blocks: [
          p(
            "Viele Kommunen machen den Digital-Check.",
            "Sie können Ihre Kommune mit anderen Kommunen vergleichen.",
            "Zum Beispiel mit Kommunen im gleichen Bundes-Land.",
            "Oder mit Kommunen von ungefähr gleicher Größe.",
            "Oder mit beidem.",
          ),
          p(
            ...(instance.verifiedPeers ? ["Im Vergleich zählen nur Kommunen mit einem Teilnahme-Code."] : []),
            `Wir zeigen diesen Vergleich erst ab ${k} Kommunen.`,
            "So bleiben die Antworten von jeder einzelnen Kommune geheim.",
          ),
        ],
      },
      {
        id: "daten",
        heading: "Was passiert mit Ihren Daten?",
        blocks: [
          p(
            "Wir speichern den Namen von Ihrer Kommune.",
            "Wir speichern auch das Bundes-Land und die Zahl von den Einwohnern.",
            "Wir speichern Ihre Funktion in der Kommune.",
            "Und wir speichern Ihre Antworten.",
            "Wir speichern auch: Wann haben Sie etwas geändert?",
            "Ihren eigenen Namen brauchen wir nicht.",
          ),
          p(
            "Ihre Antworten sehen nur Menschen mit Ihrem Link.",
            `Andere Kommunen sehen nur Zahlen von mindestens ${k} Kommunen zusammen.`,
            "Alle Daten bleiben bei uns.",
          ),
          p(
            "Sie können Ihre Daten jederzeit löschen.",
            "Das geht auf der Übersichts-Seite von Ihrem Digital-Check.",
            "Klicken Sie dort auf „Daten löschen“.",
            "Abgeschickte Antworten löschen wir nur auf Ihren Wunsch.",
            "Haben Sie Ihre Antworten noch nicht abgeschickt?",
            `Und haben Sie ${DRAFT_RETENTION_MONTHS} Monate lang nichts geändert?`,
            "Dann löschen wir alle Daten von diesem Digital-Check.",
          ),
          p(
            explain("Daten-Schutz"),
            "Mehr über den Daten-Schutz steht in der [Erklärung zum Daten-Schutz](/datenschutz).",
            "Die Erklärung ist in Alltags-Sprache.",
          ),
        ],
      },
      {
        id: "zurechtfinden",
        heading: "So finden Sie sich auf der Seite zurecht",
        blocks: [
          {
            kind: "p",
            text: [
              "Oben auf jeder Seite ist ein blauer Streifen.",
              `Dort steht der Name von der Internet-Seite: ${SITE}.`,
              "Mit einem Klick auf den Namen kommen Sie zur Start-Seite.",
              "Im blauen Streifen steht auch: „Leichte Sprache“.",
              "Mit einem Klick auf „Leichte Sprache“ kommen Sie zu dieser Seite.",
            ].join(" "),
            picture: EASY_PICTURES.headerLink,
          },
          p(
            "Unten auf jeder Seite sind weitere Links.",
            "Zum Beispiel: „Datenschutz“ und „Barrierefreiheit“.",
            "Unter „Barrierefreiheit“ steht: So gut können alle Menschen diese Internet-Seite benutzen.",
          ),
          p(
            "Sie können alle Seiten mit der Tastatur benutzen.",
            explain("Tab-Taste"),
            "Mit der Enter-Taste öffnen Sie einen Link.",
          ),
        ],
      },
      REPORT_BARRIER,
      MEDIATION,
      {
        id: "gebaerden",
        heading: "Gebärden-Sprache",
        blocks: [p(explain("Gebärden-Sprache"), "Videos in Deutscher Gebärden-Sprache fehlen auf dieser Seite noch.")],
      },
      {
        id: "was-ist-leichte-sprache",
        heading: "Was ist Leichte Sprache?",
        blocks: [
          p(
            "Leichte Sprache ist eine einfache Form von Deutsch.",
            "Die Sätze sind kurz.",
            "In jedem Satz steht nur eine Sache.",
            "Lange Wörter trennen wir mit einem Strich.",
            "Zum Beispiel: Bundes-Land.",
            "Schwere Wörter erklären wir.",
          ),
          p(
            "Leichte Sprache hilft vielen Menschen.",
            "Zum Beispiel Menschen mit Lern-Schwierigkeiten.",
            "Oder Menschen mit wenig Deutsch.",
          ),
          p(
            "Wir schreiben in diesen Texten nur die männliche Form.",
            "Zum Beispiel: der Bürger-Meister.",
            "Wir meinen aber immer alle Menschen.",
          ),
          p(
            "Es gibt Regeln für Leichte Sprache.",
            "Ein Computer-Programm prüft unsere Texte nach diesen Regeln.",
            "Zum Beispiel: Ist ein Satz zu lang?",
            "Schwere Wörter erklären wir auch in der [Wörter-Liste](#ls-woerter).",
          ),
        ],
      },
      {
        id: "woerter",
        heading: "Wörter-Liste",
        blocks: [p("Hier erklären wir schwere Wörter von dieser Seite."), { kind: "words", entries: WORD_LIST }],
      },
    ],
  };
}

/**
 * The accessibility statement in Leichter Sprache (/barrierefreiheit): the site, the operator, the date,
 * the status in the three steps of the EU model statement, who tested it, how to report a barrier and the
 * Schlichtungsstelle.
 */
export function easyAccessibility(instance: Pick<TEasyInstance, "operatorName">): TEasySection[] {
  return [
    {
      id: "leicht-erklaerung",
      heading: "Das Wichtigste in Leichter Sprache",
      blocks: [
        p(
          `Diese Erklärung ist für die Internet-Seite ${SITE}.`,
          ...(instance.operatorName ? [`Die Internet-Seite gehört zu: ${instance.operatorName}.`] : []),
          `Wir haben die Erklärung am ${formatDate(ACCESSIBILITY_STATEMENT.created)} geschrieben.`,
          `Zuletzt geändert haben wir die Erklärung am ${formatDate(ACCESSIBILITY_STATEMENT.revised)}.`,
        ),
      ],
    },
    {
      id: "leicht-stand",
      heading: "So barriere-frei ist die Internet-Seite",
      blocks: [
        p(
          explain("barriere-frei"),
          "Es gibt 3 Stufen: ganz barriere-frei, zum Teil barriere-frei und nicht barriere-frei.",
          "Der Digital-Check ist zum Teil barriere-frei.",
        ),
        p("Diese Dinge fehlen noch:"),
        list([
          "Videos in Deutscher Gebärden-Sprache.",
          "Der Frage-Bogen in Leichter Sprache.",
          "Das ausführliche Ergebnis und der Vergleich in Leichter Sprache.",
        ]),
      ],
    },
    {
      id: "leicht-pruefung",
      heading: "Wer hat die Internet-Seite geprüft?",
      blocks: [
        p(
          "Die Programmierer vom Digital-Check haben die Internet-Seite selbst geprüft.",
          explain("Prüf-Programm"),
          "Ein Prüf-Programm prüft jede Seite bei jeder Änderung.",
          "Und ein Test benutzt die wichtigen Seiten nur mit der Tastatur.",
          `Die letzte Prüfung war am ${formatDate(ACCESSIBILITY_STATEMENT.revised)}.`,
        ),
      ],
    },
    REPORT_BARRIER,
    MEDIATION,
  ];
}

/** A text block's plain text: "[Text](/pfad)" becomes "Text". */
export function plainText(text: string): string {
  return text.replace(/\[([^\]]+)\]\([^)]+\)/g, "$1");
}

/**
 * Every heading and block of sections as the checker reads them, in reading order: a section's heading, a
 * point's title and a word of the word list as headings; the alternative text of a picture after its block.
 */
export function sectionBlocks(sections: readonly TEasySection[]): TEasyUnit[] {
  return sections.flatMap((s) => [{ heading: s.heading }, ...s.blocks.flatMap(blockUnits)]);
}

function blockUnits(b: TEasyBlock): TEasyUnit[] {
  switch (b.kind) {
    case "p":
      return [plainText(b.text), ...(b.picture ? [b.picture.alt] : [])];
    case "list":
      return b.items.flatMap((i) => [plainText(i.text), ...(i.picture ? [i.picture.alt] : [])]);
    case "points":
      return b.items.flatMap((i) => [{ heading: i.title }, plainText(i.text)]);
    case "words":
      return b.entries.flatMap((e) => [{ heading: e.term }, e.explanation]);
    case "contact":
    case "mediation":
    case "action":
      return [];
  }
}
