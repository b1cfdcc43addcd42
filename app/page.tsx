import { reference, STEPS, TOTAL_STEPS } from "@/lib/survey/reference";
import { estimateDurationMinutes } from "@/lib/survey/duration";
import { FontPreload } from "@/components/font-preload";
import { Heading, List, PageTitle, Text } from "@/components/kern/typography";
import { Link } from "@/components/kern/link";
import { ButtonLink } from "@/components/kern/button";

export default function LandingPage() {
  const minutes = estimateDurationMinutes(reference);
  return (
    <div className="stack">
      {/* The heading and the subline (kern-heading-x-large, kern-subline) are set in Medium. */}
      <FontPreload face="Medium" />
      <PageTitle
        title="Wie digital ist Ihre Kommune?"
        subline="Der Kommunale Digitalcheck für Städte und Gemeinden"
        large
      />
      <Text size="large">
        Beantworten Sie für Ihre eigene Kommune {reference.questions.length} Fragen, die der bundesweiten Umfrage von
        Bitkom und dem Deutschen Städte- und Gemeindebund aus dem Jahr 2020 nachgebildet sind. Danach sehen Sie, wo Sie
        im Vergleich zu den {reference.source.sample} befragten Kommunen stehen.
      </Text>
      <List>
        <li>
          <strong>Dauer:</strong> etwa {minutes} Minuten. Sie können jederzeit unterbrechen und später weitermachen.
        </li>
        <li>
          <strong>Ihre Daten:</strong> Wir speichern nur Ihre Angaben zur Kommune und Ihre Antworten – keine Namen von
          Personen, keine E-Mail-Adresse. Zugang hat nur, wer Ihren persönlichen Link kennt.{" "}
          <Link href="/datenschutz">Mehr zum Datenschutz</Link>
        </li>
      </List>
      <div className="button-row">
        <ButtonLink href="/start">Digitalcheck starten</ButtonLink>
      </div>
      <section aria-labelledby="ablauf" className="stack-sm">
        <Heading level={2} id="ablauf">
          So läuft der Digitalcheck ab
        </Heading>
        <List kind="number">
          <li>Sie geben Name, Bundesland und Einwohnerzahl Ihrer Kommune an.</li>
          <li>
            Sie erhalten einen persönlichen Link. Mit ihm können Sie später weitermachen oder die Bearbeitung an eine
            Kollegin oder einen Kollegen übergeben.
          </li>
          <li>
            Der Fragebogen hat {TOTAL_STEPS} Schritte. In den Schritten 1 bis {STEPS.length} beantworten Sie die Fragen
            zu je einem Thema. Jede Antwort wird sofort gespeichert.
          </li>
          <li>Im {TOTAL_STEPS}. und letzten Schritt prüfen Sie Ihre Antworten und senden die Selbsteinschätzung ab.</li>
        </List>
      </section>
    </div>
  );
}
