import type { Metadata } from "next";
import { OperatorContact } from "@/components/operator-contact";

export const metadata: Metadata = { title: "Impressum" };

export default function ImprintPage() {
  return (
    <div className="stack">
      <h1 className="kern-heading-large">Impressum</h1>
      <section className="stack-sm" aria-labelledby="anbieter">
        <h2 className="kern-heading-medium" id="anbieter">
          Anbieter dieser Installation
        </h2>
        <OperatorContact />
      </section>
      <section className="stack-sm" aria-labelledby="quellen">
        <h2 className="kern-heading-medium" id="quellen">
          Quellen der Vergleichsdaten
        </h2>
        <p className="kern-body">
          Bitkom e.V. und Deutscher Städte- und Gemeindebund: Umfrage zur Digitalisierung der Kommunen in der
          Corona-Krise, Pressemitteilung vom 2. Dezember 2020. Statistisches Bundesamt (Destatis): Gemeindeverzeichnis,
          Datenlizenz Deutschland – Namensnennung – Version 2.0.
        </p>
      </section>
    </div>
  );
}
