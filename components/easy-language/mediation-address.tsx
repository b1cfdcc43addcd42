import { getOperatorInfo } from "@/lib/operator-info";
import { AddressBlock } from "@/components/operator-contact";
import { Link } from "@/components/kern/link";

/**
 * The Schlichtungsstelle for this instance, from the configuration (SCHLICHTUNGSSTELLE_NAME, …_ADDRESS,
 * …_URL; the federal one where none is set): its name, address and site, in the statement and in Leichter
 * Sprache, so that no reader has to find out which body is meant.
 */
export function MediationAddress() {
  const { mediation } = getOperatorInfo();
  return (
    <AddressBlock>
      {mediation.name}
      <br />
      {mediation.address.map((line) => (
        <span key={line}>
          {line}
          <br />
        </span>
      ))}
      <Link plain href={mediation.url}>
        {mediation.url.replace(/^https?:\/\//, "").replace(/\/$/, "")}
      </Link>
    </AddressBlock>
  );
}
