import { Alert } from "@/components/kern/alert";
import { Heading, List, Text } from "@/components/kern/typography";

/** Shown on every operator page while OPERATOR_PASSWORD_HASH is not set. */
export function OperatorNotConfigured() {
  return (
    <div className="stack">
      <Heading level={1}>Betriebsbereich</Heading>
      <Alert tone="info" title="Der Betriebsbereich ist nicht eingerichtet.">
        <Text>
          Hier prüfen Betreiberinnen und Betreiber, welche Selbsteinschätzungen in den Vergleich mit anderen Kommunen
          einfließen. Dafür braucht es ein Passwort, das nur als Prüfwert (Hash) gespeichert wird.
        </Text>
      </Alert>
      <section className="stack-sm" aria-labelledby="einrichten">
        <Heading level={2} id="einrichten">
          So richten Sie ihn ein
        </Heading>
        <List kind="number">
          <li>
            Führen Sie auf dem Server im Verzeichnis der Anwendung <code>npm run operator:hash-password</code> aus und
            geben Sie ein Passwort mit mindestens 12 Zeichen ein.
          </li>
          <li>
            Setzen Sie die ausgegebene Zeile <code>OPERATOR_PASSWORD_HASH=scrypt$…</code> als Umgebungsvariable des
            Servers. Das Passwort selbst wird nirgends gespeichert.
          </li>
          <li>Starten Sie die Anwendung neu und melden Sie sich unter dieser Adresse an.</li>
        </List>
      </section>
    </div>
  );
}
