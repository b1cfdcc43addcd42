import { settleAnswers } from "@/lib/colleagues/settle-answers";
import { withLinkGuard } from "@/lib/colleagues/guard";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { ZSettleResponse } from "@/lib/colleagues/api-schemas";
import { jsonOf, respond, withErrorHandling, withJsonBody } from "@/lib/http/handle-route";

type TContext = { params: Promise<{ token: string }> };

/** PUT /api/assessments/{token}/colleagues/settle with { "version", "answers": { "<questionId>": answer } }. */
export const PUT = withErrorHandling(async (request: Request, { params }: TContext) => {
  const { token } = await params;
  return withJsonBody(request, "write", async (body) =>
    respond(await withLinkGuard(clientIdFromHeaders(request.headers), () => settleAnswers(token, body)), (v) =>
      jsonOf(ZSettleResponse, v),
    ),
  );
});
