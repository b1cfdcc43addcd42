import { deleteAssessment } from "@/lib/assessment/delete-assessment";
import { lookUpAssessment, withTokenGuard } from "@/lib/assessment/guarded-lookup";
import { toPublicAssessment } from "@/lib/assessment/assessment-view";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { ZPublicAssessment } from "@/lib/assessment/api-schemas";
import { jsonOf, limitRequest, respond, withErrorHandling } from "@/lib/http/handle-route";

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
  const result = await withTokenGuard(clientIdFromHeaders(request.headers), () => deleteAssessment(token));
  return respond(result, () => new Response(null, { status: 204 }));
});
