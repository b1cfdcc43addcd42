import type { Metadata } from "next";
import { Heading, Text } from "@/components/kern/typography";
import { Link } from "@/components/kern/link";

export const metadata: Metadata = { title: "Daten gelöscht", robots: { index: false } };

export default function DeletedPage() {
  return (
    <div className="stack">
      <Heading level={1}>Ihre Daten wurden gelöscht</Heading>
      <Text>
        Die Selbsteinschätzung und alle Antworten sind endgültig gelöscht. Der bisherige Link funktioniert nicht mehr,
        und die Antworten zählen nicht mehr im Vergleich mit anderen Kommunen.
      </Text>
      <Text>
        <Link href="/">Zur Startseite</Link>
      </Text>
    </div>
  );
}
