import { getTargetsForToken } from "@/lib/assessment/get-targets-for-token";
import { saveTargets } from "@/lib/assessment/save-targets";
import { withTokenGuard } from "@/lib/assessment/guarded-lookup";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { ZTargetsResponse, ZTargetsView } from "@/lib/assessment/api-schemas";
import { jsonOf, respond, withErrorHandling, withJsonBody } from "@/lib/http/handle-route";

type TContext = { params: Promise<{ token: string }> };

/** GET /api/assessments/{token}/targets: the targets of the newest assessment and its version. */
export const GET = withErrorHandling(async (request: Request, { params }: TContext) => {
  const { token } = await params;
  return respond(
    await withTokenGuard(clientIdFromHeaders(request.headers), () => getTargetsForToken(token), token),
    (v) => jsonOf(ZTargetsView, v),
  );
});

/** PUT /api/assessments/{token}/targets with { "version", "targets": { "<questionId>": { "option", "year", "responsible" } } }. */
export const PUT = withErrorHandling(async (request: Request, { params }: TContext) => {
  const { token } = await params;
  return withJsonBody(request, "write", async (body) =>
    respond(await withTokenGuard(clientIdFromHeaders(request.headers), () => saveTargets(token, body), token), (v) =>
      jsonOf(ZTargetsResponse, v),
    ),
  );
});
