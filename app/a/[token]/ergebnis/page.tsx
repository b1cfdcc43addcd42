import type { Metadata } from "next";
import { AppLink } from "@/components/app-link";
import { editPath, reviewPath } from "@/lib/assessment/paths";
import { STEPS, reference } from "@/lib/survey/reference";
import { LEVELS } from "@/lib/benchmark/levels";
import { getStateName } from "@/lib/profile/states";
import { getSizeClass } from "@/lib/profile/size-class";
import { Alert } from "@/components/kern/alert";
import { RadarChart } from "@/components/charts/radar-chart";
import { TopicResults } from "@/components/results/topic-results";
import { PeerComparison, describePeerGroup } from "@/components/peers/peer-comparison";
import { getPeerView } from "@/lib/assessment/get-peer-view";
import { loadBenchmarkForPage } from "../load-for-page";
import { reportPdfPath } from "@/lib/assessment/api-paths";
import { DERIVED_NOTE, LEVELS_NOTE, nationalMeanNote, shareBaseNote } from "@/lib/benchmark/method-notes";

export const metadata: Metadata = { title: "Ergebnis", robots: { index: false } };

type TProps = { params: Promise<{ token: string }> };

const fmt = (n: number) => n.toLocaleString("de-DE", { maximumFractionDigits: 1 });

export default async function ResultsPage({ params }: TProps) {
  const { token } = await params;
  const result = await loadBenchmarkForPage(token);
  if (!result.ok) return result.page;
  const { benchmark: b } = result.value;
  const { municipality: m, index } = b;
  const items = new Map(b.items.map((i) => [i.questionId, i]));
  const sizeClass = getSizeClass(m.sizeClass);
  const hasDerived = b.items.some((i) => i.derived);
  const peers = await getPeerView({ state: m.state, sizeClass: m.sizeClass }, { indexScore: index.score });

  return (
    <div className="stack">
      <hgroup className="kern-hgroup">
        <h1 className="kern-heading-large">Ergebnis: Digitalcheck {m.name}</h1>
        <p className="kern-preline">Vergleich mit der bundesweiten Umfrage 2020</p>
      </hgroup>

      <p>
        <a className="kern-btn kern-btn--secondary" href={reportPdfPath(token)} download>
          <span className="kern-icon kern-icon--download" aria-hidden="true" />
          <span className="kern-label">Bericht als PDF</span>
        </a>
      </p>

      {!b.complete ? (
        <Alert tone="warning" title="Vorläufiges Ergebnis">
          <p className="kern-body">
            {b.status === "draft" ? "Diese Selbsteinschätzung ist noch nicht abgeschlossen. " : ""}
            {b.unanswered.length > 0
              ? `${b.unanswered.length} von ${reference.questions.length} Fragen sind noch offen; der Index beruht nur auf den beantworteten Fragen.`
              : "Alle Fragen sind beantwortet, aber noch nicht abgesendet."}{" "}
            <AppLink className="kern-link" href={b.unanswered.length > 0 ? editPath(token) : reviewPath(token)}>
              {b.unanswered.length > 0 ? "Zur Übersicht und den offenen Fragen" : "Jetzt prüfen und absenden"}
            </AppLink>
          </p>
        </Alert>
      ) : null}

      <section aria-labelledby="index-heading" className="stack-sm">
        <h2 className="kern-heading-medium" id="index-heading">
          Ihr digitaler Reifegrad
        </h2>
        {index.score !== null && index.level ? (
          <div className="index-summary">
            <p className="index-summary__score">
              <span className="index-summary__number">{fmt(index.score)}</span>
              <span className="kern-body"> von 100 Punkten</span>
            </p>
            <p className="kern-body kern-body--large">
              Stufe <strong>{index.level.name}</strong>: {index.level.description}
            </p>
            <p className="kern-body">
              Bundesdurchschnitt 2020: <strong>rund {fmt(index.nationalMean)} Punkte</strong> (Stufe{" "}
              {index.nationalLevel.name}). Ihre Kommune liegt{" "}
              {index.score > index.nationalMean ? "über" : index.score < index.nationalMean ? "unter" : "genau auf"} dem
              Durchschnitt
              {index.score !== index.nationalMean
                ? ` (${index.score > index.nationalMean ? "+" : "−"}${fmt(Math.abs(index.score - index.nationalMean))} Punkte)`
                : ""}
              .
            </p>
            <p className="kern-body kern-body--small">
              Der Index ist unser Modell: Er fasst Ihre Antworten nach festen Regeln zu einem Wert zusammen.{" "}
              {nationalMeanNote(reference)} Eine Rangliste der Kommunen nach dem Index gibt es aus der Umfrage nicht.{" "}
              {LEVELS_NOTE}{" "}
              <AppLink className="kern-link" href="/methodik#index">
                So rechnen wir
              </AppLink>
            </p>
          </div>
        ) : (
          <p className="kern-body">
            Beantworten Sie mindestens eine Frage, damit wir einen Reifegrad berechnen können.
          </p>
        )}
        <p className="kern-body kern-body--small">
          Stufen: {LEVELS.map((l, i) => `${l.name} ab ${l.min}${i === LEVELS.length - 1 ? "" : ""}`).join(" · ")}{" "}
          Punkten.
        </p>
        <RadarChart dimensions={index.dimensions} />
        <p className="kern-body">
          {m.name} ist eine von {b.context.national.toLocaleString("de-DE")} {sizeClass.dative} in Deutschland;{" "}
          {b.context.inState.toLocaleString("de-DE")} davon liegen in {getStateName(m.state)}.
        </p>
        <p className="kern-body kern-body--small kern-body--muted">{b.context.source}</p>
      </section>

      {peers.ok ? (
        <section aria-labelledby="peers-heading" className="stack-sm">
          <h2 className="kern-heading-medium" id="peers-heading">
            Vergleich mit {describePeerGroup(peers.value)}
          </h2>
          <PeerComparison view={peers.value} ownIndex={index.score} headingLevel={3} compact />
          <p className="kern-body">
            <AppLink className="kern-link" href={`/a/${token}/vergleich`}>
              Alle Fragen im Vergleich mit anderen Kommunen
            </AppLink>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="empfehlungen-heading" className="stack-sm">
        <h2 className="kern-heading-medium" id="empfehlungen-heading">
          Ihre nächsten Schritte
        </h2>
        {b.recommendations.length > 0 ? (
          <ol className="kern-list kern-list--number recommendations">
            {b.recommendations.map((r) => (
              <li key={r.questionId}>
                <strong>{r.title}.</strong> {r.text}
              </li>
            ))}
          </ol>
        ) : (
          <p className="kern-body">
            Bei den beantworteten Fragen sehen wir keine Lücke, für die wir einen nächsten Schritt empfehlen.
          </p>
        )}
      </section>

      <section aria-labelledby="themen-heading" className="stack">
        <h2 className="kern-heading-medium" id="themen-heading">
          Ihre Antworten im Vergleich
        </h2>
        <p className="kern-body">
          Die Anteile stammen aus der Pressemitteilung zur Umfrage von Bitkom und dem Deutschen Städte- und Gemeindebund
          2020. {shareBaseNote(reference)}
          {hasDerived ? ` ${DERIVED_NOTE}` : ""}
        </p>
        {STEPS.map((s) => (
          <TopicResults key={s.topic.id} topic={s.topic} questions={s.questions} items={items} />
        ))}
      </section>
      <p className="kern-body">
        <AppLink className="kern-link" href={editPath(token)}>
          Zurück zur Übersicht Ihrer Selbsteinschätzung
        </AppLink>
      </p>
    </div>
  );
}
