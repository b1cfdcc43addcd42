import type { TStateCode } from "@/lib/profile/states";
import type { TSizeClass } from "@/lib/profile/size-class";

export function PeerExportLinks({ filters }: { filters: { state: TStateCode | null; sizeClass: TSizeClass | null } }) {
  const params = new URLSearchParams();
  if (filters.state) params.set("state", filters.state);
  if (filters.sizeClass) params.set("sizeClass", filters.sizeClass);
  const qs = params.size > 0 ? `?${params}` : "";
  return (
    <p className="kern-body">
      <a className="kern-link" href={`/api/peers/csv${qs}`} download>
        Als CSV für Excel herunterladen
      </a>{" "}
      ·{" "}
      <a className="kern-link" href={`/api/peers${qs}`}>
        Als JSON
      </a>
    </p>
  );
}
