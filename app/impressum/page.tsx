import type { Metadata } from "next";
import { OperatorContact } from "@/components/operator-contact";
import { Heading, Text } from "@/components/kern/typography";

export const metadata: Metadata = { title: "Impressum" };

export default function ImprintPage() {
  return (
    <div className="stack">
      <Heading level={1}>Impressum</Heading>
      <section className="stack-sm" aria-labelledby="anbieter">
        <Heading level={2} id="anbieter">
          Anbieter dieser Installation
        </Heading>
        <OperatorContact />
      </section>
      <section className="stack-sm" aria-labelledby="quellen">
        <Heading level={2} id="quellen">
          Quellen der Vergleichsdaten
        </Heading>
        <Text>
          Bitkom e.V. und Deutscher Städte- und Gemeindebund: Umfrage zur Digitalisierung der Kommunen in der
          Corona-Krise, Pressemitteilung vom 2. Dezember 2020. Statistisches Bundesamt (Destatis): Gemeindeverzeichnis,
          Datenlizenz Deutschland – Namensnennung – Version 2.0.
        </Text>
      </section>
    </div>
  );
}
