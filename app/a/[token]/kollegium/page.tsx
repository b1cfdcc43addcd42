import type { Metadata } from "next";
import { editPath, reviewPath } from "@/lib/assessment/paths";
import { withLinkGuard } from "@/lib/colleagues/guard";
import { getComparison } from "@/lib/colleagues/get-comparison";
import { answerKey } from "@/lib/benchmark/disagreement";
import { comparisonTexts, distanceText, questionName } from "@/lib/colleagues/comparison-text";
import { currentClientId } from "@/lib/http/action-client";
import { Alert } from "@/components/kern/alert";
import { Badge } from "@/components/kern/badge";
import { Button, ButtonLink } from "@/components/kern/button";
import { ChoiceGroup } from "@/components/kern/choice-group";
import { Cell, Row, RowHeader, Table } from "@/components/kern/table";
import { TableRegion } from "@/components/kern/table-region";
import { Heading, PageTitle, Text } from "@/components/kern/typography";
import { DisagreementChart } from "@/components/colleagues/disagreement-chart";
import { describeError, type TAssessmentError } from "@/lib/errors";
import { loadAssessmentForPage } from "../load-for-page";
import { closeRoundAction, settleAction } from "../colleague-actions";

export const metadata: Metadata = { title: "Wo wir uns uneinig sind", robots: { index: false } };

