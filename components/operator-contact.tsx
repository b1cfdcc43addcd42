import { getOperatorInfo, splitLines } from "@/lib/operator-info";
import { Alert } from "@/components/kern/alert";
import { Link } from "@/components/kern/link";
import { Text } from "@/components/kern/typography";

/** A postal address in body text (the operator's, the Schlichtungsstelle's). */
export function AddressBlock({ children }: { children: React.ReactNode }) {
  return <address className="kern-body operator-address">{children}</address>;
}

/** The operator's contact as configured; a clear notice for the administrator when it is missing. */
export function OperatorContact() {
  const op = getOperatorInfo();
  if (!op.configured) {
    return (
      <Alert tone="warning" title="Betreiberangaben fehlen">
        <Text>
          Diese Installation hat noch keine Betreiberangaben. Die Verwaltung, die sie betreibt, trägt sie über die
          Umgebungsvariablen OPERATOR_NAME, OPERATOR_ADDRESS, OPERATOR_EMAIL (und optional OPERATOR_PHONE,
          OPERATOR_REPRESENTATIVE) ein.
        </Text>
      </Alert>
    );
  }
  return (
    <AddressBlock>
      <strong>{op.name}</strong>
      <br />
      {splitLines(op.address!).map((line) => (
        <span key={line}>
          {line}
          <br />
        </span>
      ))}
      E-Mail:{" "}
      <Link plain href={`mailto:${op.email}`}>
        {op.email}
      </Link>
      {op.phone ? (
        <>
          <br />
          Telefon: {op.phone}
        </>
      ) : null}
      {op.representative ? (
        <>
          <br />
          Vertreten durch: {op.representative}
        </>
      ) : null}
    </AddressBlock>
  );
}
