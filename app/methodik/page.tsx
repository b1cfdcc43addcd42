import type { Metadata } from "next";
import { reference } from "@/lib/survey/reference";
import { DIMENSIONS } from "@/lib/survey/schema";
import { DIMENSION_LABELS } from "@/lib/benchmark/compute-benchmark";
import { computeIndex, nationalMeanScore, optionScore } from "@/lib/benchmark/scoring";
import { LEVELS } from "@/lib/benchmark/levels";
import { getRegister, getUnits } from "@/lib/municipalities/register";
import { Cell, Row, RowHeader, Table } from "@/components/kern/table";
import { TableRegion } from "@/components/kern/table-region";
import { DERIVED_NOTE, LEVELS_NOTE, nationalMeanNote, ORDER_NOTE, shareBaseNote } from "@/lib/benchmark/method-notes";
import { shareLabel } from "@/lib/survey/share-label";
import { SIZE_CLASSES } from "@/lib/profile/size-class";
import { K_MIN } from "@/lib/peers/aggregate";
import { lagebildMethod } from "@/lib/lagebild/lagebild-words";
import { Heading, List, Text } from "@/components/kern/typography";
import { Link } from "@/components/kern/link";
import { formatDecimal, formatNumber } from "@/lib/format/number";

export const metadata: Metadata = { title: "Methodik und Quellen" };

