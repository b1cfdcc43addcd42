import { deleteAssessment } from "@/lib/assessment/delete-assessment";
import { lookUpAssessment, withTokenGuard } from "@/lib/assessment/guarded-lookup";
import { toPublicAssessment } from "@/lib/assessment/assessment-view";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { ZPublicAssessment } from "@/lib/assessment/api-schemas";
import { errorResponse, jsonOf, limitRequest, respond, withErrorHandling } from "@/lib/http/handle-route";

type TContext = { params: Promise<{ token: string }> };

export const GET = withErrorHandling(async (request: Request, { params }: TContext) => {
  const { token } = await params;
  return respond(await lookUpAssessment(token, clientIdFromHeaders(request.headers)), (a) =>
    jsonOf(ZPublicAssessment, toPublicAssessment(a)),
  );
});

export const DELETE = withErrorHandling(async (request: Request, { params }: TContext) => {
  const limited = await limitRequest(request, "write");
  if (limited) return limited;
  const { token } = await params;
  // ?scope=all deletes every year of the chain; without it only the newest (the link passes to the year before).
  const scope = new URL(request.url).searchParams.get("scope") ?? "latest";
  if (scope !== "latest" && scope !== "all")
    return errorResponse({
      kind: "invalid_query",
      issues: [{ path: "scope", message: "scope muss latest (nur das neueste Jahr) oder all (alle Jahre) sein." }],
    });
  const result = await withTokenGuard(
    clientIdFromHeaders(request.headers),
    () => deleteAssessment(token, scope),
    token,
  );
  return respond(result, () => new Response(null, { status: 204 }));
});
