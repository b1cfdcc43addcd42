import type { Metadata } from "next";
import { AppLink } from "@/components/app-link";
import { notFound } from "next/navigation";
import { getEnv } from "@/lib/env";
import { getAssessmentSummary } from "@/lib/operator/get-assessment-summary";
import { parseAssessmentListQuery, toListSearchParams } from "@/lib/operator/list-query";
import { ZAssessmentId } from "@/lib/operator/schemas";
import { getStateName } from "@/lib/profile/states";
import { Alert } from "@/components/kern/alert";
import { deleteAssessmentAction } from "../../actions";
import { OperatorNotConfigured } from "../../not-configured";
import { requireOperatorSession } from "../../operator-session";

export const metadata: Metadata = { title: "Selbsteinschätzung löschen", robots: { index: false, follow: false } };

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const dateTime = new Intl.DateTimeFormat("de-DE", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Berlin" });

/** The confirmation step before deleting: who and when, and that it cannot be undone. */
export default async function ConfirmDeletePage({ params, searchParams }: TProps) {
  if (!getEnv().OPERATOR_PASSWORD_HASH) return <OperatorNotConfigured />;
  await requireOperatorSession();
  const id = ZAssessmentId.safeParse((await params).id);
  if (!id.success) notFound();
  const back = toListSearchParams(parseAssessmentListQuery(await searchParams)).toString();
  const listHref = back ? `/betrieb?${back}` : "/betrieb";
  const found = await getAssessmentSummary(id.data);

  if (!found.ok) {
    return (
      <div className="stack">
        <h1 className="kern-heading-large">Selbsteinschätzung löschen</h1>
        <Alert tone="warning" title="Nicht gefunden">
          <p className="kern-body">
            Diese Selbsteinschätzung gibt es nicht mehr. Vielleicht wurde sie inzwischen gelöscht.
          </p>
        </Alert>
        <p>
          <AppLink className="kern-link" href={listHref}>
            Zurück zur Liste
          </AppLink>
        </p>
      </div>
    );
  }

  const a = found.value;
  return (
    <div className="stack">
      <hgroup className="kern-hgroup">
        <h1 className="kern-heading-large">Wirklich löschen?</h1>
        <p className="kern-preline">Betriebsbereich</p>
      </hgroup>
      <dl className="kern-description-list">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Kommune</dt>
          <dd className="kern-description-list-item__value">{a.municipalityName}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Bundesland</dt>
          <dd className="kern-description-list-item__value">{getStateName(a.state)}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Angelegt</dt>
          <dd className="kern-description-list-item__value">{dateTime.format(a.createdAt)}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Abgeschlossen</dt>
          <dd className="kern-description-list-item__value">
            {a.submittedAt ? dateTime.format(a.submittedAt) : "noch nicht (Entwurf)"}
          </dd>
        </div>
      </dl>
      <Alert tone="warning" title="Das lässt sich nicht rückgängig machen">
        <p className="kern-body">
          Die Selbsteinschätzung wird mit allen Antworten endgültig gelöscht. Der Link der Kommune funktioniert danach
          nicht mehr. Im Vergleich mit anderen Kommunen zählt sie nicht mehr; hat dieselbe Kommune eine ältere
          abgeschlossene Selbsteinschätzung, zählt dann diese.
        </p>
      </Alert>
      <form action={deleteAssessmentAction} className="button-row">
        <input type="hidden" name="id" value={a.id} />
        <input type="hidden" name="back" value={back} />
        <button type="submit" className="kern-btn kern-btn--primary">
          <span className="kern-label">Ja, endgültig löschen</span>
        </button>
        <AppLink className="kern-btn kern-btn--secondary" href={listHref}>
          <span className="kern-label">Abbrechen</span>
        </AppLink>
      </form>
    </div>
  );
}
