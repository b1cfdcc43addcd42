import { saveAnswers } from "@/lib/assessment/save-answers";
import { withTokenGuard } from "@/lib/assessment/guarded-lookup";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { errorResponse, json, limitRequest, readJsonBody, respond, withErrorHandling } from "@/lib/http/handle-route";

type TContext = { params: Promise<{ token: string }> };

export const PUT = withErrorHandling(async (request: Request, { params }: TContext) => {
  const limited = await limitRequest(request, "write");
  if (limited) return limited;
  const { token } = await params;
  const body = await readJsonBody(request);
  if (!body.ok) return errorResponse(body.error);
  return respond(await withTokenGuard(clientIdFromHeaders(request.headers), () => saveAnswers(token, body.value)), (v) => json(v));
});
