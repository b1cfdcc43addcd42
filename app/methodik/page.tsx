import type { Metadata } from "next";
import { reference } from "@/lib/survey/reference";
import { DIMENSIONS } from "@/lib/survey/schema";
import { DIMENSION_LABELS } from "@/lib/benchmark/compute-benchmark";
import { computeIndex, nationalMeanScore, optionScore } from "@/lib/benchmark/scoring";
import { LEVELS } from "@/lib/benchmark/levels";
import { getRegister } from "@/lib/municipalities/register";
import { TableRegion } from "@/components/kern/table-region";
import { DERIVED_NOTE, LEVELS_NOTE, nationalMeanNote, ORDER_NOTE, shareBaseNote } from "@/lib/benchmark/method-notes";
import { shareLabel } from "@/lib/survey/share-label";
import { SIZE_CLASSES } from "@/lib/profile/size-class";

export const metadata: Metadata = { title: "Methodik und Quellen" };

const fmt = (n: number, digits = 1) => n.toLocaleString("de-DE", { maximumFractionDigits: digits });

export default function MethodPage() {
  const { source } = reference;
  const national = computeIndex(reference, {});
  const register = getRegister();
  const derived = reference.questions.flatMap((q) =>
    q.options.filter((o) => !o.published && o.share !== null).map((o) => ({ q, o })),
  );
  const subgroups = reference.questions.flatMap((q) =>
    q.options.flatMap((o) => (o.subgroups ?? []).map((sg) => ({ q, o, sg }))),
  );
  return (
    <div className="stack">
      <h1 className="kern-heading-large">Methodik und Quellen</h1>

      <section className="stack-sm" aria-labelledby="quelle">
        <h2 className="kern-heading-medium" id="quelle">
          Die Vergleichsdaten
        </h2>
        <p className="kern-body">
          Alle Vergleichswerte stammen aus der Pressemitteilung „{source.title}“ von Bitkom und dem Deutschen Städte-
          und Gemeindebund, veröffentlicht am{" "}
          {new Date(source.published).toLocaleDateString("de-DE", {
            day: "numeric",
            month: "long",
            year: "numeric",
            timeZone: "UTC",
          })}
          . Befragt wurden Bürgermeisterinnen, Bürgermeister und Digitalisierungsverantwortliche von {source.sample}{" "}
          Städten und Gemeinden in einer Online-Umfrage von Bitkom Research, durchgeführt von {source.fieldworkText}.
          Die Umfrage ist nach Angabe der Herausgeber repräsentativ für die Kommunen in Deutschland.{" "}
          <a className="kern-link" href={source.url} rel="noreferrer">
            Pressemitteilung bei Bitkom
          </a>
        </p>
        <p className="kern-body">
          <strong>Die Zahlen altern.</strong> Sie beschreiben den Stand im Herbst 2020, mitten in der Corona-Pandemie.
          Neuere Zahlen derselben Umfrage gibt es nicht. Nach unserer Einschätzung haben viele Kommunen seither
          aufgeholt; ein Vergleich mit 2020 zeigt deshalb eher, wie weit Sie über den damaligen Stand hinaus sind, als
          wo Sie heute im Feld stehen. Deshalb sprechen alle Aussagen über 2020 in der Vergangenheit.
        </p>
      </section>

      <section className="stack-sm" aria-labelledby="aussagen">
        <h2 className="kern-heading-medium" id="aussagen">
          Wie die Aussagen entstehen
        </h2>
        <p className="kern-body">
          Zu jeder beantworteten Frage nennen wir den Anteil der Kommunen, die 2020 dieselbe Antwort gegeben haben, zum
          Beispiel: „Sie führen bereits eine E-Akte; 2020 taten das erst 16 % der Kommunen.“ Bei Fragen mit mehreren
          Antworten gibt es einen Satz je gewählter Antwort. {shareBaseNote(reference)} Eine Teilgruppe nennt die
          Pressemitteilung nur einmal
          {subgroups.length > 0
            ? `: ${subgroups.map(({ q, o, sg }) => `${q.text} – „${o.label}“: ${fmt(sg.share)} % der ${sg.label}`).join("; ")}.`
            : "."}
        </p>
        <p className="kern-body">
          <strong>Veröffentlicht oder abgeleitet:</strong> Die Pressemitteilung nennt nicht jeden Anteil. {DERIVED_NOTE}{" "}
          Welche Antworten in einem solchen Rest stecken, sagt die Pressemitteilung nicht; wir benennen ihn deshalb
          nicht nach einer einzelnen Antwort wie „Weiß nicht“. Für Antworten, die wir selbst ergänzt haben (etwa „Nichts
          davon“), gibt es keinen Vergleichswert. Abgeleitete Werte:
        </p>
        <ul className="kern-list kern-list--bullet">
          {derived.map(({ q, o }) => (
            <li key={`${q.id}-${o.id}`}>
              {q.text} – {shareLabel(o)}: rund {fmt(o.share!)} %
            </li>
          ))}
        </ul>
        <p className="kern-body">
          <strong>„Sie liegen vor … % der Kommunen“</strong> steht bei Fragen, deren Antworten eine Rangfolge haben. Es
          ist die Summe der Anteile aller niedriger eingestuften Antworten. {ORDER_NOTE} Antworten wie „weiß nicht“
          zählen wir weder als niedriger noch als höher; sie bleiben im Nenner.
        </p>
      </section>

      <section className="stack-sm" aria-labelledby="index">
        <h2 className="kern-heading-medium" id="index">
          Der digitale Reifegrad (Index)
        </h2>
        <p className="kern-body">
          Der Index ist ein Modell von uns, kein Ergebnis der Umfrage. Er fasst die Antworten auf{" "}
          {reference.questions.filter((q) => q.dimension !== "context").length} Fragen in fünf Dimensionen zusammen.
          Nicht mit zählen die Fragen zu Umfeld, Meinungen und Wünschen (
          {reference.questions.filter((q) => q.dimension === "context").length} Fragen, etwa „Chance oder Risiko“ und
          die Hemmnisse). Die Einschätzung des eigenen Standorts (vom verpassten Anschluss bis zum Vorreiter) zählt
          dagegen in der Dimension Strategie mit.
        </p>
        <ol className="kern-list kern-list--number">
          <li>
            Jede Antwort erhält Punkte zwischen 0 und 1: Bei Fragen mit Rangfolge ist die niedrigste Stufe 0, die
            höchste 1, die Stufen dazwischen gleichmäßig verteilt. „Weiß nicht“ erhält 0.
          </li>
          <li>Bei Fragen mit mehreren Antworten zählt der Anteil der gewählten Antworten (ohne „Nichts davon“).</li>
          <li>
            Eine Dimension ist der Mittelwert ihrer Fragen, der Index der Mittelwert der fünf Dimensionen, jeweils mal
            100.
          </li>
          <li>
            Stufen: {LEVELS.map((l) => `${l.name} ab ${l.min} Punkten („${l.description}“)`).join(", ")}. {LEVELS_NOTE}
          </li>
        </ol>
        <p className="kern-body">
          <strong>Bundesdurchschnitt:</strong> Weil jede Regel die Punkte einfach aufaddiert, lässt sich der
          Durchschnitt aller {source.sample} Kommunen aus den veröffentlichten Anteilen berechnen: je Frage die Summe
          aus Anteil mal Punkten. So ergibt sich ein Bundesdurchschnitt von rund {fmt(national.nationalMean)} Punkten.{" "}
          {nationalMeanNote(reference)} Wie sich die Kommunen um diesen Durchschnitt verteilen, lässt sich aus den
          veröffentlichten Zahlen nicht ablesen; deshalb nennen wir keinen Rang und kein Perzentil für den Index.
        </p>
        {DIMENSIONS.map((dim) => (
          <TableRegion key={dim} label={`Punkte in der Dimension ${DIMENSION_LABELS[dim]}`}>
            <table className="kern-table kern-table--small scoring-table">
              <caption className="kern-body kern-body--bold">
                Dimension {DIMENSION_LABELS[dim]} (Bundesdurchschnitt{" "}
                {fmt(national.dimensions.find((d) => d.id === dim)!.nationalMean)})
              </caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    Frage
                  </th>
                  <th scope="col" className="kern-table__header">
                    Punkte je Antwort
                  </th>
                  {/* On a phone this column gives way to a line in the question's cell (globals.css, .scoring-table). */}
                  <th
                    scope="col"
                    className="kern-table__header kern-table__header--numeric scoring-table__national-column"
                  >
                    Bundesdurchschnitt
                  </th>
                </tr>
              </thead>
              <tbody>
                {reference.questions
                  .filter((q) => q.dimension === dim)
                  .map((q) => {
                    const mean = fmt(nationalMeanScore(q) * 100);
                    return (
                      <tr key={q.id} className="kern-table__row">
                        <th scope="row" className="kern-table__cell">
                          {q.text}
                          <span className="scoring-table__national">Bundesdurchschnitt: {mean}</span>
                        </th>
                        <td className="kern-table__cell">
                          {q.type === "single" ? (
                            <ul className="scoring-options">
                              {q.options.map((o) => (
                                <li key={o.id}>
                                  {o.label}: {fmt(optionScore(q, o.id), 2)}
                                </li>
                              ))}
                            </ul>
                          ) : (
                            `je gewählter Antwort ${fmt(1 / q.options.filter((o) => !o.exclusive).length, 2)}`
                          )}
                        </td>
                        <td className="kern-table__cell kern-table__cell--numeric scoring-table__national-column">
                          {mean}
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </TableRegion>
        ))}
      </section>

      <section className="stack-sm" aria-labelledby="empfehlungen">
        <h2 className="kern-heading-medium" id="empfehlungen">
          Die Empfehlungen
        </h2>
        <p className="kern-body">
          Für jede Lücke in Ihren Antworten gibt es einen nächsten Schritt. Die Reihenfolge ist unsere Einschätzung
          ihrer Wirkung: Jede Empfehlung hat eine feste Stufe von 1 (zuerst) bis 5; innerhalb einer Stufe entscheidet
          der Abstand Ihrer Antwort zum Bundesdurchschnitt. Wir zeigen höchstens fünf Empfehlungen. Die Stufen:
        </p>
        <ul className="kern-list kern-list--bullet">
          {[1, 2, 3, 4, 5].map((priority) => (
            <li key={priority}>
              Stufe {priority}:{" "}
              {reference.questions
                .filter((q) => q.recommendation?.priority === priority)
                .map((q) => q.recommendation!.title)
                .join(", ")}
            </li>
          ))}
        </ul>
      </section>

      <section className="stack-sm" aria-labelledby="register">
        <h2 className="kern-heading-medium" id="register">
          Das Gemeindeverzeichnis
        </h2>
        <p className="kern-body">
          Namen, Gemeindeschlüssel, Bundesland und Einwohnerzahlen der Kommunen stammen aus dem amtlichen
          Gemeindeverzeichnis des Statistischen Bundesamts (Gebietsstand{" "}
          {new Date(`${register.gebietsstand}T12:00:00Z`).toLocaleDateString("de-DE")}, Einwohnerzahl am{" "}
          {new Date(`${register.populationDate}T12:00:00Z`).toLocaleDateString("de-DE")}). Daraus ergibt sich die
          Größenklasse, in Anlehnung an die Stadt- und Gemeindetypen des BBSR, aber nur nach der Einwohnerzahl:{" "}
          {SIZE_CLASSES.map((c) => `${c.townTypePlural} (${c.label})`).join(", ")}. Das BBSR berücksichtigt zusätzlich
          die zentralörtliche Funktion einer Gemeinde; eine Gemeinde unter 5.000 Einwohnerinnen und Einwohnern ist
          deshalb nicht schon eine Landgemeinde.
        </p>
        <p className="kern-body kern-body--small">{register.source}</p>
      </section>
    </div>
  );
}
