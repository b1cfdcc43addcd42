import type { TPeerComparison } from "@/lib/peers/peer-query";
import type { TAnswers } from "@/lib/survey/answer-schema";
import { STEPS } from "@/lib/survey/reference";
import { getStateName } from "@/lib/profile/states";
import { getSizeClass } from "@/lib/profile/size-class";
import { Alert } from "@/components/kern/alert";
import { ComparisonChart } from "@/components/charts/comparison-chart";
import { formatOptionShare } from "@/lib/benchmark/statements";
import { Heading, Text } from "@/components/kern/typography";
import { DescriptionList } from "@/components/kern/description-list";
import { releaseLabel, releaseRuleSentence } from "@/lib/peers/release-label";
import { PEER_BAND_WORDS } from "@/lib/peers/aggregate";
import { formatDecimal, formatNumber } from "@/lib/format/number";

/**
 * The peer group's name in the case its sentence needs: dative "Vergleich mit Kleinstädten in Sachsen",
 * "12 von 130 Kleinstädten"; accusative "Für Kleinstädte in Sachsen liegen …".
 */
export function describePeerGroup(
  view: Pick<TPeerComparison, "filters">,
  grammaticalCase: "dative" | "accusative" = "dative",
): string {
  const { state, sizeClass } = view.filters;
  const type = sizeClass ? getSizeClass(sizeClass) : null;
  const size = type ? (grammaticalCase === "dative" ? type.townTypeDativePlural : type.townTypePlural) : "Kommunen";
  return `${size}${state ? ` in ${getStateName(state)}` : " in ganz Deutschland"}`;
}

/** The peer view: coverage, index statistics and, per question, peers beside the national 2020 figures. */
export function PeerComparison({
  view,
  ownAnswers,
  ownIndex,
  headingLevel = 2,
  compact = false,
  ownStanding,
}: {
  view: TPeerComparison;
  ownAnswers?: Partial<TAnswers>;
  ownIndex?: number | null;
  headingLevel?: 2 | 3;
  compact?: boolean;
  /** Where the own assessment stands towards the peer figures (results and own comparison page). */
  ownStanding?: { verified: boolean; submitted: boolean; verificationRequired: boolean };
}) {
  const group = describePeerGroup(view);
  const standing = ownStanding ? <OwnStanding view={view} standing={ownStanding} /> : null;
  if (view.suppressed) {
    return (
      <div className="stack">
        {standing}
        <Alert tone="info" title="Zu wenige Vergleichskommunen">
          <Text>
            Für {describePeerGroup(view, "accusative")} liegen noch nicht genug abgeschlossene Selbsteinschätzungen vor.
            Zum Schutz der einzelnen Kommunen zeigen wir Vergleichszahlen erst, wenn mindestens {view.k} Kommunen einer
            Gruppe teilgenommen haben. Wählen Sie eine größere Gruppe, zum Beispiel nur die Größenklasse.
          </Text>
        </Alert>
      </div>
    );
  }
  const peerLabel = "Vergleichskommunen";
  return (
    <div className="stack">
      <Text>
        Verglichen mit <strong>{formatNumber(view.count!)}</strong> von {formatNumber(view.registerTotal)} {group}{" "}
        (Anzahl laut amtlichem Gemeindeverzeichnis), die hier eine Selbsteinschätzung abgeschlossen haben. Es zählt
        jeweils die neueste abgeschlossene Selbsteinschätzung einer Kommune.
      </Text>
      {view.release ? (
        <Text size="small" muted>
          {releaseLabel(view.release)}. {releaseRuleSentence(view.k)}; so lässt sich keine einzelne Selbsteinschätzung
          herausrechnen.
        </Text>
      ) : null}
      {standing}
      {view.index ? (
        <section aria-labelledby="peer-index" className="stack-sm">
          <Heading level={headingLevel === 2 ? 2 : 3} size="small" id="peer-index">
            Reifegrad-Index der Vergleichskommunen
          </Heading>
          <DescriptionList
            items={[
              { key: "Mittelwert", value: `${formatDecimal(view.index.mean)} Punkte` },
              ...(view.index.median !== null
                ? [
                    { key: "Median", value: `${formatDecimal(view.index.median)} Punkte` },
                    {
                      key: "Mittlere Hälfte (25. bis 75. Perzentil)",
                      value: `${formatDecimal(view.index.p25)} bis ${formatDecimal(view.index.p75)} Punkte`,
                    },
                  ]
                : []),
              ...(ownIndex != null
                ? [{ key: "Ihre Kommune", value: `${formatDecimal(ownIndex)} Punkte${ownPlace(view, ownStanding)}` }]
                : []),
            ]}
          />
          <Text size="small" muted>
            Auf ganze Punkte gerundet.
            {view.index.median === null
              ? ` Median und Perzentile zeigen wir erst ab ${2 * view.k} Vergleichskommunen, damit sie nicht die Werte einzelner Kommunen sind.`
              : ""}
          </Text>
        </section>
      ) : null}
      {compact
        ? null
        : STEPS.map((step) => (
            <section key={step.topic.id} aria-labelledby={`peer-topic-${step.topic.id}`} className="stack">
              <Heading level={headingLevel === 2 ? 2 : 3} size="medium" id={`peer-topic-${step.topic.id}`}>
                {step.topic.title}
              </Heading>
              {step.questions.map((q) => {
                const shares = view.questions.find((x) => x.id === q.id)?.shares ?? {};
                const own = ownAnswers?.[q.id];
                const chosen = new Set(own === undefined ? [] : Array.isArray(own) ? own : [own]);
                return (
                  <article key={q.id} className="result-question stack-sm" aria-label={q.text}>
                    <Text bold>{q.text}</Text>
                    <ComparisonChart
                      question={q.text}
                      peerLabel={peerLabel}
                      rows={q.options.map((o) => ({
                        // The peers gave this answer; a derived 2020 remainder is marked in its own cell.
                        label: o.label,
                        peers: shares[o.id] ?? 0,
                        national: o.share,
                        nationalText: o.share === null ? null : formatOptionShare(o.share, o),
                        isOwn: chosen.has(o.id),
                      }))}
                    />
                  </article>
                );
              })}
            </section>
          ))}
    </div>
  );
}

