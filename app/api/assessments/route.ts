import { createAssessment } from "@/lib/assessment/create-assessment";
import { ZCreateAssessmentResponse } from "@/lib/assessment/api-schemas";
import { jsonOf, limitRequest, readJsonBody, respond, errorResponse, withErrorHandling } from "@/lib/http/handle-route";
import { editUrl } from "@/lib/assessment/paths";
import { requestOrigin } from "@/lib/http/origin";
import { clientIdFromHeaders } from "@/lib/security/client-id";

export const POST = withErrorHandling(async (request: Request) => {
  const limited = await limitRequest(request, "create");
  if (limited) return limited;
  const body = await readJsonBody(request);
  if (!body.ok) return errorResponse(body.error);
  const result = await createAssessment(body.value, clientIdFromHeaders(request.headers));
  return respond(result, ({ id, token, notices }) =>
    jsonOf(
      ZCreateAssessmentResponse,
      { id, token, editUrl: editUrl(requestOrigin(request.headers, new URL(request.url)).origin, token), notices },
      201,
    ),
  );
});
