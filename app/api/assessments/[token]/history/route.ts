import { getHistory } from "@/lib/assessment/get-history";
import { withTokenGuard } from "@/lib/assessment/guarded-lookup";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { ZHistoryResponse } from "@/lib/assessment/api-schemas";
import { jsonOf, respond, withErrorHandling } from "@/lib/http/handle-route";

type TContext = { params: Promise<{ token: string }> };

/** GET /api/assessments/{token}/history: the municipality's assessments year after year, oldest first. */
export const GET = withErrorHandling(async (request: Request, { params }: TContext) => {
  const { token } = await params;
  return respond(await withTokenGuard(clientIdFromHeaders(request.headers), () => getHistory(token), token), (v) =>
    jsonOf(ZHistoryResponse, v),
  );
});
