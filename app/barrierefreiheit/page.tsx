import type { Metadata } from "next";
import { AddressBlock, OperatorContact } from "@/components/operator-contact";
import { Heading, List, Text } from "@/components/kern/typography";
import { Link } from "@/components/kern/link";
import { EASY_ACCESSIBILITY, SCHLICHTUNGSSTELLE } from "@/lib/easy-language/content";
import { EasySections } from "@/components/easy-language/easy-sections";
import { BarrierMail } from "@/components/easy-language/barrier-mail";

export const metadata: Metadata = { title: "Erklärung zur Barrierefreiheit" };

export default function AccessibilityPage() {
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
          Die Anwendung ist nach unserer Prüfung weitgehend mit den Anforderungen der WCAG 2.1 auf Stufe AA vereinbar.
          Geprüft wird automatisch mit axe-core auf jeder Seite und mit Tests, die den Fragebogen, das Ergebnis und den
          PDF-Bericht nur mit der Tastatur bedienen. Diagramme haben Tabellen mit denselben Zahlen; der PDF-Bericht ist
          ein getaggtes PDF mit Alternativtexten. Die Texte in Leichter Sprache prüft ein Test auf Satzlänge und
          Abkürzungen.
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
          Sie sich an die {SCHLICHTUNGSSTELLE.name} {SCHLICHTUNGSSTELLE.office} wenden. Sie hilft, Streit über Barrieren
          ohne Gericht beizulegen; das Verfahren ist kostenlos, ein Rechtsbeistand ist nicht nötig. Betreibt eine Stelle
          eines Landes oder einer Kommune diese Installation, ist die Schlichtungs- oder Ombudsstelle dieses Landes
          zuständig.
        </Text>
        <AddressBlock>
          {SCHLICHTUNGSSTELLE.name}
          <br />
          {SCHLICHTUNGSSTELLE.address.map((line) => (
            <span key={line}>
              {line}
              <br />
            </span>
          ))}
          <Link plain href={SCHLICHTUNGSSTELLE.url}>
            {SCHLICHTUNGSSTELLE.url.replace("https://", "")}
          </Link>
        </AddressBlock>
      </section>
      <EasySections sections={EASY_ACCESSIBILITY} />
      <Text size="small">
        Diese Erklärung wurde am 25. November 2026 erstellt und am 5. Dezember 2026 überarbeitet.
      </Text>
    </div>
  );
}
