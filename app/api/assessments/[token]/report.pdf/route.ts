import { createReport } from "@/lib/assessment/create-report";
import { errorResponse, limitRequest, respond, withErrorHandling } from "@/lib/http/handle-route";
import { withTokenGuard } from "@/lib/assessment/guarded-lookup";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { ZReportQuery } from "@/lib/report/report-query";
import { searchParamsToObject } from "@/lib/validation/query";
import { toFieldIssues } from "@/lib/validation/zod-de";
import { downloadHeaders } from "@/lib/http/download-headers";

type TContext = { params: Promise<{ token: string }> };

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
        headers: downloadHeaders(fileName, "application/pdf", { length: pdf.length }),
      }),
  );
});
