import { getOperatorInfo } from "@/lib/operator-info";
import { Alert } from "@/components/kern/alert";
import { Text } from "@/components/kern/typography";

const SUBJECT = "Barriere im Kommunalen Digitalcheck";
const BODY = {
  standard:
    "Seite (Adresse):\n\nWas hat nicht funktioniert?\n\nGerät, Browser und Hilfsmittel (wenn bekannt):\n\nWie können wir Sie erreichen?\n",
  easy: "Auf welcher Seite ist die Barriere?\n\nWas ist passiert?\n\n",
} as const;

/** mailto: with subject and a short form in the body, so that a report names the page and the problem. */
export function barrierMailto(email: string, easy = false): string {
  return `mailto:${email}?subject=${encodeURIComponent(SUBJECT)}&body=${encodeURIComponent(easy ? BODY.easy : BODY.standard)}`;
}

/**
 * The way to report a barrier: a button that opens an e-mail to the operator's address from the configuration
 * (OPERATOR_EMAIL), prefilled; in Leichter Sprache also the address itself, for those who write from elsewhere.
 */
export function BarrierMail({ easy = false }: { easy?: boolean }) {
  const op = getOperatorInfo();
  if (!op.email) {
    return (
      <Alert tone="warning" title="E-Mail-Adresse fehlt">
        <Text>
          Diese Installation hat noch keine Kontaktadresse. Die Verwaltung, die sie betreibt, trägt sie in der
          Umgebungsvariablen OPERATOR_EMAIL ein.
        </Text>
      </Alert>
    );
  }
  return (
    <div className="stack-sm">
      <p>
        <a className="kern-btn kern-btn--primary" href={barrierMailto(op.email, easy)}>
          <span className="kern-label">{easy ? "E-Mail an uns schreiben" : "Barriere per E-Mail melden"}</span>
        </a>
      </p>
      {/* The standard statement shows the address with the operator's contact below the button. */}
      {easy ? (
        <Text size="large">
          Unsere E-Mail-Adresse ist:{" "}
          <a className="kern-link" href={`mailto:${op.email}`}>
            {/* A phone's line breaks the address after its "@", never inside a word. */}
            {op.email.slice(0, op.email.indexOf("@") + 1)}
            <wbr />
            {op.email.slice(op.email.indexOf("@") + 1)}
          </a>
        </Text>
      ) : null}
    </div>
  );
}
