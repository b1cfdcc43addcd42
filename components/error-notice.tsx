"use client";

import { Button } from "@/components/kern/button";
import { Link } from "@/components/kern/link";
import { Heading, Text } from "@/components/kern/typography";

/** The digest Next gives a server error in production (the server's log prints it beside the stack trace). */
function errorDigest(error: unknown): string | null {
  return error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
}

/**
 * The German words of the error pages (app/error.tsx, app/global-error.tsx): what happened, a way to try
 * again and a way home. Never the error's message or stack: in production a server error reaches the
 * browser only as an opaque digest.
 */
export function ErrorNotice({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = errorDigest(error);
  return (
    <div className="stack">
      <Heading level={1}>Ein Fehler ist aufgetreten</Heading>
      <Text>
        Diese Seite konnte gerade nicht angezeigt werden. Was Sie bereits gespeichert haben, bleibt erhalten. Bitte
        versuchen Sie es noch einmal. Wenn der Fehler bleibt, versuchen Sie es später wieder.
      </Text>
      {digest ? <Text size="small">Fehlerkennung für den Betrieb: {digest}</Text> : null}
      <div className="button-row">
        <Button onClick={() => retry()}>Erneut versuchen</Button>
        {/* A plain link: it loads the landing page afresh, whatever state the client router is in. */}
        <Link plain href="/">
          Zur Startseite
        </Link>
      </div>
    </div>
  );
}
