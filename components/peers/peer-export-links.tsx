import type { TStateCode } from "@/lib/profile/states";
import type { TSizeClass } from "@/lib/profile/size-class";
import { peersCsvPath, peersJsonPath } from "@/lib/assessment/api-paths";
import { Link } from "@/components/kern/link";
import { Text } from "@/components/kern/typography";

export function PeerExportLinks({ filters }: { filters: { state: TStateCode | null; sizeClass: TSizeClass | null } }) {
  const params = new URLSearchParams();
  if (filters.state) params.set("state", filters.state);
  if (filters.sizeClass) params.set("sizeClass", filters.sizeClass);
  const qs = params.size > 0 ? `?${params}` : "";
  return (
    <Text>
      <Link href={peersCsvPath(qs)} download>
        Als CSV für Excel herunterladen
      </Link>{" "}
      ·{" "}
      <Link plain href={peersJsonPath(qs)}>
        Als JSON
      </Link>
    </Text>
  );
}
