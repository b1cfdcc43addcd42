import type { Metadata } from "next";
import { headers } from "next/headers";
import { computeProgress, type TStepProgress } from "@/lib/assessment/progress";
import {
  earlierYearPath,
  editPath,
  editUrl,
  questionPath,
  resultsPath,
  reviewPath,
  stepPath,
} from "@/lib/assessment/paths";
import { requestOrigin } from "@/lib/http/origin";
import { getStateName } from "@/lib/profile/states";
import { getSizeClass } from "@/lib/profile/size-class";
import { getRoleLabel } from "@/lib/profile/profile-schema";
import { Alert } from "@/components/kern/alert";
import { Badge } from "@/components/kern/badge";
import { Card } from "@/components/kern/card";
import { ProgressBar } from "@/components/kern/progress";
import { CopyLink } from "@/components/questionnaire/copy-link";
import { AnswerSummary } from "@/components/questionnaire/answer-summary";
import { deleteAction, followUpAction, renewAction, reopenAction, verifyAction } from "./actions";
import { loadChain } from "@/lib/assessment/load-chain";
import { buildHistory } from "@/lib/benchmark/year-over-year";
import { reference } from "@/lib/survey/reference";
import { VerifyForm } from "@/components/questionnaire/verify-form";
import { ManageAssessment } from "@/components/questionnaire/manage-assessment";
import { describeUnit, getSizeContext } from "@/lib/municipalities/size-context";
import { populationText, sizeContextText, unitTitle } from "@/lib/municipalities/unit-text";
import { membersLabel } from "@/lib/municipalities/units";
import { loadAssessmentForPage } from "./load-for-page";
import { assessmentExportPath } from "@/lib/assessment/api-paths";
import { DescriptionList } from "@/components/kern/description-list";
import { Heading, PageTitle, Text } from "@/components/kern/typography";
import { Link } from "@/components/kern/link";
import { Button, ButtonLink } from "@/components/kern/button";
import { ColleaguesSection } from "@/components/colleagues/colleagues-section";
import { listInvitations } from "@/lib/colleagues/list-invitations";
import { COLLEAGUE_ROLES, LABEL_MAX_CHARS } from "@/lib/colleagues/api-schemas";
import { comparisonPath } from "@/lib/assessment/paths";
import { closeRoundAction, inviteAction, reinviteAction, revokeInvitationAction } from "./colleague-actions";
import { listRounds, previousRoles } from "@/lib/colleagues/list-rounds";
import { describeError } from "@/lib/errors";
import { formatNumber } from "@/lib/format/number";

export const metadata: Metadata = { title: "Ihre Selbsteinschätzung", robots: { index: false } };

