import "server-only";
import { getEnv } from "../env";
import {
  PAGE_CACHE_KEY_HEADER,
  PAGE_CACHE_RECORDER,
  PAGE_CACHE_REFUSE_ATTRIBUTE,
  PAGE_CACHE_STATUS_HEADER,
  PAGE_CACHE_STORE,
} from "./constants.cjs";

/**
 * Rendered pages, kept per process (docs/adr/0007): results pages and the peer comparison.
 *
 * A results page is a pure function of the assessment (its version grows with every change), the peer
 * pool (its version row grows with every change) and the build; the peer comparison of one filter is one
 * of the pool and the build. So the HTML rendered for some versions can be sent again as long as the
 * database still shows them: every request checks the versions in the database
 * (lib/db/direct-queries.ts), so an entry is never served after a change through any instance.
 *
 * The folder holds the whole cache: this store; the proxy's step that answers hits and marks misses
 * (./lookup.ts); the recorder that scripts/serve.mjs wraps around Next's handler (./recorder.mjs), since a
 * page cannot see its own HTML; and their shared names (./constants.cjs). Proxy and recorder run in one
 * process and meet on globalThis. Under another server (`next start`, the standalone server) nothing is
 * recorded and every request renders.
 *
 * The page's scripts carry the response's CSP nonce; an entry is kept split at its nonce, and every hit
 * gets a fresh one. Per page (edit token, or filter) only the newest entry is kept, entries expire after
 * TTL_MS, and an unknown token (deleted or renewed link) drops its entry at once.
 */

const TTL_MS = 15 * 60_000;
/** Headers of the recorded response that belong to that response only. */
const NOT_REPLAYED = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "x-request-id",
  "content-security-policy",
  "strict-transport-security",
  PAGE_CACHE_KEY_HEADER,
  PAGE_CACHE_STATUS_HEADER,
]);

/** Header values and the body are kept split at the nonce they were rendered with (the Link header carries it too). */
type TEntry = { key: string; headers: [string, string[]][]; parts: string[]; bytes: number; expires: number };

export type TPageCacheHit = { headers: (nonce: string) => [string, string][]; body: (nonce: string) => string };

export class PageCache {
  /** By page id (token hash, or the filter of a peer comparison); Map order is the order of last use. */
  private entries = new Map<string, TEntry>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(id: string, key: string, now = Date.now()): TPageCacheHit | null {
    const entry = this.entries.get(id);
    if (!entry) return null;
    if (entry.key !== key || entry.expires <= now) {
      this.drop(id);
      return null;
    }
    this.entries.delete(id);
    this.entries.set(id, entry);
    const { parts, headers } = entry;
    return {
      headers: (nonce) => headers.map(([name, value]) => [name, value.join(nonce)]),
      body: (nonce) => parts.join(nonce),
    };
  }

  drop(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.bytes -= entry.bytes;
  }

  /**
   * Called by scripts/serve.mjs with a finished 200 response. `key` is the value of PAGE_CACHE_KEY_HEADER:
   * "<page id>|<versions…>". The nonce is read from the response's CSP header; without one nothing is kept.
   */
  put(
    key: string,
    headers: Record<string, string | string[] | number | undefined>,
    html: string,
    now = Date.now(),
  ): boolean {
    const id = key.split("|")[0]!;
    const csp = String(headers["content-security-policy"] ?? "");
    const nonce = /'nonce-([A-Za-z0-9+/=]{16,})'/.exec(csp)?.[1];
    // A page for this request only (a rate-limit notice rendered after the proxy's check) is never kept.
    if (!nonce || headers["set-cookie"] !== undefined || html.includes(PAGE_CACHE_REFUSE_ATTRIBUTE)) return false;
    const replayed: [string, string[]][] = [];
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined || NOT_REPLAYED.has(name.toLowerCase())) continue;
      for (const v of Array.isArray(value) ? value : [value]) replayed.push([name, String(v).split(nonce)]);
    }
    const bytes = html.length * 2;
    if (bytes > this.maxBytes / 4) return false;
    this.drop(id);
    this.entries.set(id, { key, headers: replayed, parts: html.split(nonce), bytes, expires: now + TTL_MS });
    this.bytes += bytes;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest);
    }
    return true;
  }
}

const store = globalThis as unknown as { [PAGE_CACHE_STORE]?: PageCache | null; [PAGE_CACHE_RECORDER]?: boolean };

/** PAGE_CACHE_MB (default 32; 0 turns the cache off). */
const configuredBytes = () => getEnv().PAGE_CACHE_MB * 1024 * 1024;

/** The process's cache, or null when it is turned off or nothing in this process records pages. */
export function getPageCache(): PageCache | null {
  if (store[PAGE_CACHE_RECORDER] !== true) return null;
  if (store[PAGE_CACHE_STORE] === undefined) {
    const bytes = configuredBytes();
    store[PAGE_CACHE_STORE] = bytes > 0 ? new PageCache(bytes) : null;
  }
  return store[PAGE_CACHE_STORE];
}
