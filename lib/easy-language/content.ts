import { DRAFT_RETENTION_MONTHS } from "../assessment/retention";
import { reference } from "../survey/reference";

/**
 * The texts in Leichter Sprache of the page /leichte-sprache and of the accessibility statement, as data:
 * the pages render them (components/easy-language/easy-sections.tsx), and the unit test checks every one
 * against the rules (lib/easy-language/check.ts). Inline links are written "[Text](/pfad)". The block
 * "contact" is where the page puts the operator's e-mail address from the configuration.
 */
export type TEasyBlock =
  | { kind: "p"; text: string }
  | { kind: "list"; items: string[]; numbered?: boolean }
  /** Named points: a strength, a gap, a next step (lib/easy-language/easy-result.ts). */
  | { kind: "points"; items: { title: string; text: string }[]; numbered?: boolean }
  | { kind: "contact" };

export type TEasySection = { id: string; heading: string; blocks: TEasyBlock[] };

const p = (...sentences: string[]): TEasyBlock => ({ kind: "p", text: sentences.join(" ") });
const list = (items: string[], numbered = false): TEasyBlock => ({ kind: "list", items, numbered });

/** The address of the federal Schlichtungsstelle (§ 16 BGG). */
export const SCHLICHTUNGSSTELLE = {
  name: "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz (BGG)",
  office: "bei dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen",
  address: ["Mauerstraße 53", "10117 Berlin"],
  url: "https://www.schlichtungsstelle-bgg.de",
} as const;

const REPORT_BARRIER: TEasySection = {
  id: "barriere-melden",
  heading: "Eine Barriere melden",
  blocks: [
    p(
      "Eine Barriere ist ein Hindernis.",
      "Zum Beispiel: Sie können einen Text schlecht lesen.",
      "Oder ein Knopf geht nur mit der Maus.",
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
      "Sind Sie mit unserer Antwort unzufrieden?",
      "Oder bekommen Sie nach 1 Monat keine Antwort?",
      "Dann können Sie sich an die Schlichtungs-Stelle wenden.",
      "Die Schlichtungs-Stelle hilft bei Streit um Barrieren.",
      "Die Hilfe ist kostenlos.",
      `Hier finden Sie die Schlichtungs-Stelle: [Internet-Seite der Schlichtungs-Stelle](${SCHLICHTUNGSSTELLE.url})`,
    ),
    p(
      "Gehört diese Seite zu einer Kommune oder zu einem Bundes-Land?",
      "Dann fragen Sie die Schlichtungs-Stelle von diesem Bundes-Land.",
    ),
  ],
};

/**
 * /leichte-sprache: what the Digital-Check is, how to use it, the data, and how to report a barrier.
 * `verifiedPeers`: only municipalities confirmed with a participation code count in the comparison
 * (PEERS_MODE=verified, the default).
 */
