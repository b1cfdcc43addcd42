import { saveAnswersGuarded } from "@/lib/assessment/save-answers";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { json, readJsonBody, respond, withErrorHandling } from "@/lib/http/handle-route";

type TContext = { params: Promise<{ token: string }> };

export const PUT = withErrorHandling(async (request: Request, { params }: TContext) => {
  const { token } = await params;
  const body = await readJsonBody(request);
  return respond(await saveAnswersGuarded(token, clientIdFromHeaders(request.headers), body), (v) => json(v));
});
