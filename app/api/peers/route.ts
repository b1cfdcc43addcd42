import { getPeerView } from "@/lib/assessment/get-peer-view";
import { searchParamsToObject } from "@/lib/peers/peer-query";
import { json, respond, withErrorHandling } from "@/lib/http/handle-route";

export const GET = withErrorHandling(async (request: Request) => {
  const query = searchParamsToObject(new URL(request.url).searchParams);
  return respond(await getPeerView(query), (view) => json(view));
});