export function easyPage({ verifiedPeers }: { verifiedPeers: boolean }): {
  title: string;
  intro: string[];
  sections: TEasySection[];
} {
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
            "Städte und Gemeinden heißen auch: Kommunen.",
            "Eine Kommune kann hier prüfen: Wie digital ist unsere Verwaltung?",
            "Die Verwaltung sind die Ämter und die Mitarbeiter von einer Kommune.",
          ),
          p(
            "Digital heißt: Die Arbeit läuft mit dem Computer und über das Internet.",
            "Zum Beispiel: Menschen stellen einen Antrag im Internet.",
          ),
          p(
            "Im Jahr 2020 gab es eine große Umfrage.",
            `${reference.source.sample} Kommunen in Deutschland haben mitgemacht.`,
            "Die Umfrage kommt von 2 Verbänden.",
            "Das sind Bitkom und der Deutsche Städte- und Gemeindebund.",
            "Ein Verband ist eine Gruppe mit gleichen Zielen.",
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
            "Zum Beispiel für den Bürger-Meister oder die Bürger-Meisterin.",
            "Sie können die Fragen allein beantworten.",
            "Oder Sie beantworten die Fragen zusammen mit einer Kollegin oder einem Kollegen.",
          ),
        ],
      },
      {
        id: "schritte",
        heading: "So benutzen Sie den Digital-Check",
        blocks: [
          list(
            [
              "Gehen Sie auf die [Start-Seite](/). Klicken Sie dort auf den Knopf zum Starten.",
              "Haben Sie einen Teilnahme-Code? Dann schreiben Sie ihn in das erste Feld. Den Code bekommen Sie mit einem Brief.",
              "Tippen Sie den Namen von Ihrer Kommune. Wählen Sie Ihre Kommune dann aus der Liste. Wir tragen das Bundes-Land und die Zahl der Einwohner dann für Sie ein.",
              "Wählen Sie Ihre Aufgabe in der Kommune. Zum Beispiel: Bürger-Meisterin.",
              "Sie bekommen dann einen eigenen Link. Ein Link ist eine Adresse im Internet. Mit dem Link kommen Sie später zurück zu Ihren Antworten.",
              "Beantworten Sie die Fragen. Es gibt " +
                `${reference.questions.length} Fragen in ${reference.topics.length} Teilen. ` +
                "Wir speichern jede Antwort sofort. Sie können jederzeit eine Pause machen.",
              "Prüfen Sie am Ende Ihre Antworten. Dann schicken Sie die Antworten ab.",
              "Danach sehen Sie Ihr Ergebnis. Das Ergebnis gibt es auch in Leichter Sprache.",
              "Sie können das Ergebnis als PDF-Datei speichern. Eine PDF-Datei ist eine Datei zum Ansehen und Ausdrucken.",
            ],
            true,
          ),
          p(
            "Der Link ist wie ein Schlüssel.",
            "Mit dem Link kann jeder Mensch Ihre Antworten sehen, ändern und löschen.",
            "Bewahren Sie den Link darum gut auf.",
            "Vertrauen Sie einem Menschen?",
            "Nur dann bekommt er den Link.",
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
            ...(verifiedPeers ? ["Im Vergleich zählen nur Kommunen mit einem Teilnahme-Code."] : []),
            "Wir zeigen diesen Vergleich erst ab 5 Kommunen.",
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
            "Wir speichern auch das Bundes-Land und die Zahl der Einwohner.",
            "Wir speichern Ihre Aufgabe in der Kommune.",
            "Und wir speichern Ihre Antworten.",
            "Dazu speichern wir: Wann haben Sie etwas geändert?",
            "Ihren eigenen Namen brauchen wir nicht.",
          ),
          p(
            "Ihre Antworten sehen nur Menschen mit Ihrem Link.",
            "Andere Kommunen sehen nur Zahlen von mindestens 5 Kommunen zusammen.",
            "Alle Daten bleiben bei uns.",
          ),
          p(
            "Sie können Ihre Daten jederzeit löschen.",
            "Das geht auf der Übersichts-Seite von Ihrem Digital-Check.",
            "Abgeschickte Antworten löschen wir nur auf Ihren Wunsch.",
            "Haben Sie Ihre Antworten noch nicht abgeschickt?",
            `Und haben Sie ${DRAFT_RETENTION_MONTHS} Monate lang nichts geändert?`,
            "Dann löschen wir alle Daten von diesem Digital-Check.",
          ),
          p("Mehr dazu steht in der [Erklärung zum Daten-Schutz](/datenschutz).", "Sie ist in Alltags-Sprache."),
        ],
      },
      {
        id: "zurechtfinden",
        heading: "So finden Sie sich auf der Seite zurecht",
        blocks: [
          list([
            "Oben auf jeder Seite ist ein blauer Streifen. Dort steht der Name von der Seite. Mit einem Klick darauf kommen Sie zur Start-Seite.",
            "Oben auf jeder Seite ist auch der Link zu dieser Seite in Leichter Sprache.",
            "Unten auf jeder Seite sind weitere Links. Zum Beispiel zum Daten-Schutz und zur Barriere-Freiheit. Barriere-Freiheit heißt: Alle Menschen können die Seite gut benutzen.",
            "Sie können alle Seiten mit der Tastatur benutzen. Die Tab-Taste bringt Sie zum nächsten Link oder Feld. Die Tab-Taste ist links auf der Tastatur.",
          ]),
        ],
      },
      REPORT_BARRIER,
      MEDIATION,
      {
        id: "gebaerden",
        heading: "Gebärden-Sprache",
        blocks: [p("Videos in Deutscher Gebärden-Sprache fehlen auf dieser Seite noch.")],
      },
    ],
  };
}

/** The core of the accessibility statement in Leichter Sprache (/barrierefreiheit). */
export const EASY_ACCESSIBILITY: TEasySection[] = [
  {
    id: "leicht-erklaerung",
    heading: "Das Wichtigste in Leichter Sprache",
    blocks: [
      p(
        "Alle Menschen sollen den Digital-Check gut benutzen können.",
        "Auch Menschen mit Behinderungen.",
        "Das nennt man: Barriere-Freiheit.",
        "Wir prüfen jede Seite regelmäßig mit einem Prüf-Programm.",
        "Der Digital-Check ist fast überall gut benutzbar.",
      ),
      p("Diese Dinge fehlen noch:"),
      list([
        "Videos in Deutscher Gebärden-Sprache.",
        "Der Frage-Bogen in Leichter Sprache.",
        "Das ausführliche Ergebnis und der Vergleich in Leichter Sprache.",
      ]),
    ],
  },
  REPORT_BARRIER,
  MEDIATION,
];

/** A text block's plain text: "[Text](/pfad)" becomes "Text". */
export function plainText(text: string): string {
  return text.replace(/\[([^\]]+)\]\([^)]+\)/g, "$1");
}

/** Every block of a section as the checker reads it (headings count as a block of their own). */
export function sectionBlocks(sections: readonly TEasySection[]): string[] {
  return sections.flatMap((s) => [s.heading, ...s.blocks.flatMap(blockTexts).map(plainText)]);
}

function blockTexts(b: TEasyBlock): string[] {
  switch (b.kind) {
    case "p":
      return [b.text];
    case "list":
      return b.items;
    case "points":
      return b.items.flatMap((i) => [i.title, i.text]);
    case "contact":
      return [];
  }
}
