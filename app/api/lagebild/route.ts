import { getLagebild, toLagebildResponse } from "@/lib/lagebild/get-lagebild";
import { searchParamsToObject } from "@/lib/peers/peer-query";
import { ZLagebildResponse } from "@/lib/lagebild/lagebild-schema";
import { jsonOf, respond, withErrorHandling } from "@/lib/http/handle-route";

/** GET /api/lagebild?state=…&sizeClass=…: the collective picture of this instance (docs/adr/0011-lagebild-estimate.md). */
export const GET = withErrorHandling(async (request: Request) => {
  const query = searchParamsToObject(new URL(request.url).searchParams);
  return respond(await getLagebild(query), (l) => jsonOf(ZLagebildResponse, toLagebildResponse(l)));
});
