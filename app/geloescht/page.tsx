import type { Metadata } from "next";
import { AppLink } from "@/components/app-link";

export const metadata: Metadata = { title: "Daten gelöscht", robots: { index: false } };

export default function DeletedPage() {
  return (
    <div className="stack">
      <h1 className="kern-heading-large">Ihre Daten wurden gelöscht</h1>
      <p className="kern-body">
        Die Selbsteinschätzung und alle Antworten sind endgültig gelöscht. Der bisherige Link funktioniert nicht mehr,
        und die Antworten zählen nicht mehr im Vergleich mit anderen Kommunen.
      </p>
      <p className="kern-body">
        <AppLink className="kern-link" href="/">
          Zur Startseite
        </AppLink>
      </p>
    </div>
  );
}
