import { saveColleagueAnswers } from "@/lib/colleagues/save-colleague-answers";
import { withLinkGuard } from "@/lib/colleagues/guard";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { ZColleagueSaveResponse } from "@/lib/colleagues/api-schemas";
import { errorResponse, jsonOf, limitRequest, readJsonBody, respond, withErrorHandling } from "@/lib/http/handle-route";

type TContext = { params: Promise<{ token: string }> };

/** PUT /api/colleagues/{token}/answers with { "version", "answers" } ("skip": somebody else should answer). */
export const PUT = withErrorHandling(async (request: Request, { params }: TContext) => {
  const limited = await limitRequest(request, "write");
  if (limited) return limited;
  const { token } = await params;
  const body = await readJsonBody(request);
  if (!body.ok) return errorResponse(body.error);
  return respond(
    await withLinkGuard(clientIdFromHeaders(request.headers), () => saveColleagueAnswers(token, body.value)),
    (v) => jsonOf(ZColleagueSaveResponse, v),
  );
});
