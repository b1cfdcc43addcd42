import { settleAnswers } from "@/lib/colleagues/settle-answers";
import { withLinkGuard } from "@/lib/colleagues/guard";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { ZSettleResponse } from "@/lib/colleagues/api-schemas";
import { errorResponse, jsonOf, limitRequest, readJsonBody, respond, withErrorHandling } from "@/lib/http/handle-route";

type TContext = { params: Promise<{ token: string }> };

/** PUT /api/assessments/{token}/colleagues/settle with { "version", "answers": { "<questionId>": answer } }. */
export const PUT = withErrorHandling(async (request: Request, { params }: TContext) => {
  const limited = await limitRequest(request, "write");
  if (limited) return limited;
  const { token } = await params;
  const body = await readJsonBody(request);
  if (!body.ok) return errorResponse(body.error);
  return respond(
    await withLinkGuard(clientIdFromHeaders(request.headers), () => settleAnswers(token, body.value)),
    (v) => jsonOf(ZSettleResponse, v),
  );
});
