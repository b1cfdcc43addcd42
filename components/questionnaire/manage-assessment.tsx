"use client";

import { useActionState } from "react";
import { Alert } from "@/components/kern/alert";
import type { TManageState } from "./form-states";
import { Heading, Text } from "@/components/kern/typography";
import { Link } from "@/components/kern/link";
import { Button } from "@/components/kern/button";
import { ChoiceGroup } from "@/components/kern/choice-group";

type TAction = (prev: TManageState, form: FormData) => Promise<TManageState>;

/** Owner actions on the overview: renew the link, download all data, delete everything. */
export function ManageAssessment({
  renew,
  remove,
  exportHref,
  years,
}: {
  renew: TAction;
  remove: TAction;
  exportHref: string;
  /** The labels of the chain's assessments, oldest first (periodLabels); with more than one, deleting offers the newest or all. */
  years: readonly string[];
}) {
  const newest = years[years.length - 1];
  const [renewState, renewAction, renewing] = useActionState(renew, {});
  const [deleteState, deleteAction, deleting] = useActionState(remove, {});
  return (
    <div className="stack">
      <section aria-labelledby="link-erneuern" className="stack-sm">
        <Heading level={3} id="link-erneuern">
          Link erneuern
        </Heading>
        <Text>
          Wenn der Link in falsche Hände geraten sein könnte, erzeugen Sie einen neuen. Der bisherige Link funktioniert
          danach sofort nicht mehr; Ihre Antworten bleiben erhalten.
        </Text>
        {renewState.message ? <Alert tone="danger" title={renewState.message} role="alert" /> : null}
        <form action={renewAction}>
          <Button variant="secondary" icon="renew" type="submit" disabled={renewing}>
            Link erneuern
          </Button>
        </form>
      </section>
      <section aria-labelledby="daten-herunterladen" className="stack-sm">
        <Heading level={3} id="daten-herunterladen">
          Ihre Daten herunterladen
        </Heading>
        <Text>Alles, was wir zu dieser Selbsteinschätzung gespeichert haben, als JSON-Datei.</Text>
        <p>
          <Link href={exportHref} download>
            Alle gespeicherten Daten herunterladen (JSON)
          </Link>
        </p>
      </section>
      <section aria-labelledby="daten-loeschen" className="stack-sm">
        <Heading level={3} id="daten-loeschen">
          Daten löschen
        </Heading>
        <Text>
          {years.length > 1
            ? "Löscht, was Sie unten wählen – nur die neueste Selbsteinschätzung oder alle Jahre –, mit ihren Antworten endgültig. Gelöschte Jahre zählen dann auch nicht mehr im Vergleich mit anderen Kommunen."
            : "Löscht die Selbsteinschätzung mit allen Antworten endgültig. Sie zählt dann auch nicht mehr im Vergleich mit anderen Kommunen."}{" "}
          Das lässt sich nicht rückgängig machen.
        </Text>
        {deleteState.message ? <Alert tone="danger" title={deleteState.message} role="alert" /> : null}
        <form action={deleteAction} className="stack-sm">
          {years.length > 1 ? (
            <ChoiceGroup
              id="delete-scope"
              name="scope"
              type="radio"
              legend="Was möchten Sie löschen?"
              choices={[
                {
                  value: "latest",
                  label: `Nur die neueste Selbsteinschätzung (${newest}); der Link öffnet dann wieder die von ${years[years.length - 2]}`,
                },
                { value: "all", label: `Alle ${years.length} Selbsteinschätzungen (${years.join(", ")})` },
              ]}
              inputProps={(c) => ({ defaultChecked: c.value === "latest" })}
            />
          ) : null}
          <div className="kern-form-check">
            <input
              className="kern-form-check__checkbox"
              type="checkbox"
              id="confirm-delete"
              name="confirm"
              value="yes"
            />
            <label className="kern-label" htmlFor="confirm-delete">
              {years.length > 1
                ? "Ja, die gewählten Daten endgültig löschen"
                : "Ja, alle Daten dieser Selbsteinschätzung endgültig löschen"}
            </label>
          </div>
          <Button variant="secondary" icon="delete" type="submit" disabled={deleting}>
            Daten löschen
          </Button>
        </form>
      </section>
    </div>
  );
}
