export default function NotFound() {
  return (
    <div className="stack">
      <h1 className="kern-heading-large">Seite nicht gefunden</h1>
      <p className="kern-body">
        Unter dieser Adresse gibt es nichts. Wenn Sie einen Link zu einer Selbsteinschätzung aufgerufen haben, prüfen
        Sie bitte, ob er vollständig kopiert wurde – er ist lang und endet nicht vor dem letzten Zeichen. Wurde die
        Selbsteinschätzung gelöscht, ist der Link nicht mehr gültig.
      </p>
      <p className="kern-body">
        {/* A plain link: the not-found page loads no client router. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a className="kern-link" href="/">
          Zur Startseite
        </a>{" "}
        ·{" "}
        <a className="kern-link" href="/start">
          Neue Selbsteinschätzung beginnen
        </a>
      </p>
    </div>
  );
}
