import { createAssessment } from "@/lib/assessment/create-assessment";
import { json, limitRequest, readJsonBody, respond, errorResponse, withErrorHandling } from "@/lib/http/handle-route";
import { editPath } from "@/lib/assessment/paths";
import { publicOrigin } from "@/lib/http/public-origin";

export const POST = withErrorHandling(async (request: Request) => {
  const limited = await limitRequest(request, "create");
  if (limited) return limited;
  const body = await readJsonBody(request);
  if (!body.ok) return errorResponse(body.error);
  const result = await createAssessment(body.value);
  return respond(result, ({ id, token, notices }) =>
    json({ id, token, editUrl: new URL(editPath(token), publicOrigin(request)).toString(), notices }, 201),
  );
});
