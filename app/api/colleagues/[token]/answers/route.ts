import { saveColleagueAnswers } from "@/lib/colleagues/save-colleague-answers";
import { withLinkGuard } from "@/lib/colleagues/guard";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { ZColleagueSaveResponse } from "@/lib/colleagues/api-schemas";
import { jsonOf, respond, withErrorHandling, withJsonBody } from "@/lib/http/handle-route";

type TContext = { params: Promise<{ token: string }> };

/** PUT /api/colleagues/{token}/answers with { "version", "answers" } ("skip": somebody else should answer). */
export const PUT = withErrorHandling(async (request: Request, { params }: TContext) => {
  const { token } = await params;
  return withJsonBody(request, "write", async (body) =>
    respond(await withLinkGuard(clientIdFromHeaders(request.headers), () => saveColleagueAnswers(token, body)), (v) =>
      jsonOf(ZColleagueSaveResponse, v),
    ),
  );
});