type TProps = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function AssessmentPage({ params, searchParams }: TProps) {
  const { token } = await params;
  const query = await searchParams;
  const found = await loadAssessmentForPage(token);
  if (!found.ok) return found.page;
  const assessment = found.value;
  const { municipality: m } = assessment;
  const progress = computeProgress(assessment.answers);
  // A step begun and left open leads to its first open question (the link lands on it and focuses it).
  const openHref = (s: TStepProgress) =>
    s.answered > 0 && s.open[0] ? questionPath(token, s.stepNumber, s.open[0]) : stepPath(token, s.stepNumber);
  const isSubmitted = assessment.status === "submitted";
  const url = editUrl(requestOrigin(await headers()).origin, token);
  const sizeClass = getSizeClass(m.sizeClass);
  const context = getSizeContext(m.state, m.sizeClass);
  const unit = describeUnit(m);
  const history = buildHistory(reference, await loadChain(assessment));
  const earlier = history.slice(0, -1);
  const years = history.map((h) => h.label);
  const hint = followUpHint(query, token);
  const colleagues = await listInvitations(token);
  const [rounds, rolesBefore] = await Promise.all([
    listRounds({ id: assessment.id, chainId: assessment.chainId }),
    previousRoles(assessment.previousId),
  ]);
  // The next action stands in the first screen: on a resumed draft the progress with "Weiter
  // ausfüllen" comes before the link card (a new assessment shows the link first: it must be saved now).
  const progressSection = (
    <section aria-labelledby="fortschritt-heading" className="stack-sm">
      <Heading level={2} id="fortschritt-heading">
        Ihr Fortschritt
      </Heading>
      <Text>
        {progress.answered} von {progress.total} Fragen beantwortet.
      </Text>
      <ProgressBar max={progress.total} value={progress.answered} labelledBy="fortschritt-heading" />
      <div className="button-row">
        {progress.firstOpenStep ? (
          <ButtonLink href={openHref(progress.steps[progress.firstOpenStep - 1]!)}>
            {progress.answered === 0 ? "Mit der ersten Frage beginnen" : "Weiter ausfüllen"}
          </ButtonLink>
        ) : (
          <ButtonLink href={reviewPath(token)}>Prüfen und absenden</ButtonLink>
        )}
        {progress.answered > 0 ? (
          <ButtonLink href={resultsPath(token)} variant="secondary">
            Vorläufiges Ergebnis ansehen
          </ButtonLink>
        ) : null}
      </div>
      <ol className="step-list">
        {progress.steps.map((s) => (
          <li key={s.stepNumber}>
            <Link href={openHref(s)}>
              {s.stepNumber}. {s.title}
            </Link>
            <Badge tone={s.open.length === 0 ? "success" : s.answered === 0 ? "info" : "warning"}>
              {s.open.length === 0 ? "Erledigt" : `${s.answered} von ${s.total} beantwortet`}
            </Badge>
          </li>
        ))}
      </ol>
    </section>
  );

  return (
    <div className="stack">
      <PageTitle
        title={<>Digitalcheck {unitTitle(m)}</>}
        preline={<>{isSubmitted ? "Abgeschlossene Selbsteinschätzung" : "Selbsteinschätzung – Entwurf"}</>}
      />

      {query.folgejahr ? (
        <Alert tone="success" title="Ihre neue Selbsteinschätzung ist angelegt" role="status">
          <Text>
            Wir haben Ihre Antworten und Ziele aus {earlier[earlier.length - 1]?.label ?? "dem Vorjahr"} übernommen.
            Bitte prüfen Sie jede Frage: Übernommene Antworten sind markiert, bis Sie sie bestätigen oder ändern. Ihr
            Link bleibt derselbe; die früheren Jahre sehen Sie unten.
          </Text>
        </Alert>
      ) : null}
      {query["jahr-geloescht"] ? (
        <Alert tone="success" title="Die neueste Selbsteinschätzung wurde gelöscht" role="status">
          <Text>Ihr Link öffnet jetzt wieder die Selbsteinschätzung des Jahres davor.</Text>
        </Alert>
      ) : null}
      {hint ? <Alert tone="warning" title={hint} role="alert" /> : null}
      {query.erneuert ? (
        <Alert tone="success" title="Ihr Link wurde erneuert" role="status">
          <Text>Der bisherige Link funktioniert nicht mehr. Bitte speichern Sie den neuen Link unten.</Text>
        </Alert>
      ) : null}
      {query.bestaetigt ? (
        <Alert tone="success" title="Ihr Teilnahmecode ist bestätigt" role="status">
          <Text>
            Diese Selbsteinschätzung gehört jetzt zu {m.name}. Die Angaben zur Kommune stammen aus dem amtlichen
            Gemeindeverzeichnis.
          </Text>
        </Alert>
      ) : null}
      {query.abgeschlossen ? (
        <Alert tone="success" title="Vielen Dank! Ihre Selbsteinschätzung ist abgeschlossen." role="status">
          <Text>Ihre Antworten sind gespeichert. Sie können sie jederzeit über Ihren Link wieder öffnen.</Text>
        </Alert>
      ) : null}

      {isSubmitted ? (
        <div className="button-row">
          <ButtonLink href={resultsPath(token)}>Ihr Ergebnis ansehen</ButtonLink>
        </div>
      ) : null}
      {!isSubmitted && !query.neu ? progressSection : null}

      <Card labelledBy="link-heading" active={Boolean(query.neu)}>
        <Heading level={2} size="small" id="link-heading">
          {query.neu ? "Bitte speichern Sie jetzt Ihren Link" : "Ihr Link zu dieser Selbsteinschätzung"}
        </Heading>
        <Text>
          Mit diesem Link können Sie jederzeit weitermachen – auch auf einem anderen Gerät. Sie können ihn an eine
          Kollegin oder einen Kollegen weitergeben, etwa an die oder den Digitalisierungsbeauftragten. Wer den Link hat,
          kann die Antworten sehen und ändern. Wir speichern ihn nicht im Klartext und können ihn deshalb nicht
          wiederherstellen.
        </Text>
        <CopyLink url={url} />
      </Card>

      <section aria-labelledby="profil-heading" className="stack-sm">
        <Heading level={2} id="profil-heading">
          {unit.kind === "verwaltung" ? "Angaben zur Verwaltung" : "Angaben zur Kommune"}
        </Heading>
        <DescriptionList
          items={[
            ...(unit.kind === "verwaltung"
              ? [
                  {
                    key: "Verwaltung für",
                    value: (
                      <>
                        {membersLabel(unit.memberCount)}: {unit.members.join(", ")}
                      </>
                    ),
                  },
                ]
              : []),
            { key: "Bundesland", value: <>{getStateName(m.state)}</> },
            { key: "Einwohnerzahl", value: <>{populationText(unit)}</> },
            {
              key: "Größenklasse",
              value: (
                <>
                  {sizeClass.townType} ({sizeClass.label})
                </>
              ),
            },
            unit.kind === "verwaltung"
              ? { key: "Schlüssel des Gemeindeverbands", value: <>{m.key}</> }
              : { key: "Amtlicher Gemeindeschlüssel", value: <>{m.ags ?? "nicht angegeben"}</> },
            { key: "Ausgefüllt von", value: <>{getRoleLabel(assessment.respondentRole)}</> },
            {
              key: "Teilnahmecode",
              value: assessment.verified ? (
                <Badge tone="success">bestätigt – Angaben aus dem Gemeindeverzeichnis</Badge>
              ) : assessment.codeRevokedAt ? (
                <Badge tone="warning">gesperrt – bitte den neuen Code eingeben</Badge>
              ) : (
                <Badge tone="info">nicht bestätigt</Badge>
              ),
            },
          ]}
        />
        <Text>
          {sizeContextText(unit, context)}
          {unit.administeredBy
            ? null
            : " Verglichen werden Sie später mit den Verwaltungen, die auf dieser Plattform teilnehmen."}
        </Text>
        <Text size="small" muted>
          {context.source}
        </Text>
        {m.ags && !m.agsGebietsstand ? (
          <Alert tone="info" title="AGS nicht im Gemeindeverzeichnis">
            <Text>
              Den Amtlichen Gemeindeschlüssel {m.ags} gibt es im amtlichen Gemeindeverzeichnis (Gebietsstand{" "}
              {new Date(`${context.gebietsstand}T12:00:00Z`).toLocaleDateString("de-DE")}) nicht. Das kann nach einer
              Gebietsreform richtig sein. Bitte prüfen Sie ihn.
            </Text>
          </Alert>
        ) : null}
      </section>

      {isSubmitted ? (
        <section aria-labelledby="antworten-heading" className="stack">
          <Heading level={2} id="antworten-heading">
            Ihre Antworten
          </Heading>
          <Text>
            Abgeschlossen am{" "}
            {new Date(assessment.submittedAt!).toLocaleDateString("de-DE", {
              day: "numeric",
              month: "long",
              year: "numeric",
              timeZone: "Europe/Berlin",
            })}
            . Die Antworten sind schreibgeschützt. Wenn Sie etwas ändern möchten, öffnen Sie die Selbsteinschätzung
            wieder zur Bearbeitung; sie gilt dann bis zum erneuten Absenden als Entwurf.
          </Text>
          <form action={reopenAction.bind(null, token)}>
            <Button variant="secondary" icon="edit" type="submit">
              Zur Bearbeitung wieder öffnen
            </Button>
          </form>
          <AnswerSummary answers={assessment.answers} token={token} editable={false} />
        </section>
      ) : null}
      {isSubmitted ? (
        <section aria-labelledby="folgejahr-heading" className="stack-sm">
          <Heading level={2} id="folgejahr-heading">
            Im nächsten Jahr wieder
          </Heading>
          <Text>
            Wiederholen Sie den Digitalcheck jährlich. Die neue Selbsteinschätzung übernimmt Ihre Antworten und Ziele;
            Sie ändern nur, was sich getan hat, und sehen danach, was sich verbessert hat. Diese Selbsteinschätzung
            bleibt unverändert erhalten.
          </Text>
          <form action={followUpAction.bind(null, token)}>
            <Button variant="secondary" icon="forward" type="submit">
              Neue Selbsteinschätzung beginnen
            </Button>
          </form>
        </section>
      ) : null}
      {!isSubmitted && query.neu ? progressSection : null}
      {query.zurueckgezogen ? (
        <Alert tone="success" title="Die Einladung ist zurückgezogen" role="status">
          <Text>Der Link gilt nicht mehr; die Antworten dieser Person sind gelöscht.</Text>
        </Alert>
      ) : null}
      {colleagues.ok ? (
        <ColleaguesSection
          round={colleagues.value.round}
          items={colleagues.value.items}
          limit={colleagues.value.limit}
          totalQuestions={progress.total}
          roles={COLLEAGUE_ROLES}
          labelMax={LABEL_MAX_CHARS}
          invite={inviteAction.bind(null, token)}
          revoke={revokeInvitationAction.bind(null, token)}
          close={closeRoundAction.bind(null, token)}
          comparisonHref={comparisonPath(token)}
          previousRoles={rolesBefore.map((r) => (r.label ? `${r.roleLabel} (${r.label})` : r.roleLabel))}
          reinvite={reinviteAction.bind(null, token)}
          rounds={rounds}
        />
      ) : null}
      {earlier.length > 0 ? (
        <section aria-labelledby="jahre-heading" className="stack-sm">
          <Heading level={2} id="jahre-heading">
            Frühere Jahre
          </Heading>
          <Text>
            Frühere Selbsteinschätzungen bleiben unverändert erhalten; Sie können jede öffnen und lesen. Was sich
            seitdem geändert hat, zeigt <Link href={resultsPath(token)}>Ihr Ergebnis</Link>.
          </Text>
          <ul className="step-list">
            {earlier.map((h) => (
              <li key={h.id}>
                <Link href={earlierYearPath(token, h.id)}>
                  {h.label}: Reifegrad {h.index === null ? "–" : formatNumber(h.index)} Punkte
                  {h.submittedAt
                    ? `, abgeschlossen am ${new Date(h.submittedAt).toLocaleDateString("de-DE", { timeZone: "Europe/Berlin" })}`
                    : ""}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {assessment.verified ? null : (
        <section aria-labelledby="code-heading" className="stack-sm">
          <Heading level={2} id="code-heading">
            Teilnahmecode eingeben
          </Heading>
          {assessment.codeRevokedAt ? (
            <Alert tone="warning" title="Ihr bisheriger Teilnahmecode ist gesperrt">
              <Text>
                Der Betrieb dieser Plattform hat den Code, mit dem diese Selbsteinschätzung bestätigt war, am{" "}
                {new Date(assessment.codeRevokedAt).toLocaleDateString("de-DE", { timeZone: "Europe/Berlin" })}{" "}
                gesperrt. Bis Sie den neuen Code eingeben, zählt sie nicht im Vergleich mit anderen Kommunen. Ihre
                Antworten bleiben erhalten.
              </Text>
            </Alert>
          ) : null}
          <VerifyForm verify={verifyAction.bind(null, token)} submitted={isSubmitted} />
        </section>
      )}
      <section aria-labelledby="verwalten-heading" className="stack-sm">
        <Heading level={2} id="verwalten-heading">
          Link und Daten verwalten
        </Heading>
        <ManageAssessment
          renew={renewAction.bind(null, token)}
          remove={deleteAction.bind(null, token)}
          exportHref={assessmentExportPath(token)}
          years={years}
        />
      </section>
    </div>
  );
}

/** The message of a refused follow-up (followUpAction), worded here from its kind; unknown kinds show nothing. */
function followUpHint(query: Record<string, string | string[] | undefined>, token: string): string | null {
  if (query.hinweis === "draft_open") return describeError({ kind: "draft_open", editPath: editPath(token) });
  const wait = Number(query.warten);
  if (query.hinweis === "rate_limited" && Number.isInteger(wait) && wait >= 0 && wait <= 24 * 3600)
    return describeError({ kind: "rate_limited", retryAfterSeconds: wait });
  return null;
}
