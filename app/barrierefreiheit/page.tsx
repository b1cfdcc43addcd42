import type { Metadata } from "next";
import { OperatorContact } from "@/components/operator-contact";
import { Heading, List, Text } from "@/components/kern/typography";

export const metadata: Metadata = { title: "Erklärung zur Barrierefreiheit" };

export default function AccessibilityPage() {
  return (
    <div className="stack">
      <Heading level={1}>Erklärung zur Barrierefreiheit</Heading>
      <Text>
        Der Betreiber ist bemüht, den Kommunalen Digitalcheck im Einklang mit der
        Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und der Richtlinie (EU) 2016/2102 barrierefrei
        zugänglich zu machen.
      </Text>
      <section className="stack-sm" aria-labelledby="stand">
        <Heading level={2} id="stand">
          Stand der Vereinbarkeit
        </Heading>
        <Text>
          Die Anwendung ist nach unserer Prüfung weitgehend mit den Anforderungen der WCAG 2.1 auf Stufe AA vereinbar.
          Geprüft wird automatisch mit axe-core auf jeder Seite und mit Tests, die den Fragebogen, das Ergebnis und den
          PDF-Bericht nur mit der Tastatur bedienen. Diagramme haben Tabellen mit denselben Zahlen; der PDF-Bericht ist
          ein getaggtes PDF mit Alternativtexten.
        </Text>
        <Text>Bekannte Einschränkungen:</Text>
        <List>
          <li>Tabellen im PDF-Bericht wiederholen ihre Kopfzeile nicht, wenn sie über eine Seite hinausgehen.</li>
          <li>Die Vergleichszahlen von 2020 liegen nicht in Leichter Sprache vor.</li>
        </List>
      </section>
      <section className="stack-sm" aria-labelledby="feedback">
        <Heading level={2} id="feedback">
          Barrieren melden: Kontakt
        </Heading>
        <Text>
          Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Schreiben Sie uns; wir antworten innerhalb eines
          Monats (§ 12b BGG).
        </Text>
        <OperatorContact />
      </section>
      <section className="stack-sm" aria-labelledby="schlichtung">
        <Heading level={2} id="schlichtung">
          Schlichtungsverfahren
        </Heading>
        <Text>
          Wenn Sie auf Ihre Meldung keine zufriedenstellende Antwort erhalten, können Sie sich an die Schlichtungsstelle
          nach § 16 BGG beim Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen wenden oder
          an die zuständige Stelle Ihres Landes.
        </Text>
      </section>
      <Text size="small">Diese Erklärung wurde am 25. November 2026 erstellt.</Text>
    </div>
  );
}
