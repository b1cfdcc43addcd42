import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { probePage, readPeerPoolVersion } from "../db/direct-queries";
import type { TRequestOrigin } from "../http/origin";
import { clientIdFromHeaders } from "../security/client-id";
import { decideWithoutCount, rateCounter } from "../security/rate-limit-rules";
import { hashToken } from "../security/token";
import { PAGE_CACHE_KEY_HEADER, PAGE_CACHE_STATUS_HEADER, PAGE_CACHEABLE_HEADER } from "./constants.cjs";
import { getPageCache } from "./store";

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
        return `${probe.id}|${probe.version}|${probe.poolVersion}`;
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

/** What the page cache says about a request: a hit to send, a key to record the rendered page under, or nothing. */
export type TPageCacheLookup = { hit: NextResponse } | { recordAs: string } | null;

/**
 * The proxy's cache step, for a plain GET of a cacheable page: the cached page when its versions are still
 * those in the database, or the key under which the recorder keeps the page Next is about to render.
 */
export async function lookUpPageCache(
  request: NextRequest,
  own: TRequestOrigin,
  nonce: string,
): Promise<TPageCacheLookup> {
  // Only plain document GETs, as the recorder marks them: requests of Next's client router (RSC
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
  const key = [page.id, versions, own.protocol, own.host].join("|");
  const hit = cache.get(page.id, key);
  if (!hit) return { recordAs: key };
  const response = new NextResponse(hit.body(nonce), { status: 200, headers: hit.headers(nonce) });
  response.headers.set(PAGE_CACHE_STATUS_HEADER, "hit");
  return { hit: response };
}

/** Tells the recorder to keep the page Next renders for this request under `key`. */
export function markForRecording(response: NextResponse, key: string): void {
  response.headers.set(PAGE_CACHE_KEY_HEADER, key);
}
