import { NextResponse, type NextRequest } from "next/server";
import { probePage, readPeerPoolVersion } from "@/lib/db/direct-queries";
import { getPageCache, PAGE_CACHE_KEY_HEADER, PAGE_CACHE_STATUS_HEADER, PAGE_CACHEABLE_HEADER } from "@/lib/http/page-cache";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { decideWithoutCount, rateCounter } from "@/lib/security/rate-limit-rules";
import { hashToken } from "@/lib/security/token";

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
 * - A results page or peer comparison whose versions are unchanged is sent from the page cache (lib/http/page-cache.ts).
 */
export async function proxy(request: NextRequest) {
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
  const cached = await fromPageCache(request, nonce);
  const response = cached?.response ?? NextResponse.next({ request: { headers: withNonce(headers, nonce, csp) } });
  if (cached?.recordAs) response.headers.set(PAGE_CACHE_KEY_HEADER, cached.recordAs);
  response.headers.set("content-security-policy", csp);
  if (isHttps(request)) response.headers.set("strict-transport-security", "max-age=31536000; includeSubDomains");
  return response;
}

function withNonce(headers: Headers, nonce: string, csp: string): Headers {
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  return headers;
}

const RESULTS_PAGE = /^\/a\/([A-Za-z0-9_-]{43})\/ergebnis$/;
/** The peer comparison's filter values as the form sends them (anything else is rendered, not cached). */
const PEER_FILTER = /^[A-Za-z0-9_-]{0,20}$/;

type TCacheable = { id: string; versions: () => Promise<string | null> };

/**
 * Which cached page a GET asks for: a results page (its assessment's version and the peer pool's; null
 * for an unknown token or a client over the token-miss limit: Next answers those) or the peer
 * comparison for one filter (the pool's version).
 */
function cacheable(request: NextRequest): TCacheable | null {
  const { pathname, searchParams, search } = request.nextUrl;
  const token = search === "" ? RESULTS_PAGE.exec(pathname)?.[1] : undefined;
  if (token) {
    const tokenHash = hashToken(token);
    const miss = rateCounter("tokenMiss", clientIdFromHeaders(request.headers));
    return {
      id: tokenHash,
      versions: async () => {
        const probe = await probePage(tokenHash, miss);
        if (!probe || !decideWithoutCount(miss, probe.misses).ok) return null;
        return `${probe.version}|${probe.poolVersion}`;
      },
    };
  }
  if (pathname === "/vergleich") {
    const names = [...searchParams.keys()];
    if (names.some((n) => n !== "state" && n !== "sizeClass") || new Set(names).size !== names.length) return null;
    const state = searchParams.get("state") ?? "";
    const sizeClass = searchParams.get("sizeClass") ?? "";
    if (!PEER_FILTER.test(state) || !PEER_FILTER.test(sizeClass)) return null;
    return { id: `vergleich:${state}:${sizeClass}`, versions: async () => String(await readPeerPoolVersion()) };
  }
  return null;
}

/**
 * For a plain GET of a cacheable page: the cached page when its versions are still those in the database
 * (a response), or the key under which scripts/serve.mjs should record the page Next is about to render.
 */
async function fromPageCache(request: NextRequest, nonce: string): Promise<{ response?: NextResponse; recordAs?: string } | null> {
  // Only plain document GETs, as scripts/serve.mjs marks them: requests of Next's client router (RSC
  // payloads, prefetches) and server actions are rendered.
  if (request.method !== "GET" || request.headers.get(PAGE_CACHEABLE_HEADER) !== "1") return null;
  const page = cacheable(request);
  const cache = page ? getPageCache() : null;
  if (!page || !cache) return null;
  // Without the database the page cannot be checked; Next renders it (and /api/health reports the fault).
  const versions = await page.versions().catch(() => undefined);
  if (versions === undefined) return null;
  if (versions === null) {
    // A deleted or renewed link: its page leaves memory now, not when it would expire.
    cache.drop(page.id);
    return null;
  }
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? "";
  const key = [page.id, versions, isHttps(request) ? "https" : "http", host].join("|");
  const hit = cache.get(page.id, key);
  if (!hit) return { recordAs: key };
  const response = new NextResponse(hit.body(nonce), { status: 200, headers: hit.headers(nonce) });
  response.headers.set(PAGE_CACHE_STATUS_HEADER, "hit");
  return { response };
}

export const config = {
  // Everything but Next's immutable static files.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
