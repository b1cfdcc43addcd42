import type { Metadata } from "next";
import { OperatorContact } from "@/components/operator-contact";
import { Heading, List, Text } from "@/components/kern/typography";
import { Link } from "@/components/kern/link";
import { ACCESSIBILITY_STATEMENT, easyAccessibility, reviewNote } from "@/lib/easy-language/content";
import { formatReleaseDate as formatDate } from "@/lib/peers/release-label";
import { getOperatorInfo } from "@/lib/operator-info";
import { EasyReviewNote, EasySections } from "@/components/easy-language/easy-sections";
import { BarrierMail } from "@/components/easy-language/barrier-mail";
import { MediationAddress } from "@/components/easy-language/mediation-address";

export const metadata: Metadata = { title: "Erklärung zur Barrierefreiheit" };

export default function AccessibilityPage() {
  const operator = getOperatorInfo();
  const review = operator.easyLanguageReview;
  const [easyIntro, ...easyRest] = easyAccessibility({ operatorName: operator.name });
  return (
    <div className="stack">
      <Heading level={1}>Erklärung zur Barrierefreiheit</Heading>
      <Text>
        Der Betreiber ist bemüht, den Kommunalen Digitalcheck im Einklang mit der
        Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und der Richtlinie (EU) 2016/2102 barrierefrei
        zugänglich zu machen. <Link href="#ls-leicht-erklaerung">Das Wichtigste in Leichter Sprache</Link> steht weiter
        unten; die ganze Anwendung erklärt die Seite <Link href="/leichte-sprache">Leichte Sprache</Link>.
      </Text>
      <section className="stack-sm" aria-labelledby="stand">
        <Heading level={2} id="stand">
          Stand der Vereinbarkeit
        </Heading>
        <Text>
          Diese Erklärung gilt für die Website „Kommunaler Digitalcheck“
          {operator.name ? `, betrieben von ${operator.name}` : ""}. Die Anwendung ist <strong>teilweise</strong> mit
          den Anforderungen der BITV 2.0 und der WCAG 2.1 auf Stufe AA vereinbar; die Gründe stehen unter „Bekannte
          Einschränkungen“.
        </Text>
        <Text>
          Methode: Selbstbewertung durch die Entwickler der Anwendung, zuletzt am{" "}
          {formatDate(ACCESSIBILITY_STATEMENT.revised)}. Geprüft wird automatisch mit axe-core auf jeder Seite und mit
          Tests, die den Fragebogen, das Ergebnis und den PDF-Bericht nur mit der Tastatur bedienen. Diagramme haben
          Tabellen mit denselben Zahlen; der PDF-Bericht ist ein getaggtes PDF mit Alternativtexten. Die Texte in
          Leichter Sprache prüft ein Test auf die Regeln, die sich maschinell prüfen lassen (Satzlänge, Abkürzungen,
          Verneinung, Passiv und Konjunktiv, Genitiv, erklärte Fachwörter, Silbentrennung).{" "}
          {review
            ? `Eine Prüfgruppe (${review.by}) hat sie am ${formatDate(review.on)} gelesen.`
            : "Eine Prüfgruppe aus Menschen mit Lernschwierigkeiten hat sie noch nicht gelesen."}{" "}
          Eine Prüfung durch eine unabhängige Prüfstelle (BITV-Test) liegt nicht vor.
        </Text>
        <Text>Bekannte Einschränkungen:</Text>
        <List>
          <li>
            Videos in Deutscher Gebärdensprache gibt es noch nicht. Die Inhalte, die BITV 2.0 § 4 dafür vorsieht, stehen
            auf der Seite <Link href="/leichte-sprache">Leichte Sprache</Link> als Text.
          </li>
          <li>
            In Leichter Sprache gibt es die Erklärung des Angebots, den Kern dieser Erklärung und die Kurzfassung des
            Ergebnisses (auch als Seite im PDF-Bericht). Der Fragebogen, das ausführliche Ergebnis, der Vergleich mit
            anderen Kommunen und das Lagebild liegen nur in Alltagssprache vor.
          </li>
        </List>
      </section>
      <section className="stack-sm" aria-labelledby="barriere-melden">
        <Heading level={2} id="barriere-melden">
          Barrieren melden: Kontakt
        </Heading>
        <Text>
          Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Schreiben Sie uns, am besten mit der Adresse der
          Seite und einer kurzen Beschreibung. Wir antworten innerhalb eines Monats (§ 12b Absatz 2 Nummer 2 BGG).
        </Text>
        <BarrierMail />
        <OperatorContact />
      </section>
      <section className="stack-sm" aria-labelledby="schlichtung">
        <Heading level={2} id="schlichtung">
          Schlichtungsverfahren
        </Heading>
        <Text>
          Wenn Sie auf Ihre Meldung innerhalb eines Monats keine oder keine zufriedenstellende Antwort erhalten, können
          Sie sich an die Schlichtungsstelle für dieses Angebot wenden. Sie hilft, Streit über Barrieren ohne Gericht
          beizulegen; das Verfahren ist kostenlos, ein Rechtsbeistand ist nicht nötig.
          {operator.mediation.configured
            ? null
            : " Betreibt eine Stelle eines Landes oder einer Kommune diese Installation, ist die Schlichtungs- oder Ombudsstelle dieses Landes zuständig."}
        </Text>
        <MediationAddress />
      </section>
      <EasySections sections={[easyIntro!]} />
      <EasyReviewNote sentences={reviewNote(review)} />
      <EasySections sections={easyRest} />
      <Text size="small">
        Diese Erklärung wurde am {formatDate(ACCESSIBILITY_STATEMENT.created)} erstellt und am{" "}
        {formatDate(ACCESSIBILITY_STATEMENT.revised)} überarbeitet.
      </Text>
    </div>
  );
}
