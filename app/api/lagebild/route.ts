import { getLagebild, toLagebildResponse } from "@/lib/lagebild/get-lagebild";
import { ZLagebildResponse } from "@/lib/lagebild/lagebild-schema";
import { jsonOf, readQuery, respond, withErrorHandling } from "@/lib/http/handle-route";

/** GET /api/lagebild?state=…&sizeClass=…: the collective picture of this instance (docs/adr/0011-lagebild-estimate.md). */
export const GET = withErrorHandling(async (request: Request) => {
  const query = readQuery(request);
  return respond(await getLagebild(query), (l) => jsonOf(ZLagebildResponse, toLagebildResponse(l)));
});
