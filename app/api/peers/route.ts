import { getPeerView } from "@/lib/peer-pool/get-peer-view";
import { ZPeerComparison } from "@/lib/peers/peer-query";
import { jsonOf, readQuery, respond, withErrorHandling } from "@/lib/http/handle-route";

export const GET = withErrorHandling(async (request: Request) => {
  const query = readQuery(request);
  return respond(await getPeerView(query), (view) => jsonOf(ZPeerComparison, view));
});