type TProps = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The lead's comparison of everybody's answers: widest disagreement first, a chart, a table and settling. */
export default async function ComparisonPage({ params, searchParams }: TProps) {
  const { token } = await params;
  const query = await searchParams;
  // The guarded lookup of every page behind the link (404 for an unknown link, the colleague's page for theirs).
  const found = await loadAssessmentForPage(token);
  if (!found.ok) return found.page;
  const result = await withLinkGuard(await currentClientId(), () => getComparison(token));
  if (!result.ok) return <Alert tone="danger" title={describeError(result.error)} role="alert" />;
  const c = result.value;
  const { names, spread: spreadText } = comparisonTexts(c.respondents);
  const disputed = c.questions.filter((q) => q.disputed);
  const toSettle = c.questions.filter((q) => q.disputed || (q.own === null && q.groups.length > 0));
  const colleagues = c.respondents.length - 1;
  const hint = hintText(query.hinweis);
  const submitted = c.status === "submitted";

  return (
    <div className="stack">
      <PageTitle title={<>Wo wir uns uneinig sind</>} preline={<>Antworten vergleichen</>} />
      {query.festgelegt ? (
        <Alert tone="success" title="Die Antworten sind festgelegt" role="status">
          <Text>
            Sie gelten jetzt als Antworten Ihrer Verwaltung. Prüfen Sie die Selbsteinschätzung und senden Sie sie ab.
          </Text>
        </Alert>
      ) : null}
      {query.beendet ? (
        <Alert tone="success" title="Die Runde ist beendet" role="status">
          <Text>Die Links Ihrer Kolleginnen und Kollegen lesen nur noch und gelten noch 30 Tage.</Text>
        </Alert>
      ) : null}
      {hint ? <Alert tone="warning" title={hint} role="alert" /> : null}
      <Text>
        {colleagues === 0
          ? "Sie haben noch niemanden eingeladen."
          : `${c.answered} von ${colleagues} ${colleagues === 1 ? "eingeladenen Person hat" : "eingeladenen Personen haben"} geantwortet. `}
        {colleagues > 0
          ? disputed.length === 0
            ? "Bei keiner Frage gehen die Antworten auseinander."
            : `Bei ${disputed.length} von ${c.questions.length} Fragen gehen die Antworten auseinander; diese stehen oben, die größte Uneinigkeit zuerst.`
          : null}{" "}
        Nur Sie sehen diesen Vergleich. Die Antworten der Kolleginnen und Kollegen zählen nicht im Vergleich mit anderen
        Kommunen und nicht im Lagebild; es zählen nur die Antworten, die Sie festlegen.
      </Text>

      {disputed.length > 0 ? (
        <DisagreementChart
          caption="Wie weit die Antworten auseinanderliegen"
          rows={disputed.map((q) => ({
            id: q.questionId,
            name: questionName(q),
            spread: q.spread,
            text: `${questionName(q)}: ${Math.round(q.spread * 100)}\u00a0% – ${distanceText(q)}: ${spreadText(q)}.`,
          }))}
        />
      ) : null}

      <section aria-labelledby="tabelle-heading" className="stack-sm">
        <Heading level={2} id="tabelle-heading">
          Alle Fragen
        </Heading>
        <TableRegion label="Antworten aller Beteiligten je Frage">
          <Table
            caption="Antworten aller Beteiligten je Frage, die größte Uneinigkeit zuerst"
            captionHidden
            columns={[{ label: "Frage" }, { label: "Antworten nach Rollen" }, { label: "Abstand" }]}
          >
            {c.questions.map((q) => (
              <Row key={q.questionId}>
                <RowHeader>
                  {questionName(q)}{" "}
                  {q.disputed ? (
                    <Badge tone="warning" small>
                      uneinig
                    </Badge>
                  ) : null}
                </RowHeader>
                <Cell>
                  {spreadText(q)}
                  {q.skipped.length > 0 ? `; anderen überlassen: ${names(q.skipped)}` : ""}
                </Cell>
                <Cell>{distanceText(q)}</Cell>
              </Row>
            ))}
          </Table>
        </TableRegion>
      </section>

      <section aria-labelledby="festlegen-heading" className="stack-sm">
        <Heading level={2} id="festlegen-heading">
          Antworten festlegen
        </Heading>
        {submitted ? (
          <Text>
            Ihre Selbsteinschätzung ist abgeschlossen. Öffnen Sie sie auf der Übersicht wieder zur Bearbeitung, um
            Antworten festzulegen.
          </Text>
        ) : toSettle.length === 0 ? (
          <Text>Es gibt nichts festzulegen: Wo geantwortet wurde, sind sich alle einig.</Text>
        ) : (
          <form action={settleAction.bind(null, token)} className="stack" noValidate>
            <Text>
              Wählen Sie je Frage die Antwort, die für Ihre Verwaltung gilt: Ihre eigene, die häufigste oder die einer
              Kollegin oder eines Kollegen. Vorausgewählt ist Ihre eigene Antwort.
            </Text>
            <input type="hidden" name="version" value={c.version} />
            {toSettle.map((q) => {
              const own = q.own === null ? null : answerKey(q.own);
              const chosen = own ?? (q.mostFrequent === null ? null : answerKey(q.mostFrequent));
              const multi = Array.isArray(q.groups[0]?.value);
              return (
                <div key={q.questionId}>
                  {multi ? <input type="hidden" name={`typ-${q.questionId}`} value="multi" /> : null}
                  <ChoiceGroup
                    id={`festlegen-${q.questionId}`}
                    name={`festlegen-${q.questionId}`}
                    legend={<>{q.question}</>}
                    type="radio"
                    choices={q.groups.map((g) => ({
                      value: answerKey(g.value),
                      label: `${g.labels.join(" + ")} – ${names(g.respondents)}${
                        q.mostFrequent !== null && answerKey(q.mostFrequent) === answerKey(g.value)
                          ? " (häufigste Antwort)"
                          : ""
                      }`,
                    }))}
                    inputProps={(choice) => ({ defaultChecked: choice.value === chosen })}
                  />
                </div>
              );
            })}
            <div className="button-row">
              <Button type="submit">Antworten festlegen</Button>
            </div>
          </form>
        )}
      </section>

      <div className="button-row">
        {submitted ? null : <ButtonLink href={reviewPath(token)}>Prüfen und absenden</ButtonLink>}
        <ButtonLink href={editPath(token)} variant="secondary">
          Zur Übersicht
        </ButtonLink>
        {c.round.status === "open" && colleagues > 0 ? (
          <form action={closeRoundAction.bind(null, token)}>
            <Button type="submit" variant="secondary">
              Runde beenden
            </Button>
          </form>
        ) : null}
      </div>
    </div>
  );
}

/** The message of a refused settle or close (the actions send the kind only). */
function hintText(kind: string | string[] | undefined): string | null {
  const known: Record<string, TAssessmentError> = {
    stale_version: { kind: "stale_version", currentVersion: 1 },
    assessment_submitted: { kind: "assessment_submitted" },
    invalid_input: { kind: "invalid_input", issues: [] },
    rate_limited: { kind: "rate_limited", retryAfterSeconds: 60 },
  };
  const e = typeof kind === "string" ? known[kind] : undefined;
  return e ? describeError(e) : null;
}
