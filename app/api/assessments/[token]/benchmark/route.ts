import { getBenchmark } from "@/lib/assessment/get-benchmark";
import { withTokenGuard } from "@/lib/assessment/guarded-lookup";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { ZAssessmentBenchmark } from "@/lib/assessment/api-schemas";
import { jsonOf, respond, withErrorHandling } from "@/lib/http/handle-route";

type TContext = { params: Promise<{ token: string }> };

/** The same content as the results page /a/{token}/ergebnis. */
export const GET = withErrorHandling(async (request: Request, { params }: TContext) => {
  const { token } = await params;
  const result = await withTokenGuard(clientIdFromHeaders(request.headers), () => getBenchmark(token), token);
  return respond(result, ({ benchmark }) => jsonOf(ZAssessmentBenchmark, benchmark));
});
