import { NextResponse, type NextRequest } from "next/server";

const isHttps = (request: NextRequest) =>
  (request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "")).split(",")[0]!.trim() === "https";

const ownOrigin = (request: NextRequest) => {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  return `${isHttps(request) ? "https" : "http"}://${host}`;
};

/** A strict policy: our own origin only, scripts only with this response's nonce (and what they load). */
function contentSecurityPolicy(nonce: string, isDev: boolean): string {
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

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Every request passes here:
 * - API writes from a foreign origin are refused (browsers send Origin and Sec-Fetch-Site; clients
 *   without them, such as integrations, are not browsers and cannot be driven cross-site).
 * - Plain form posts under `Referrer-Policy: no-referrer` carry `Origin: null`; when the browser
 *   declares them same-origin (Sec-Fetch-Site, which pages cannot set) the Origin is restored so
 *   that Next's server-action check accepts them (docs/adr/0004).
 * - Pages get a per-request CSP nonce, and HSTS when served over HTTPS.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // A malformed percent-encoding (".../%A") names nothing; Next would answer it with a 500.
  try {
    decodeURIComponent(pathname);
  } catch {
    return NextResponse.json({ error: "Diese Adresse gibt es nicht." }, { status: 404 });
  }
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const headers = new Headers(request.headers);

  if (pathname.startsWith("/api/") && WRITE_METHODS.has(request.method)) {
    const foreignSite = site !== null && site !== "same-origin" && site !== "none";
    const foreignOrigin = origin !== null && origin !== "null" && origin !== ownOrigin(request);
    if (foreignSite || foreignOrigin) {
      return NextResponse.json(
        { error: "Diese Anfrage kommt von einer fremden Website und wurde deshalb abgelehnt." },
        { status: 403, headers: { "cache-control": "no-store" } },
      );
    }
  }

  if (request.method === "POST" && origin === "null" && site === "same-origin") headers.set("origin", ownOrigin(request));

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  if (isHttps(request)) response.headers.set("strict-transport-security", "max-age=31536000; includeSubDomains");
  return response;
}

export const config = {
  // Everything but Next's immutable static files.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
