import { Heading, Text } from "@/components/kern/typography";
import { Link } from "@/components/kern/link";

export default function NotFound() {
  return (
    <div className="stack">
      <Heading level={1}>Seite nicht gefunden</Heading>
      <Text>
        Unter dieser Adresse gibt es nichts. Wenn Sie einen Link zu einer Selbsteinschätzung aufgerufen haben, prüfen
        Sie bitte, ob er vollständig kopiert wurde – er ist lang und endet nicht vor dem letzten Zeichen. Wurde die
        Selbsteinschätzung gelöscht, ist der Link nicht mehr gültig.
      </Text>
      <Text>
        {/* A plain link: the not-found page loads no client router. */}
        <Link plain href="/">
          Zur Startseite
        </Link>{" "}
        ·{" "}
        <Link plain href="/start">
          Neue Selbsteinschätzung beginnen
        </Link>
      </Text>
    </div>
  );
}
