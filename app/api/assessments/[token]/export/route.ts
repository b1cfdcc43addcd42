import { exportAssessment } from "@/lib/assessment/export-assessment";
import { withTokenGuard } from "@/lib/assessment/guarded-lookup";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { respond, withErrorHandling } from "@/lib/http/handle-route";
import { downloadHeaders } from "@/lib/http/download-headers";

type TContext = { params: Promise<{ token: string }> };

/** All stored data of one assessment as a JSON download (GDPR access and portability). */
export const GET = withErrorHandling(async (request: Request, { params }: TContext) => {
  const { token } = await params;
  const result = await withTokenGuard(
    clientIdFromHeaders(request.headers),
    () => exportAssessment(token, new Date()),
    token,
  );
  return respond(
    result,
    (data) =>
      new Response(JSON.stringify(data, null, 2), {
        headers: downloadHeaders("Digitalcheck-Daten.json", "application/json; charset=utf-8"),
      }),
  );
});
