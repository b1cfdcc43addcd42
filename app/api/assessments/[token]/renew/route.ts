import { renewToken } from "@/lib/assessment/renew-token";
import { withTokenGuard } from "@/lib/assessment/guarded-lookup";
import { editUrl } from "@/lib/assessment/paths";
import { requestOrigin } from "@/lib/http/origin";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { ZRenewResponse } from "@/lib/assessment/api-schemas";
import { jsonOf, limitRequest, respond, withErrorHandling } from "@/lib/http/handle-route";

type TContext = { params: Promise<{ token: string }> };

/** Replaces the edit link; the old one answers 404 at once. */
export const POST = withErrorHandling(async (request: Request, { params }: TContext) => {
  const limited = await limitRequest(request, "write");
  if (limited) return limited;
  const { token } = await params;
  const result = await withTokenGuard(clientIdFromHeaders(request.headers), () => renewToken(token), token);
  return respond(result, ({ token: next }) =>
    jsonOf(ZRenewResponse, {
      token: next,
      editUrl: editUrl(requestOrigin(request.headers, new URL(request.url)).origin, next),
    }),
  );
});
