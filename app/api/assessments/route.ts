import { createAssessment } from "@/lib/assessment/create-assessment";
import { ZCreateAssessmentResponse } from "@/lib/assessment/api-schemas";
import { jsonOf, respond, withErrorHandling, withJsonBody } from "@/lib/http/handle-route";
import { editUrl } from "@/lib/assessment/paths";
import { requestOrigin } from "@/lib/http/origin";
import { clientIdFromHeaders } from "@/lib/security/client-id";

export const POST = withErrorHandling(async (request: Request) => {
  return withJsonBody(request, "create", async (body) =>
    respond(await createAssessment(body, clientIdFromHeaders(request.headers)), ({ id, token, notices }) =>
      jsonOf(
        ZCreateAssessmentResponse,
        { id, token, editUrl: editUrl(requestOrigin(request.headers, new URL(request.url)).origin, token), notices },
        201,
      ),
    ),
  );
});
