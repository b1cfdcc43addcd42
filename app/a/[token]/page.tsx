import type { Metadata } from "next";
import { headers } from "next/headers";
import { computeProgress } from "@/lib/assessment/progress";
import { editUrl, resultsPath, reviewPath, stepPath } from "@/lib/assessment/paths";
import { requestOrigin } from "@/lib/http/origin";
import { getStateName } from "@/lib/profile/states";
import { getSizeClass } from "@/lib/profile/size-class";
import { getRoleLabel } from "@/lib/profile/profile-schema";
import { Alert } from "@/components/kern/alert";
import { ButtonLink } from "@/components/kern/button";
import { CopyLink } from "@/components/questionnaire/copy-link";
import { AnswerSummary } from "@/components/questionnaire/answer-summary";
import { deleteAction, renewAction, reopenAction } from "./actions";
import { ManageAssessment } from "@/components/questionnaire/manage-assessment";
import { AppLink } from "@/components/app-link";
import { getSizeContext } from "@/lib/municipalities/size-context";
import { loadAssessmentForPage } from "./load-for-page";
import { assessmentExportPath } from "@/lib/assessment/api-paths";

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
  const isSubmitted = assessment.status === "submitted";
  const url = editUrl(requestOrigin(await headers()).origin, token);
  const sizeClass = getSizeClass(m.sizeClass);
  const context = getSizeContext(m.state, m.sizeClass);
  const fmt = (n: number) => n.toLocaleString("de-DE");

  return (
    <div className="stack">
      <hgroup className="kern-hgroup">
        <h1 className="kern-heading-large">Digitalcheck {m.name}</h1>
        <p className="kern-preline">
          {isSubmitted ? "Abgeschlossene Selbsteinschätzung" : "Selbsteinschätzung – Entwurf"}
        </p>
      </hgroup>

      {query.erneuert ? (
        <Alert tone="success" title="Ihr Link wurde erneuert" role="status">
          <p className="kern-body">
            Der bisherige Link funktioniert nicht mehr. Bitte speichern Sie den neuen Link unten.
          </p>
        </Alert>
      ) : null}
      {query.abgeschlossen ? (
        <Alert tone="success" title="Vielen Dank! Ihre Selbsteinschätzung ist abgeschlossen." role="status">
          <p className="kern-body">
            Ihre Antworten sind gespeichert. Sie können sie jederzeit über Ihren Link wieder öffnen.
          </p>
        </Alert>
      ) : null}

      <section aria-labelledby="link-heading" className={`kern-card${query.neu ? " kern-card--active" : ""}`}>
        <div className="kern-card__container">
          <div className="kern-card__body stack-sm">
            <h2 className="kern-heading-small" id="link-heading">
              {query.neu ? "Bitte speichern Sie jetzt Ihren Link" : "Ihr Link zu dieser Selbsteinschätzung"}
            </h2>
            <p className="kern-body">
              Mit diesem Link können Sie jederzeit weitermachen – auch auf einem anderen Gerät. Sie können ihn an eine
              Kollegin oder einen Kollegen weitergeben, etwa an die oder den Digitalisierungsbeauftragten. Wer den Link
              hat, kann die Antworten sehen und ändern. Wir speichern ihn nicht im Klartext und können ihn deshalb nicht
              wiederherstellen.
            </p>
            <CopyLink url={url} />
          </div>
        </div>
      </section>

      <section aria-labelledby="profil-heading" className="stack-sm">
        <h2 className="kern-heading-medium" id="profil-heading">
          Angaben zur Kommune
        </h2>
        <dl className="kern-description-list">
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">Bundesland</dt>
            <dd className="kern-description-list-item__value">{getStateName(m.state)}</dd>
          </div>
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">Einwohnerzahl</dt>
            <dd className="kern-description-list-item__value">{m.population.toLocaleString("de-DE")}</dd>
          </div>
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">Größenklasse</dt>
            <dd className="kern-description-list-item__value">
              {sizeClass.townType} ({sizeClass.label})
            </dd>
          </div>
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">Amtlicher Gemeindeschlüssel</dt>
            <dd className="kern-description-list-item__value">{m.ags ?? "nicht angegeben"}</dd>
          </div>
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">Ausgefüllt von</dt>
            <dd className="kern-description-list-item__value">{getRoleLabel(assessment.respondentRole)}</dd>
          </div>
        </dl>
        <p className="kern-body">
          {m.name} ist eine von {fmt(context.national)} {sizeClass.dative} in Deutschland; {fmt(context.inState)} davon
          liegen in {getStateName(m.state)}. Verglichen werden Sie später mit den Kommunen, die auf dieser Plattform
          teilnehmen.
        </p>
        <p className="kern-body kern-body--small kern-body--muted">{context.source}</p>
        {m.ags && !m.agsGebietsstand ? (
          <Alert tone="info" title="AGS nicht im Gemeindeverzeichnis">
            <p className="kern-body">
              Den Amtlichen Gemeindeschlüssel {m.ags} gibt es im amtlichen Gemeindeverzeichnis (Gebietsstand{" "}
              {new Date(`${context.gebietsstand}T12:00:00Z`).toLocaleDateString("de-DE")}) nicht. Das kann nach einer
              Gebietsreform richtig sein. Bitte prüfen Sie ihn.
            </p>
          </Alert>
        ) : null}
      </section>

      {isSubmitted ? (
        <section aria-labelledby="antworten-heading" className="stack">
          <h2 className="kern-heading-medium" id="antworten-heading">
            Ihre Antworten
          </h2>
          <p className="kern-body">
            Abgeschlossen am{" "}
            {new Date(assessment.submittedAt!).toLocaleDateString("de-DE", {
              day: "numeric",
              month: "long",
              year: "numeric",
              timeZone: "Europe/Berlin",
            })}
            . Die Antworten sind schreibgeschützt. Wenn Sie etwas ändern möchten, öffnen Sie die Selbsteinschätzung
            wieder zur Bearbeitung; sie gilt dann bis zum erneuten Absenden als Entwurf.
          </p>
          <div className="button-row">
            <ButtonLink href={resultsPath(token)}>Ihr Ergebnis ansehen</ButtonLink>
          </div>
          <form action={reopenAction.bind(null, token)}>
            <button type="submit" className="kern-btn kern-btn--secondary">
              <span className="kern-icon kern-icon--edit" aria-hidden="true" />
              <span className="kern-label">Zur Bearbeitung wieder öffnen</span>
            </button>
          </form>
          <AnswerSummary answers={assessment.answers} token={token} editable={false} />
        </section>
      ) : (
        <section aria-labelledby="fortschritt-heading" className="stack-sm">
          <h2 className="kern-heading-medium" id="fortschritt-heading">
            Ihr Fortschritt
          </h2>
          <p className="kern-body">
            {progress.answered} von {progress.total} Fragen beantwortet.
          </p>
          <progress
            className="kern-progress progress-bar"
            max={progress.total}
            value={progress.answered}
            aria-labelledby="fortschritt-heading"
          />
          <ol className="step-list">
            {progress.steps.map((s) => (
              <li key={s.stepNumber}>
                <AppLink className="kern-link" href={stepPath(token, s.stepNumber)}>
                  {s.stepNumber}. {s.title}
                </AppLink>
                <span
                  className={`kern-badge kern-badge--${s.open.length === 0 ? "success" : s.answered === 0 ? "info" : "warning"}`}
                >
                  <span className="kern-label">
                    {s.open.length === 0 ? "Erledigt" : `${s.answered} von ${s.total} beantwortet`}
                  </span>
                </span>
              </li>
            ))}
          </ol>
          <div className="button-row">
            {progress.firstOpenStep ? (
              <ButtonLink href={stepPath(token, progress.firstOpenStep)}>
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
        </section>
      )}
      <section aria-labelledby="verwalten-heading" className="stack-sm">
        <h2 className="kern-heading-medium" id="verwalten-heading">
          Link und Daten verwalten
        </h2>
        <ManageAssessment
          renew={renewAction.bind(null, token)}
          remove={deleteAction.bind(null, token)}
          exportHref={assessmentExportPath(token)}
        />
      </section>
    </div>
  );
}