/**
 * " – damit liegt Ihre Kommune im unteren Viertel der Vergleichskommunen." A place only for a submitted,
 * verified assessment and against published quartiles (docs/adr/0005); otherwise why there is none.
 */
function ownPlace(
  view: TPeerComparison,
  standing: { verified: boolean; submitted: boolean; verificationRequired: boolean } | undefined,
): string {
  if (view.ownBand) return ` – damit liegt Ihre Kommune ${PEER_BAND_WORDS[view.ownBand]} der Vergleichskommunen.`;
  if (!standing || view.index?.median === null) return "";
  if (standing.verificationRequired && !standing.verified)
    return " – eine Einordnung zeigen wir für abgeschickte Selbsteinschätzungen, die mit dem Teilnahmecode bestätigt sind.";
  if (!standing.submitted)
    return " – eine Einordnung zeigen wir, sobald Sie Ihre Selbsteinschätzung abgeschickt haben.";
  return "";
}

/** Whether the own assessment is in these figures, waits for the next release, or needs a code first. */
function OwnStanding({
  view,
  standing,
}: {
  view: TPeerComparison;
  standing: { verified: boolean; submitted: boolean; verificationRequired: boolean };
}) {
  if (standing.verificationRequired && !standing.verified)
    return (
      <Text>
        Ihre eigene Selbsteinschätzung zählt hier nicht mit: Im Vergleich zählen nur Kommunen, die ihre
        Selbsteinschätzung mit dem Teilnahmecode aus dem Einladungsbrief bestätigt haben. Den Code können Sie auf der
        Übersichtsseite Ihrer Selbsteinschätzung eingeben.
      </Text>
    );
  if (standing.submitted && view.ownPending)
    return (
      <Alert tone="info" title="Ihre Selbsteinschätzung wird mit der nächsten Aktualisierung gezählt">
        <Text>
          {releaseRuleSentence(view.k, "Ihrer Gruppe")}. Bis dahin sehen Sie den letzten veröffentlichten Stand.
        </Text>
      </Alert>
    );
  return null;
}
