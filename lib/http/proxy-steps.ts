import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { toErrorResponse } from "./errors";
import type { THttpError } from "../errors";
import type { TRequestOrigin } from "./origin";

// The steps of proxy.ts, in the order it runs them. Each either answers the request itself (a Response)
// or returns null and lets the next step run.

function errorAnswer(error: THttpError): NextResponse {
  const { status, body } = toErrorResponse(error);
  return NextResponse.json(body, { status, headers: { "cache-control": "no-store" } });
}

/** URL sanity: a malformed percent-encoding (".../%A") names nothing; Next would answer it with a 500. */
export function refuseMalformedPath(request: NextRequest): NextResponse | null {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return null;
  } catch {
    return errorAnswer({ kind: "malformed_path" });
  }
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Paths whose writes must come from this origin: the API and the operator area (its forms and downloads). */
const guardsWrites = (pathname: string) =>
  pathname.startsWith("/api/") || pathname === "/betrieb" || pathname.startsWith("/betrieb/");

/**
 * Same-origin check: writes to the API and the operator area from a foreign origin are refused, a same-site
 * sibling origin included (the operator's SameSite cookie alone would let it through). Browsers send Origin
 * and Sec-Fetch-Site; clients without them, such as integrations, are not browsers and cannot be driven
 * cross-site.
 */
export function refuseForeignWrite(request: NextRequest, own: TRequestOrigin): NextResponse | null {
  if (!guardsWrites(request.nextUrl.pathname) || !WRITE_METHODS.has(request.method)) return null;
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const foreignSite = site !== null && site !== "same-origin" && site !== "none";
  const foreignOrigin = origin !== null && origin !== "null" && origin !== own.origin;
  return foreignSite || foreignOrigin ? errorAnswer({ kind: "forbidden_origin" }) : null;
}

/**
 * Plain form posts under `Referrer-Policy: no-referrer` carry `Origin: null`; when the browser declares
 * them same-origin (Sec-Fetch-Site, which pages cannot set) the Origin is restored in the forwarded
 * headers, so that Next's server-action check accepts them (docs/adr/0004).
 */
export function restoreSameOriginFormOrigin(request: NextRequest, own: TRequestOrigin, forwarded: Headers): void {
  if (
    request.method === "POST" &&
    request.headers.get("origin") === "null" &&
    request.headers.get("sec-fetch-site") === "same-origin"
  ) {
    forwarded.set("origin", own.origin);
  }
}

/** A strict policy: our own origin only, scripts only with this response's nonce (and what they load). */
export function contentSecurityPolicy(nonce: string, isDev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // React renders a few style attributes (chart heights); no style element or sheet from elsewhere.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce per response, for the CSP and the scripts Next renders (it reads x-nonce). */
export function newNonce(): string {
  return Buffer.from(crypto.randomUUID()).toString("base64");
}

/** Hands the nonce and the policy to Next's rendering through the forwarded request headers. */
export function forwardNonce(forwarded: Headers, nonce: string, csp: string): Headers {
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", csp);
  return forwarded;
}

/** Security headers of every page: the CSP, and HSTS when the client came over HTTPS. */
export function setSecurityHeaders(own: TRequestOrigin, response: NextResponse, csp: string): NextResponse {
  response.headers.set("content-security-policy", csp);
  if (own.protocol === "https") {
    response.headers.set("strict-transport-security", "max-age=31536000; includeSubDomains");
  }
  return response;
}
