import { verifyAssessment } from "@/lib/assessment/verify-assessment";
import { withTokenGuard } from "@/lib/assessment/guarded-lookup";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { ZVerifyRequest, ZVerifyResponse } from "@/lib/assessment/api-schemas";
import { toFieldIssues } from "@/lib/validation/zod-de";
import { errorResponse, jsonOf, respond, withErrorHandling, withJsonBody } from "@/lib/http/handle-route";

type TContext = { params: Promise<{ token: string }> };

/** POST /api/assessments/{token}/verify with { "code": "K7QF-2M9P-XW4D-HT6R" }: binds the assessment to its municipality. */
export const POST = withErrorHandling(async (request: Request, { params }: TContext) => {
  const { token } = await params;
  return withJsonBody(request, "write", async (body) => {
    const parsed = ZVerifyRequest.safeParse(body);
    if (!parsed.success) return errorResponse({ kind: "invalid_input", issues: toFieldIssues(parsed.error) });
    const client = clientIdFromHeaders(request.headers);
    return respond(
      await withTokenGuard(client, () => verifyAssessment(token, parsed.data.code, client), token),
      ({ unit, version }) =>
        jsonOf(ZVerifyResponse, {
          verified: true,
          municipality: { ags: unit.ags, key: unit.key, kind: unit.kind, name: unit.name },
          version,
        }),
    );
  });
});
