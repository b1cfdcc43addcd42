import { saveAnswers } from "@/lib/assessment/save-answers";
import { isColleagueToken } from "@/lib/colleagues/lookup";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { ZSaveAnswersResponse } from "@/lib/assessment/api-schemas";
import { errorResponse, jsonOf, readJsonBody, respond, withErrorHandling } from "@/lib/http/handle-route";

type TContext = { params: Promise<{ token: string }> };

export const PUT = withErrorHandling(async (request: Request, { params }: TContext) => {
  const { token } = await params;
  const body = await readJsonBody(request);
  const result = await saveAnswers(
    token,
    clientIdFromHeaders(request.headers),
    body.ok ? { readable: true, value: body.value } : { readable: false },
  );
  // An unreadable body: say why (too large, wrong type, no JSON), as every other route does.
  if (!result.ok && result.error.kind === "unreadable_request" && !body.ok) return errorResponse(body.error);
  // A colleague's link on the lead's save: say what the link is (docs/adr/0014-colleagues.md).
  if (!result.ok && result.error.kind === "assessment_not_found" && (await isColleagueToken(token)))
    return errorResponse({ kind: "colleague_link" });
  return respond(result, (v) => jsonOf(ZSaveAnswersResponse, v));
});
