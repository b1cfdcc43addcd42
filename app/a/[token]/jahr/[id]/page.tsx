import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { earlierYearPath, editPath, resultsPath } from "@/lib/assessment/paths";
import { getEarlierYear } from "@/lib/assessment/get-earlier-year";
import { withTokenGuard } from "@/lib/assessment/guarded-lookup";
import { currentClientId } from "@/lib/http/action-client";
import { computeBenchmark } from "@/lib/benchmark/compute-benchmark";
import { DERIVED_NOTE, shareBaseNote } from "@/lib/benchmark/method-notes";
import { STEPS, reference } from "@/lib/survey/reference";
import { unitTitle } from "@/lib/municipalities/unit-text";
import { Alert } from "@/components/kern/alert";
import { TooManyRequests } from "@/components/kern/too-many-requests";
import { RadarChart } from "@/components/charts/radar-chart";
import { TopicResults } from "@/components/results/topic-results";
import { AnswerSummary } from "@/components/questionnaire/answer-summary";
import { Heading, List, PageTitle, Text } from "@/components/kern/typography";
import { Link } from "@/components/kern/link";
import { formatDecimal } from "@/lib/format/number";

export const metadata: Metadata = { title: "Ältere Selbsteinschätzung", robots: { index: false } };

type TProps = { params: Promise<{ token: string; id: string }> };

/** Assessment ids are UUIDs; anything else is no year of any chain. */
const ID = /^[0-9A-Za-z-]{1,64}$/;

/**
 * An earlier year of the chain, read only: its result and its answers as they were submitted, without any
 * form (ADR 0010: earlier years have no link of their own and can no longer be changed).
 */
export default async function EarlierYearPage({ params }: TProps) {
  const { token, id } = await params;
  const result = await withTokenGuard(await currentClientId(), () => getEarlierYear(token, ID.test(id) ? id : ""));
  if (!result.ok) {
    if (result.error.kind === "rate_limited")
      return <TooManyRequests retryAfterSeconds={result.error.retryAfterSeconds} />;
    notFound();
  }
  const year = result.value;
  // The newest year is the results page; anything else is none of this link's years.
  if (year === "newest") redirect(resultsPath(token));
  if (!year) notFound();
  const { head, entry, label } = year;
  const m = head.municipality;
  const b = computeBenchmark(reference, { answers: entry.answers, sizeClass: m.sizeClass });
  const items = new Map(b.items.map((i) => [i.questionId, i]));
  const others = year.years.filter((y) => y.id !== entry.id);

  return (
    <div className="stack">
      <PageTitle
        title={
          <>
            Ergebnis {label}: Digitalcheck {unitTitle(m)}
          </>
        }
        preline="Ältere Selbsteinschätzung"
      />
      <Alert tone="info" title="Ältere Selbsteinschätzung, nur lesbar">
        <Text>
          Sie sehen die Selbsteinschätzung von {label}
          {entry.submittedAt
            ? `, abgeschlossen am ${new Date(entry.submittedAt).toLocaleDateString("de-DE", { timeZone: "Europe/Berlin" })}`
            : ""}
          . Sie bleibt unverändert erhalten und kann nicht mehr bearbeitet werden. Ändern können Sie nur die neueste
          Selbsteinschätzung. <Link href={editPath(token)}>Zur aktuellen Selbsteinschätzung</Link>
        </Text>
      </Alert>

      <section aria-labelledby="index-heading" className="stack-sm">
        <Heading level={2} id="index-heading">
          Digitaler Reifegrad {label}
        </Heading>
        {b.index.score !== null && b.index.level ? (
          <div className="index-summary">
            <p className="index-summary__score">
              <span className="index-summary__number">{formatDecimal(b.index.score)}</span>
              <Text as="span"> von 100 Punkten</Text>
            </p>
            <Text size="large">
              Stufe <strong>{b.index.level.name}</strong>: {b.index.level.description}
            </Text>
            <Text>
              Bundesdurchschnitt 2020: <strong>rund {formatDecimal(b.index.nationalMean)} Punkte</strong>.
            </Text>
          </div>
        ) : (
          <Text>In dieser Selbsteinschätzung war keine Frage beantwortet.</Text>
        )}
        <RadarChart dimensions={b.index.dimensions} />
      </section>

      <nav aria-labelledby="jahre-heading" className="stack-sm">
        <Heading level={2} id="jahre-heading">
          Ihre anderen Jahre
        </Heading>
        <List kind="bullet">
          {others.map((y) => (
            <li key={y.id}>
              {y.newest ? (
                <Link href={resultsPath(token)}>{y.label}: aktuelles Ergebnis</Link>
              ) : (
                <Link href={earlierYearPath(token, y.id)}>{y.label}: ältere Selbsteinschätzung</Link>
              )}
            </li>
          ))}
        </List>
      </nav>

      <section aria-labelledby="themen-heading" className="stack">
        <Heading level={2} id="themen-heading">
          Ihre Antworten {label} im Vergleich
        </Heading>
        <Text>
          Die Anteile stammen aus der Pressemitteilung zur Umfrage von Bitkom und dem Deutschen Städte- und Gemeindebund
          2020. {shareBaseNote(reference)}
          {b.items.some((i) => i.derived) ? ` ${DERIVED_NOTE}` : ""}
        </Text>
        {STEPS.map((s) => (
          <TopicResults key={s.topic.id} topic={s.topic} questions={s.questions} items={items} />
        ))}
      </section>

      <section aria-labelledby="antworten-heading" className="stack">
        <Heading level={2} id="antworten-heading">
          Alle Antworten {label}
        </Heading>
        <AnswerSummary answers={entry.answers} token={token} editable={false} />
      </section>
      <Text>
        <Link href={editPath(token)}>Zurück zur Übersicht Ihrer Selbsteinschätzung</Link>
      </Text>
    </div>
  );
}
