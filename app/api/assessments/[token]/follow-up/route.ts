import { createFollowUp } from "@/lib/assessment/create-follow-up";
import { withTokenGuard } from "@/lib/assessment/guarded-lookup";
import { editUrl } from "@/lib/assessment/paths";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { requestOrigin } from "@/lib/http/origin";
import { ZFollowUpResponse } from "@/lib/assessment/api-schemas";
import { jsonOf, limitRequest, respond, withErrorHandling } from "@/lib/http/handle-route";

type TContext = { params: Promise<{ token: string }> };

/**
 * POST /api/assessments/{token}/follow-up: the next year's assessment, pre-filled with this one's answers
 * and targets → 201. The edit link passes to it: the same token now opens the new draft.
 */
export const POST = withErrorHandling(async (request: Request, { params }: TContext) => {
  const limited = await limitRequest(request, "write");
  if (limited) return limited;
  const { token } = await params;
  return respond(
    await withTokenGuard(clientIdFromHeaders(request.headers), () => createFollowUp(token), token),
    ({ id }) =>
      jsonOf(
        ZFollowUpResponse,
        { id, token, editUrl: editUrl(requestOrigin(request.headers, new URL(request.url)).origin, token) },
        201,
      ),
  );
});
