import { getPeerView } from "@/lib/peer-pool/get-peer-view";
import { ZPeerComparison } from "@/lib/peers/peer-query";
import { searchParamsToObject } from "@/lib/validation/query";
import { jsonOf, respond, withErrorHandling } from "@/lib/http/handle-route";

export const GET = withErrorHandling(async (request: Request) => {
  const query = searchParamsToObject(new URL(request.url).searchParams);
  return respond(await getPeerView(query), (view) => jsonOf(ZPeerComparison, view));
});
