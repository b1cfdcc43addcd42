import { AppLink } from "@/components/app-link";
import { ButtonLink } from "@/components/kern/button";
import { reference } from "@/lib/survey/reference";
import { estimateDurationMinutes } from "@/lib/survey/duration";
import { FontPreload } from "@/components/font-preload";

export default function LandingPage() {
  const minutes = estimateDurationMinutes(reference);
  return (
    <div className="stack">
      {/* The heading and the subline (kern-heading-x-large, kern-subline) are set in Medium. */}
      <FontPreload face="Medium" />
      <hgroup className="kern-hgroup">
        <h1 className="kern-heading-x-large">Wie digital ist Ihre Kommune?</h1>
        <p className="kern-subline kern-subline--large">Der Kommunale Digitalcheck für Städte und Gemeinden</p>
      </hgroup>
      <p className="kern-body kern-body--large">
        Beantworten Sie für Ihre eigene Kommune {reference.questions.length} Fragen, die der bundesweiten Umfrage von
        Bitkom und dem Deutschen Städte- und Gemeindebund aus dem Jahr 2020 nachgebildet sind. Danach sehen Sie, wo Sie
        im Vergleich zu den {reference.source.sample} befragten Kommunen stehen.
      </p>
      <ul className="kern-list kern-list--bullet">
        <li>
          <strong>Dauer:</strong> etwa {minutes} Minuten. Sie können jederzeit unterbrechen und später weitermachen.
        </li>
        <li>
          <strong>Ihre Daten:</strong> Wir speichern nur Ihre Angaben zur Kommune und Ihre Antworten – keine Namen von
          Personen, keine E-Mail-Adresse. Zugang hat nur, wer Ihren persönlichen Link kennt.{" "}
          <AppLink className="kern-link" href="/datenschutz">
            Mehr zum Datenschutz
          </AppLink>
        </li>
      </ul>
      <div className="button-row">
        <ButtonLink href="/start">Digitalcheck starten</ButtonLink>
      </div>
      <section aria-labelledby="ablauf" className="stack-sm">
        <h2 className="kern-heading-medium" id="ablauf">
          So läuft der Digitalcheck ab
        </h2>
        <ol className="kern-list kern-list--number">
          <li>Sie geben Name, Bundesland und Einwohnerzahl Ihrer Kommune an.</li>
          <li>
            Sie erhalten einen persönlichen Link. Mit ihm können Sie später weitermachen oder die Bearbeitung an eine
            Kollegin oder einen Kollegen übergeben.
          </li>
          <li>
            Sie beantworten die Fragen in {reference.topics.length} Themenschritten. Jede Antwort wird sofort
            gespeichert.
          </li>
          <li>Sie prüfen Ihre Antworten und senden die Selbsteinschätzung ab.</li>
        </ol>
      </section>
    </div>
  );
}
