import { NextResponse, type NextRequest } from "next/server";
import {
  contentSecurityPolicy,
  forwardNonce,
  newNonce,
  refuseForeignWrite,
  refuseMalformedPath,
  restoreSameOriginFormOrigin,
  setSecurityHeaders,
} from "@/lib/http/proxy-steps";
import { requestOrigin } from "@/lib/http/origin";
import { lookUpPageCache, markForRecording } from "@/lib/page-cache/lookup";

/**
 * Every request passes here, through named steps (lib/http/proxy-steps.ts, lib/page-cache/lookup.ts):
 * 1. URL sanity: a malformed path gets a German 404.
 * 2. Same-origin check: API writes from a foreign origin get a German 403; a same-origin form post's
 *    `Origin: null` is restored for Next's server-action check.
 * 3. Security headers: a per-request CSP nonce, and HSTS over HTTPS.
 * 4. Cache hit: a results page or peer comparison whose versions are unchanged is sent from the page
 *    cache; a miss is marked for the recorder.
 */
export async function proxy(request: NextRequest) {
  // The client's origin, decided once per request (lib/http/origin.ts) and handed to every step.
  const own = requestOrigin(request.headers, request.nextUrl);
  const refused = refuseMalformedPath(request) ?? refuseForeignWrite(request, own);
  if (refused) return refused;

  const forwarded = new Headers(request.headers);
  restoreSameOriginFormOrigin(request, own, forwarded);

  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const cached = await lookUpPageCache(request, own, nonce);
  if (cached && "hit" in cached) return setSecurityHeaders(own, cached.hit, csp);
  const response = NextResponse.next({ request: { headers: forwardNonce(forwarded, nonce, csp) } });
  if (cached) markForRecording(response, cached.recordAs);
  return setSecurityHeaders(own, response, csp);
}

export const config = {
  // Everything but Next's immutable static files.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
