import type { TStateCode } from "@/lib/profile/states";
import type { TSizeClass } from "@/lib/profile/size-class";
import { peersCsvPath, peersJsonPath } from "@/lib/assessment/api-paths";

export function PeerExportLinks({ filters }: { filters: { state: TStateCode | null; sizeClass: TSizeClass | null } }) {
  const params = new URLSearchParams();
  if (filters.state) params.set("state", filters.state);
  if (filters.sizeClass) params.set("sizeClass", filters.sizeClass);
  const qs = params.size > 0 ? `?${params}` : "";
  return (
    <p className="kern-body">
      <a className="kern-link" href={peersCsvPath(qs)} download>
        Als CSV für Excel herunterladen
      </a>{" "}
      ·{" "}
      <a className="kern-link" href={peersJsonPath(qs)}>
        Als JSON
      </a>
    </p>
  );
}
