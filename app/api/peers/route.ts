import { getPeerView } from "@/lib/assessment/get-peer-view";
import { searchParamsToObject, ZPeerComparison } from "@/lib/peers/peer-query";
import { jsonOf, respond, withErrorHandling } from "@/lib/http/handle-route";

export const GET = withErrorHandling(async (request: Request) => {
  const query = searchParamsToObject(new URL(request.url).searchParams);
  return respond(await getPeerView(query), (view) => jsonOf(ZPeerComparison, view));
});
