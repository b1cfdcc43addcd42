import { saveColleagueAnswers } from "@/lib/colleagues/save-colleague-answers";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { ZColleagueSaveResponse } from "@/lib/colleagues/api-schemas";
import { errorResponse, jsonOf, readJsonBody, respond, withErrorHandling } from "@/lib/http/handle-route";

type TContext = { params: Promise<{ token: string }> };

/** PUT /api/colleagues/{token}/answers with { "version", "answers" } ("skip": somebody else should answer). */
export const PUT = withErrorHandling(async (request: Request, { params }: TContext) => {
  const { token } = await params;
  const body = await readJsonBody(request);
  const result = await saveColleagueAnswers(
    token,
    clientIdFromHeaders(request.headers),
    body.ok ? { readable: true, value: body.value } : { readable: false },
  );
  // An unreadable body: say why (too large, wrong type, no JSON), as every other route does.
  if (!result.ok && result.error.kind === "unreadable_request" && !body.ok) return errorResponse(body.error);
  return respond(result, (v) => jsonOf(ZColleagueSaveResponse, v));
});