export default function MethodPage() {
  const { source } = reference;
  const national = computeIndex(reference, {});
  const register = getRegister();
  const units = getUnits();
  const derived = reference.questions.flatMap((q) =>
    q.options.filter((o) => !o.published && o.share !== null).map((o) => ({ q, o })),
  );
  const subgroups = reference.questions.flatMap((q) =>
    q.options.flatMap((o) => (o.subgroups ?? []).map((sg) => ({ q, o, sg }))),
  );
  return (
    <div className="stack">
      <Heading level={1}>Methodik und Quellen</Heading>

      <section className="stack-sm" aria-labelledby="quelle">
        <Heading level={2} id="quelle">
          Die Vergleichsdaten
        </Heading>
        <Text>
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
          <Link plain href={source.url} rel="noreferrer">
            Pressemitteilung bei Bitkom
          </Link>
        </Text>
        <Text>
          <strong>Die Zahlen altern.</strong> Sie beschreiben den Stand im Herbst 2020, mitten in der Corona-Pandemie.
          Neuere Zahlen derselben Umfrage gibt es nicht. Nach unserer Einschätzung haben viele Kommunen seither
          aufgeholt; ein Vergleich mit 2020 zeigt deshalb eher, wie weit Sie über den damaligen Stand hinaus sind, als
          wo Sie heute im Feld stehen. Deshalb sprechen alle Aussagen über 2020 in der Vergangenheit.
        </Text>
      </section>

      <section className="stack-sm" aria-labelledby="aussagen">
        <Heading level={2} id="aussagen">
          Wie die Aussagen entstehen
        </Heading>
        <Text>
          Zu jeder beantworteten Frage nennen wir den Anteil der Kommunen, die 2020 dieselbe Antwort gegeben haben, zum
          Beispiel: „Sie führen bereits eine E-Akte; 2020 taten das erst 16{"\u00a0"}% der Kommunen.“ Bei Fragen mit
          mehreren Antworten gibt es einen Satz je gewählter Antwort. {shareBaseNote(reference)} Eine Teilgruppe nennt
          die Pressemitteilung nur einmal
          {subgroups.length > 0
            ? `: ${subgroups.map(({ q, o, sg }) => `${q.text} – „${o.label}“: ${formatDecimal(sg.share)}\u00a0% der ${sg.label}`).join("; ")}.`
            : "."}
        </Text>
        <Text>
          <strong>Veröffentlicht oder abgeleitet:</strong> Die Pressemitteilung nennt nicht jeden Anteil. {DERIVED_NOTE}{" "}
          Welche Antworten in einem solchen Rest stecken, sagt die Pressemitteilung nicht; wir benennen ihn deshalb
          nicht nach einer einzelnen Antwort wie „Weiß nicht“. Für Antworten, die wir selbst ergänzt haben (etwa „Nichts
          davon“), gibt es keinen Vergleichswert. Abgeleitete Werte:
        </Text>
        <List>
          {derived.map(({ q, o }) => (
            <li key={`${q.id}-${o.id}`}>
              {q.text} – {shareLabel(o)}: rund {formatDecimal(o.share!)}
              {"\u00a0"}%
            </li>
          ))}
        </List>
        <Text>
          <strong>„Sie liegen vor … % der Kommunen“</strong> steht bei Fragen, deren Antworten eine Rangfolge haben. Es
          ist die Summe der Anteile aller niedriger eingestuften Antworten. {ORDER_NOTE} Antworten wie „weiß nicht“
          zählen wir weder als niedriger noch als höher; sie bleiben im Nenner.
        </Text>
      </section>

      <section className="stack-sm" aria-labelledby="index">
        <Heading level={2} id="index">
          Der digitale Reifegrad (Index)
        </Heading>
        <Text>
          Der Index ist ein Modell von uns, kein Ergebnis der Umfrage. Er fasst die Antworten auf{" "}
          {reference.questions.filter((q) => q.dimension !== "context").length} Fragen in fünf Dimensionen zusammen.
          Nicht mit zählen die Fragen zu Umfeld, Meinungen und Wünschen (
          {reference.questions.filter((q) => q.dimension === "context").length} Fragen, etwa „Chance oder Risiko“ und
          die Hemmnisse). Die Einschätzung des eigenen Standorts (vom verpassten Anschluss bis zum Vorreiter) zählt
          dagegen in der Dimension Strategie mit.
        </Text>
        <List kind="number">
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
        </List>
        <Text>
          <strong>Bundesdurchschnitt:</strong> Weil jede Regel die Punkte einfach aufaddiert, lässt sich der
          Durchschnitt aller {source.sample} Kommunen aus den veröffentlichten Anteilen berechnen: je Frage die Summe
          aus Anteil mal Punkten. So ergibt sich ein Bundesdurchschnitt von rund {formatDecimal(national.nationalMean)}{" "}
          Punkten. {nationalMeanNote(reference)} Wie sich die Kommunen um diesen Durchschnitt verteilen, lässt sich aus
          den veröffentlichten Zahlen nicht ablesen; deshalb nennen wir keinen Rang und kein Perzentil für den Index.
        </Text>
        {DIMENSIONS.map((dim) => (
          <TableRegion key={dim} label={`Punkte in der Dimension ${DIMENSION_LABELS[dim]}`}>
            {/* On a phone the last column gives way to a line in the question's cell (globals.css, .scoring-table). */}
            <Table
              className="scoring-table"
              caption={
                <>
                  Dimension {DIMENSION_LABELS[dim]} (Bundesdurchschnitt{" "}
                  {formatDecimal(national.dimensions.find((d) => d.id === dim)!.nationalMean)})
                </>
              }
              columns={[
                { label: "Frage" },
                { label: "Punkte je Antwort" },
                { label: "Bundesdurchschnitt", numeric: true, className: "scoring-table__national-column" },
              ]}
            >
              {reference.questions
                .filter((q) => q.dimension === dim)
                .map((q) => {
                  const mean = formatDecimal(nationalMeanScore(q) * 100);
                  return (
                    <Row key={q.id}>
                      <RowHeader>
                        {q.text}
                        <span className="scoring-table__national">Bundesdurchschnitt: {mean}</span>
                      </RowHeader>
                      <Cell>
                        {q.type === "single" ? (
                          <ul className="scoring-options">
                            {q.options.map((o) => (
                              <li key={o.id}>
                                {o.label}: {formatDecimal(optionScore(q, o.id), 2)}
                              </li>
                            ))}
                          </ul>
                        ) : (
                          `je gewählter Antwort ${formatDecimal(1 / q.options.filter((o) => !o.exclusive).length, 2)}`
                        )}
                      </Cell>
                      <Cell numeric className="scoring-table__national-column">
                        {mean}
                      </Cell>
                    </Row>
                  );
                })}
            </Table>
          </TableRegion>
        ))}
      </section>

      <section className="stack-sm" aria-labelledby="empfehlungen">
        <Heading level={2} id="empfehlungen">
          Die Empfehlungen
        </Heading>
        <Text>
          Für jede Lücke in Ihren Antworten gibt es einen nächsten Schritt. Die Reihenfolge ist unsere Einschätzung
          ihrer Wirkung: Jede Empfehlung hat eine feste Stufe von 1 (zuerst) bis 5; innerhalb einer Stufe entscheidet
          der Abstand Ihrer Antwort zum Bundesdurchschnitt. Wir zeigen höchstens fünf Empfehlungen. Die Stufen:
        </Text>
        <List>
          {[1, 2, 3, 4, 5].map((priority) => (
            <li key={priority}>
              Stufe {priority}:{" "}
              {reference.questions
                .filter((q) => q.recommendation?.priority === priority)
                .map((q) => q.recommendation!.title)
                .join(", ")}
            </li>
          ))}
        </List>
      </section>

      <section className="stack-sm" aria-labelledby="lagebild">
        <Heading level={2} id="lagebild">
          Das Lagebild und seine Schätzung
        </Heading>
        <Text>
          Das <Link href="/lagebild">Lagebild</Link> zeigt die veröffentlichten Zahlen der Verwaltungen, die mit ihrem
          Teilnahmecode teilnehmen, nach denselben Regeln wie der Vergleich: Gruppen (Land und Größenklasse) mit weniger
          als {K_MIN} Verwaltungen zählen nirgends mit. Der Rahmen sind die {formatNumber(getUnits().length)}{" "}
          Verwaltungen des Gemeindeverzeichnisses: Gemeinden und Gemeindeverbände, die eine eigene Verwaltung führen.
        </Text>
        {lagebildMethod(K_MIN, reference).map((t) => (
          <Text key={t.slice(0, 24)}>{t}</Text>
        ))}
      </section>

      <section className="stack-sm" aria-labelledby="register">
        <Heading level={2} id="register">
          Das Gemeindeverzeichnis
        </Heading>
        <Text>
          Namen, Gemeindeschlüssel, Bundesland und Einwohnerzahlen der Kommunen stammen aus dem amtlichen
          Gemeindeverzeichnis des Statistischen Bundesamts (Gebietsstand{" "}
          {new Date(`${register.gebietsstand}T12:00:00Z`).toLocaleDateString("de-DE")}, Einwohnerzahl am{" "}
          {new Date(`${register.populationDate}T12:00:00Z`).toLocaleDateString("de-DE")}). Daraus ergibt sich die
          Größenklasse, in Anlehnung an die Stadt- und Gemeindetypen des BBSR, aber nur nach der Einwohnerzahl:{" "}
          {SIZE_CLASSES.map((c) => `${c.townTypePlural} (${c.label})`).join(", ")}. Das BBSR berücksichtigt zusätzlich
          die zentralörtliche Funktion einer Gemeinde; eine Gemeinde unter 5.000 Einwohnerinnen und Einwohnern ist
          deshalb nicht schon eine Landgemeinde.
        </Text>
        <Text size="small">{register.source}</Text>
      </section>

      <section className="stack-sm" aria-labelledby="verwaltungen">
        <Heading level={2} id="verwaltungen">
          Wer antwortet: die Verwaltung
        </Heading>
        <Text>
          In den meisten Ländern führt eine kleine Gemeinde ihre Verwaltung nicht selbst: Das tut ihr Amt, ihre
          Verbandsgemeinde, Samtgemeinde oder Verwaltungsgemeinschaft. Dort liegen die Akten, arbeiten die Beschäftigten
          und laufen die Online-Dienste. Deshalb antwortet im Digitalcheck die Verwaltung – eine Gemeinde, die ihre
          Verwaltung selbst führt, oder ein solcher Gemeindeverband für alle seine Gemeinden. Seine Größenklasse ergibt
          sich aus den Einwohnerinnen und Einwohnern aller seiner Gemeinden: Eine Verbandsgemeinde mit 34.903
          Einwohnerinnen und Einwohnern vergleichen wir mit Mittelstädten. In Baden-Württemberg behält jede Gemeinde
          ihres Gemeindeverwaltungsverbands ihr eigenes Bürgermeisteramt; dort antwortet die Gemeinde.
        </Text>
        <Text>
          So zählen wir {formatNumber(units.length)} Verwaltungen für {formatNumber(register.rows.length)} Gemeinden,
          und jede Gemeinde genau einmal. Eine Gemeinde, deren Verwaltung ihr Gemeindeverband führt, kann auch für sich
          allein antworten und sieht ihr Ergebnis gegenüber der Umfrage 2020; im Vergleich mit anderen Kommunen und im
          Lagebild zählt aber die Selbsteinschätzung ihrer Verwaltung, damit niemand doppelt gezählt wird.
        </Text>
      </section>
    </div>
  );
}
