import type { Metadata } from "next";
import { OperatorContact } from "@/components/operator-contact";

export const metadata: Metadata = { title: "Erklärung zur Barrierefreiheit" };

export default function AccessibilityPage() {
  return (
    <div className="stack">
      <h1 className="kern-heading-large">Erklärung zur Barrierefreiheit</h1>
      <p className="kern-body">
        Der Betreiber ist bemüht, den Kommunalen Digitalcheck im Einklang mit der
        Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und der Richtlinie (EU) 2016/2102 barrierefrei
        zugänglich zu machen.
      </p>
      <section className="stack-sm" aria-labelledby="stand">
        <h2 className="kern-heading-medium" id="stand">
          Stand der Vereinbarkeit
        </h2>
        <p className="kern-body">
          Die Anwendung ist nach unserer Prüfung weitgehend mit den Anforderungen der WCAG 2.1 auf Stufe AA vereinbar.
          Geprüft wird automatisch mit axe-core auf jeder Seite und mit Tests, die den Fragebogen, das Ergebnis und den
          PDF-Bericht nur mit der Tastatur bedienen. Diagramme haben Tabellen mit denselben Zahlen; der PDF-Bericht ist
          ein getaggtes PDF mit Alternativtexten.
        </p>
        <p className="kern-body">Bekannte Einschränkungen:</p>
        <ul className="kern-list kern-list--bullet">
          <li>Tabellen im PDF-Bericht wiederholen ihre Kopfzeile nicht, wenn sie über eine Seite hinausgehen.</li>
          <li>Die Vergleichszahlen von 2020 liegen nicht in Leichter Sprache vor.</li>
        </ul>
      </section>
      <section className="stack-sm" aria-labelledby="feedback">
        <h2 className="kern-heading-medium" id="feedback">
          Barrieren melden: Kontakt
        </h2>
        <p className="kern-body">
          Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Schreiben Sie uns; wir antworten innerhalb eines
          Monats (§ 12b BGG).
        </p>
        <OperatorContact />
      </section>
      <section className="stack-sm" aria-labelledby="schlichtung">
        <h2 className="kern-heading-medium" id="schlichtung">
          Schlichtungsverfahren
        </h2>
        <p className="kern-body">
          Wenn Sie auf Ihre Meldung keine zufriedenstellende Antwort erhalten, können Sie sich an die Schlichtungsstelle
          nach § 16 BGG beim Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen wenden oder
          an die zuständige Stelle Ihres Landes.
        </p>
      </section>
      <p className="kern-body kern-body--small">Diese Erklärung wurde am 25. November 2026 erstellt.</p>
    </div>
  );
}
