import { getEnv } from "@/lib/env";
import type { Metadata } from "next";
import { earlierYearPath, editPath, resultsPath, reviewPath } from "@/lib/assessment/paths";
import { STEPS, reference } from "@/lib/survey/reference";
import { LEVELS } from "@/lib/benchmark/levels";
import { describeUnit } from "@/lib/municipalities/size-context";
import { sizeContextText, unitTitle } from "@/lib/municipalities/unit-text";
import { Alert } from "@/components/kern/alert";
import { RadarChart } from "@/components/charts/radar-chart";
import { TopicResults } from "@/components/results/topic-results";
import { PeerComparison, describePeerGroup } from "@/components/peers/peer-comparison";
import { getPeerView } from "@/lib/peer-pool/get-peer-view";
import { loadBenchmarkForPage } from "../load-for-page";
import { reportPdfPath } from "@/lib/assessment/api-paths";
import { DERIVED_NOTE, LEVELS_NOTE, nationalMeanNote, shareBaseNote } from "@/lib/benchmark/method-notes";
import { Heading, List, PageTitle, Text } from "@/components/kern/typography";
import { Link } from "@/components/kern/link";
import { ButtonLink } from "@/components/kern/button";
import { loadYearView } from "@/lib/assessment/load-year-view";
import { yearsView } from "@/lib/benchmark/year-over-year";
import { buildPlan, targetGap } from "@/lib/benchmark/targets";
import { YearOverYear } from "@/components/results/year-over-year";
import { ActionPlan } from "@/components/results/action-plan";
import { ResultViewSwitch } from "@/components/results/result-view-switch";
import { buildEasyResult } from "@/lib/easy-language/easy-result";
import { EasyReviewNote, EasySections } from "@/components/easy-language/easy-sections";
import { reviewNote } from "@/lib/easy-language/content";
import { getOperatorInfo } from "@/lib/operator-info";
import { formatDecimal } from "@/lib/format/number";

export const metadata: Metadata = { title: "Ergebnis", robots: { index: false } };

