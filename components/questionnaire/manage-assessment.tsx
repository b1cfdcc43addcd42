"use client";

import { useActionState } from "react";
import { Alert } from "@/components/kern/alert";
import type { TManageState } from "./form-states";

type TAction = (prev: TManageState, form: FormData) => Promise<TManageState>;

/** Owner actions on the overview: renew the link, download all data, delete everything. */
export function ManageAssessment({
  renew,
  remove,
  exportHref,
}: {
  renew: TAction;
  remove: TAction;
  exportHref: string;
}) {
  const [renewState, renewAction, renewing] = useActionState(renew, {});
  const [deleteState, deleteAction, deleting] = useActionState(remove, {});
  return (
    <div className="stack">
      <section aria-labelledby="link-erneuern" className="stack-sm">
        <h3 className="kern-heading-small" id="link-erneuern">
          Link erneuern
        </h3>
        <p className="kern-body">
          Wenn der Link in falsche Hände geraten sein könnte, erzeugen Sie einen neuen. Der bisherige Link funktioniert
          danach sofort nicht mehr; Ihre Antworten bleiben erhalten.
        </p>
        {renewState.message ? <Alert tone="danger" title={renewState.message} role="alert" /> : null}
        <form action={renewAction}>
          <button type="submit" className="kern-btn kern-btn--secondary" disabled={renewing}>
            <span className="kern-icon kern-icon--autorenew" aria-hidden="true" />
            <span className="kern-label">Link erneuern</span>
          </button>
        </form>
      </section>
      <section aria-labelledby="daten-herunterladen" className="stack-sm">
        <h3 className="kern-heading-small" id="daten-herunterladen">
          Ihre Daten herunterladen
        </h3>
        <p className="kern-body">Alles, was wir zu dieser Selbsteinschätzung gespeichert haben, als JSON-Datei.</p>
        <p>
          <a className="kern-link" href={exportHref} download>
            Alle gespeicherten Daten herunterladen (JSON)
          </a>
        </p>
      </section>
      <section aria-labelledby="daten-loeschen" className="stack-sm">
        <h3 className="kern-heading-small" id="daten-loeschen">
          Daten löschen
        </h3>
        <p className="kern-body">
          Löscht die Selbsteinschätzung mit allen Antworten endgültig. Sie zählt dann auch nicht mehr im Vergleich mit
          anderen Kommunen. Das lässt sich nicht rückgängig machen.
        </p>
        {deleteState.message ? <Alert tone="danger" title={deleteState.message} role="alert" /> : null}
        <form action={deleteAction} className="stack-sm">
          <div className="kern-form-check">
            <input
              className="kern-form-check__checkbox"
              type="checkbox"
              id="confirm-delete"
              name="confirm"
              value="yes"
            />
            <label className="kern-label" htmlFor="confirm-delete">
              Ja, alle Daten dieser Selbsteinschätzung endgültig löschen
            </label>
          </div>
          <button type="submit" className="kern-btn kern-btn--secondary" disabled={deleting}>
            <span className="kern-icon kern-icon--delete" aria-hidden="true" />
            <span className="kern-label">Daten löschen</span>
          </button>
        </form>
      </section>
    </div>
  );
}
