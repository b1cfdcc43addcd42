import { reopenAssessment } from "@/lib/assessment/reopen-assessment";
import { withTokenGuard } from "@/lib/assessment/guarded-lookup";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { ZReopenResponse } from "@/lib/assessment/api-schemas";
import { jsonOf, limitRequest, respond, withErrorHandling } from "@/lib/http/handle-route";

type TContext = { params: Promise<{ token: string }> };

export const POST = withErrorHandling(async (request: Request, { params }: TContext) => {
  const limited = await limitRequest(request, "write");
  if (limited) return limited;
  const { token } = await params;
  return respond(
    await withTokenGuard(clientIdFromHeaders(request.headers), () => reopenAssessment(token), token),
    (v) => jsonOf(ZReopenResponse, v),
  );
});
