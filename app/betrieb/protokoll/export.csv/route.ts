import { getOperatorSession } from "@/lib/operator/get-session";
import { allAuditEntries } from "@/lib/audit/list";
import { renderAuditCsv } from "@/lib/audit/csv";
import { parseAuditQuery } from "@/lib/audit/query";
import { withErrorHandling } from "@/lib/http/handle-route";
import { readOperatorCookie } from "../../operator-session";

/** The audit trail with the page's filters as CSV for German Excel (semicolons, UTF-8 with BOM); operators only. */
export const GET = withErrorHandling(async (request: Request) => {
  if (!(await getOperatorSession(await readOperatorCookie(), new Date())))
    return new Response(null, { status: 303, headers: { location: "/betrieb/anmelden", "cache-control": "no-store" } });
  const query = parseAuditQuery(new URL(request.url).searchParams);
  const now = new Date();
  return new Response(renderAuditCsv(await allAuditEntries(query)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="betriebsprotokoll-${now.toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
});