type TProps = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ResultsPage({ params, searchParams }: TProps) {
  const { token } = await params;
  const query = await searchParams;
  const result = await loadBenchmarkForPage(token);
  if (!result.ok) return result.page;
  const { benchmark: b, assessment } = result.value;
  const { municipality: m, index } = b;
  const items = new Map(b.items.map((i) => [i.questionId, i]));
  const hasDerived = b.items.some((i) => i.derived);
  if (query.leichteSprache === "ja") {
    const sections = buildEasyResult({ ref: reference, benchmark: b, status: assessment.status, withDownload: true });
    const download = (
      <p>
        <ButtonLink variant="secondary" icon="download" href={reportPdfPath(token, { easyLanguage: true })} download>
          PDF-Datei speichern
        </ButtonLink>
      </p>
    );
    return (
      <div className="stack">
        {/* The title in the size of the headings of Leichte Sprache below it (not checked: it holds the name). */}
        <div className="easy-language">
          <PageTitle title="Ihr Ergebnis in Leichter Sprache" preline={`Digital-Check ${m.name}`} />
        </div>
        <ResultViewSwitch resultPath={resultsPath(token)} easy />
        <EasyReviewNote sentences={reviewNote(getOperatorInfo().easyLanguageReview)} />
        <EasySections sections={sections} actions={{ download }} />
        <Text>
          <Link href={editPath(token)}>Zurück zur Übersicht Ihrer Selbsteinschätzung</Link>
        </Text>
      </div>
    );
  }
  const [peers, yearView] = await Promise.all([
    getPeerView({ state: m.state, sizeClass: m.sizeClass }, { ...assessment, indexScore: index.score }),
    loadYearView(assessment),
  ]);
  const { targets } = yearView;
  // Year after year: the years before that were submitted, and this one.
  const { history, comparison } = yearsView(reference, yearView.chain);
  const plan = buildPlan(reference, assessment.answers, targets);
  const gap = plan.length > 0 ? targetGap(reference, assessment.answers, targets) : null;

  return (
    <div className="stack">
      <PageTitle
        title={<>Ergebnis: Digitalcheck {unitTitle(m)}</>}
        preline="Vergleich mit der bundesweiten Umfrage 2020"
      />

      <ResultViewSwitch resultPath={resultsPath(token)} easy={false} />

      <p>
        <ButtonLink variant="secondary" icon="download" href={reportPdfPath(token)} download>
          Bericht als PDF
        </ButtonLink>
      </p>

      {!b.complete ? (
        <Alert tone="warning" title="Vorläufiges Ergebnis">
          <Text>
            {b.status === "draft" ? "Diese Selbsteinschätzung ist noch nicht abgeschlossen. " : ""}
            {b.unanswered.length > 0
              ? `${b.unanswered.length} von ${reference.questions.length} Fragen sind noch offen; der Index beruht nur auf den beantworteten Fragen.`
              : "Alle Fragen sind beantwortet, aber noch nicht abgesendet."}{" "}
            <Link href={b.unanswered.length > 0 ? editPath(token) : reviewPath(token)}>
              {b.unanswered.length > 0 ? "Zur Übersicht und den offenen Fragen" : "Jetzt prüfen und absenden"}
            </Link>
          </Text>
        </Alert>
      ) : null}

      <section aria-labelledby="index-heading" className="stack-sm">
        <Heading level={2} id="index-heading">
          Ihr digitaler Reifegrad
        </Heading>
        {index.score !== null && index.level ? (
          <div className="index-summary">
            <p className="index-summary__score">
              <span className="index-summary__number">{formatDecimal(index.score)}</span>
              <Text as="span"> von 100 Punkten</Text>
            </p>
            <Text size="large">
              Stufe <strong>{index.level.name}</strong>: {index.level.description}
            </Text>
            <Text>
              Bundesdurchschnitt 2020: <strong>rund {formatDecimal(index.nationalMean)} Punkte</strong> (Stufe{" "}
              {index.nationalLevel.name}). Ihre Kommune liegt{" "}
              {index.score > index.nationalMean ? "über" : index.score < index.nationalMean ? "unter" : "genau auf"} dem
              Durchschnitt
              {index.score !== index.nationalMean
                ? ` (${index.score > index.nationalMean ? "+" : "−"}${formatDecimal(Math.abs(index.score - index.nationalMean))} Punkte)`
                : ""}
              .
            </Text>
            <Text size="small">
              Der Index ist unser Modell: Er fasst Ihre Antworten nach festen Regeln zu einem Wert zusammen.{" "}
              {nationalMeanNote(reference)} Eine Rangliste der Kommunen nach dem Index gibt es aus der Umfrage nicht.{" "}
              {LEVELS_NOTE} <Link href="/methodik#index">So rechnen wir</Link>
            </Text>
          </div>
        ) : (
          <Text>Beantworten Sie mindestens eine Frage, damit wir einen Reifegrad berechnen können.</Text>
        )}
        <Text size="small">
          Stufen: {LEVELS.map((l, i) => `${l.name} ab ${l.min}${i === LEVELS.length - 1 ? "" : ""}`).join(" · ")}{" "}
          Punkten.
        </Text>
        <RadarChart
          dimensions={index.dimensions.map((d) => ({
            ...d,
            ...(gap ? { target: gap.find((g) => g.id === d.id)?.target ?? null } : {}),
          }))}
        />
        <Text>{sizeContextText(describeUnit(m), b.context)}</Text>
        <Text size="small" muted>
          {b.context.source}
        </Text>
      </section>

      {comparison ? (
        <YearOverYear
          comparison={comparison}
          history={history}
          nationalMean={index.nationalMean}
          earlierHref={(id) => earlierYearPath(token, id)}
        />
      ) : null}

      <ActionPlan rows={plan} targetsHref={`/a/${token}/ziele`} saved={Boolean(query.ziele)} />

      {peers.ok ? (
        <section aria-labelledby="peers-heading" className="stack-sm">
          <Heading level={2} id="peers-heading">
            Vergleich mit {describePeerGroup(peers.value)}
          </Heading>
          <PeerComparison
            view={peers.value}
            ownIndex={index.score}
            headingLevel={3}
            compact
            ownStanding={{
              verified: assessment.verified || assessment.isDemo,
              submitted: assessment.status === "submitted",
              verificationRequired: getEnv().PEERS_MODE === "verified",
            }}
          />
          <Text>
            <Link href={`/a/${token}/vergleich`}>Alle Fragen im Vergleich mit anderen Kommunen</Link>
          </Text>
        </section>
      ) : null}

      <section aria-labelledby="empfehlungen-heading" className="stack-sm">
        <Heading level={2} id="empfehlungen-heading">
          Ihre nächsten Schritte
        </Heading>
        {b.recommendations.length > 0 ? (
          <List kind="number" className="recommendations">
            {b.recommendations.map((r) => (
              <li key={r.questionId}>
                <strong>{r.title}.</strong> {r.text}
              </li>
            ))}
          </List>
        ) : (
          <Text>Bei den beantworteten Fragen sehen wir keine Lücke, für die wir einen nächsten Schritt empfehlen.</Text>
        )}
      </section>

      <section aria-labelledby="themen-heading" className="stack">
        <Heading level={2} id="themen-heading">
          Ihre Antworten im Vergleich
        </Heading>
        <Text>
          Die Anteile stammen aus der Pressemitteilung zur Umfrage von Bitkom und dem Deutschen Städte- und Gemeindebund
          2020. {shareBaseNote(reference)}
          {hasDerived ? ` ${DERIVED_NOTE}` : ""}
        </Text>
        {STEPS.map((s) => (
          <TopicResults key={s.topic.id} topic={s.topic} questions={s.questions} items={items} />
        ))}
      </section>
      <Text>
        <Link href={editPath(token)}>Zurück zur Übersicht Ihrer Selbsteinschätzung</Link>
      </Text>
    </div>
  );
}
