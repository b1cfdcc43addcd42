import type { Metadata } from "next";
import { OperatorContact } from "@/components/operator-contact";
import { getOperatorInfo } from "@/lib/operator-info";
import { DRAFT_RETENTION_MONTHS } from "@/lib/config/retention";
import { Heading, List, Text } from "@/components/kern/typography";

export const metadata: Metadata = { title: "Datenschutz" };

export default function PrivacyPage() {
  const info = getOperatorInfo();
  return (
    <div className="stack">
      <Heading level={1}>Datenschutzerklärung</Heading>
      <section className="stack-sm" aria-labelledby="verantwortlich">
        <Heading level={2} id="verantwortlich">
          Verantwortlich
        </Heading>
        <OperatorContact />
      </section>
      <section className="stack-sm" aria-labelledby="dsb">
        <Heading level={2} id="dsb">
          Datenschutzbeauftragte Stelle
        </Heading>
        {info.dataProtectionOfficer ? (
          <Text>
            {info.dataProtectionOfficer.map((line, i) => (
              <span key={i}>
                {i > 0 ? <br /> : null}
                {line}
              </span>
            ))}
          </Text>
        ) : (
          <Text>Der Betreiber dieser Plattform hat noch keine Datenschutzbeauftragte Stelle angegeben.</Text>
        )}
      </section>
      <section className="stack-sm" aria-labelledby="was">
        <Heading level={2} id="was">
          Was wir speichern und wozu
        </Heading>
        <List>
          <li>Angaben zur Kommune: Name, Bundesland, Einwohnerzahl, optional den Amtlichen Gemeindeschlüssel.</li>
          <li>
            Die Funktion der ausfüllenden Person (zum Beispiel Bürgermeisterin oder Bürgermeister) – nicht ihren Namen.
          </li>
          <li>Ihre Antworten, den Bearbeitungsstand und die Zeitpunkte von Anlage, letzter Änderung und Absenden.</li>
          <li>
            Wenn Sie einen Teilnahmecode eingeben: welcher Code die Selbsteinschätzung bestätigt hat und wann. Codes
            speichern wir nur als Prüfsumme.
          </li>
          <li>
            Eine nicht umkehrbare Prüfsumme (SHA-256) Ihres persönlichen Links. Den Link selbst speichern wir nicht.
          </li>
          <li>
            Wenn Sie Kolleginnen und Kollegen einladen: je Einladung die Rolle (zum Beispiel Kämmerei), eine
            Bezeichnung, wenn Sie eine eingeben, die Zeitpunkte von Einladung, letzter Antwort und Rücknahme, deren
            eigene Antworten und eine Prüfsumme ihres Links – keine Namen und keine E-Mail-Adressen. Diese Antworten
            sieht nur, wer den Link der Selbsteinschätzung hat; sie zählen nie im Vergleich mit anderen Kommunen und
            nicht im Lagebild. Beim Beenden der Runde merken wir uns, wie viele geantwortet haben und bei wie vielen
            Fragen die Antworten auseinandergingen.
          </li>
          <li>
            Zum Schutz vor Missbrauch zählen wir Anfragen je Anschluss für kurze Zeitfenster (höchstens eine Stunde).
            Dabei speichern wir die IP-Adresse nicht im Klartext, sondern nur als Teil einer Prüfsumme; die Zähler
            werden regelmäßig gelöscht.
          </li>
        </List>
        <Text>
          Zweck ist die Selbsteinschätzung Ihrer Kommune, der Vergleich mit der Umfrage von 2020 und – nur
          zusammengefasst und erst ab fünf Kommunen je Gruppe – der Vergleich mit anderen Kommunen auf dieser Plattform.
          Einzelne Antworten einer Kommune zeigen wir niemandem außer den Inhabern ihres Links. Im Vergleich zählen nur
          Kommunen, die ihre Selbsteinschätzung mit einem Teilnahmecode bestätigt haben. Die Vergleichszahlen einer
          Gruppe werden erst neu berechnet, wenn mindestens fünf ihrer Kommunen neue Antworten abgeschickt haben;
          unverändert erneut abgeschickte Antworten, Rücknahmen und Entscheidungen des Betreibers zählen dafür nicht. So
          lässt sich auch aus vielen Ständen keine einzelne Selbsteinschätzung herausrechnen. Den Reifegrad der
          Vergleichskommunen zeigen wir nur auf ganze Punkte gerundet, Median und Perzentile erst ab zehn Kommunen.
        </Text>
        <Text>
          <strong>Rechtsgrundlage:</strong>{" "}
          {info.legalBasis ?? "Der Betreiber dieser Plattform hat die Rechtsgrundlage noch nicht angegeben."}
        </Text>
      </section>
      <section className="stack-sm" aria-labelledby="dauer">
        <Heading level={2} id="dauer">
          Wie lange wir speichern
        </Heading>
        <Text>
          Entwürfe, die {DRAFT_RETENTION_MONTHS} Monate nicht bearbeitet wurden, löschen wir automatisch. Abgeschlossene
          Selbsteinschätzungen bleiben gespeichert, bis Sie sie löschen. Das können Sie jederzeit auf der
          Übersichtsseite Ihrer Selbsteinschätzung („Daten löschen“). Eine gelöschte Selbsteinschätzung verschwindet
          sofort aus Ihrer Übersicht; aus den veröffentlichten Vergleichszahlen ihrer Gruppe verschwindet sie mit der
          nächsten Aktualisierung dieser Gruppe. Von Antworten, die schon in veröffentlichten Vergleichszahlen enthalten
          waren, behalten wir nur eine kurze Prüfsumme (32 Bit) zu Ihrer Kommune: Sie zeigt, ob später dieselben
          Antworten noch einmal kommen, und lässt keinen Schluss auf die Antworten selbst zu.
        </Text>
        <Text>
          Die Antworten eingeladener Kolleginnen und Kollegen löschen wir, wenn Sie die Einladung zurückziehen, 30 Tage
          nachdem Sie die Runde beendet haben, und mit der Selbsteinschätzung. Rolle und Bezeichnung einer Einladung
          behalten wir bis zum Löschen der Selbsteinschätzung, damit Sie im nächsten Jahr dieselben Rollen wieder
          einladen können.
        </Text>
      </section>
      <section className="stack-sm" aria-labelledby="cookies">
        <Heading level={2} id="cookies">
          Cookies und Dienste Dritter
        </Heading>
        <Text>
          Wir setzen keine Cookies für Nutzerinnen und Nutzer. Nur der Betriebsbereich verwendet nach der Anmeldung ein
          technisch notwendiges Sitzungs-Cookie. Was Betreiberinnen und Betreiber dort tun, wird mit ihrem Namen
          protokolliert und nach zwei Jahren gelöscht. Schriften, Skripte und Bilder kommen ausschließlich von diesem
          Server; es gibt keine Statistik-, Analyse- oder Werbedienste und keine Einbindung fremder Server.
        </Text>
      </section>
      <section className="stack-sm" aria-labelledby="rechte">
        <Heading level={2} id="rechte">
          Ihre Rechte
        </Heading>
        <Text>
          Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung und
          Datenübertragbarkeit (Art. 15 bis 20 DSGVO). Über Ihren Link können Sie alle gespeicherten Daten als Datei
          herunterladen, Ihre Antworten ändern und alles löschen. Außerdem können Sie sich bei einer
          Datenschutz-Aufsichtsbehörde beschweren.
        </Text>
      </section>
    </div>
  );
}
