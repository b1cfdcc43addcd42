import { createReport } from "@/lib/assessment/create-report";
import { errorResponse, limitRequest, respond, withErrorHandling } from "@/lib/http/handle-route";
import { withTokenGuard } from "@/lib/assessment/guarded-lookup";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { ZReportQuery } from "@/lib/report/report-query";
import { searchParamsToObject } from "@/lib/validation/query";
import { toFieldIssues } from "@/lib/validation/zod-de";

type TContext = { params: Promise<{ token: string }> };

/** RFC 6266: an ASCII fallback plus the UTF-8 name ("Digitalcheck-Großenhain-2026-11-25.pdf"). */
function contentDisposition(fileName: string): string {
  const ascii = fileName
    .replace(/ß/g, "ss")
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/Ä/g, "Ae")
    .replace(/Ö/g, "Oe")
    .replace(/Ü/g, "Ue")
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/["\\]/g, "");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const GET = withErrorHandling(async (request: Request, { params }: TContext) => {
  const limited = await limitRequest(request, "report");
  if (limited) return limited;
  const { token } = await params;
  // ?leichteSprache=ja adds the result in Leichter Sprache as the pages after the cover.
  const query = ZReportQuery.safeParse(searchParamsToObject(new URL(request.url).searchParams));
  if (!query.success) return errorResponse({ kind: "invalid_query", issues: toFieldIssues(query.error) });
  const easy = query.data.leichteSprache ?? "nein";
  const result = await withTokenGuard(
    clientIdFromHeaders(request.headers),
    () => createReport(token, new Date(), { easyLanguage: easy === "ja" }),
    token,
  );
  return respond(
    result,
    ({ pdf, fileName }) =>
      new Response(new Uint8Array(pdf), {
        headers: {
          "content-type": "application/pdf",
          "content-disposition": contentDisposition(fileName),
          "content-length": String(pdf.length),
          "cache-control": "no-store",
        },
      }),
  );
});
