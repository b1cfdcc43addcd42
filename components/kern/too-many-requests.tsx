import { PAGE_CACHE_REFUSE_ATTRIBUTE } from "@/lib/page-cache/constants.cjs";
import { formatWait } from "@/lib/format/wait";
import { Alert } from "./alert";

/**
 * Shown instead of a page when a client has looked up too many unknown links. It concerns this client
 * only, so the page cache never keeps it (lib/page-cache/store.ts).
 */
export function TooManyRequests({ retryAfterSeconds }: { retryAfterSeconds: number }) {
  return (
    <div className="stack" {...{ [PAGE_CACHE_REFUSE_ATTRIBUTE]: "" }}>
      <h1 className="kern-heading-large">Zu viele Anfragen</h1>
      <Alert tone="warning" title="Bitte warten Sie einen Moment" role="alert">
        <p className="kern-body">
          Von Ihrem Anschluss wurden in kurzer Zeit viele ungültige Links aufgerufen. Zum Schutz der
          Selbsteinschätzungen sperren wir solche Aufrufe für etwa {formatWait(retryAfterSeconds)}. Bitte versuchen Sie
          es danach erneut und prüfen Sie, ob Ihr Link vollständig ist.
        </p>
      </Alert>
    </div>
  );
}
