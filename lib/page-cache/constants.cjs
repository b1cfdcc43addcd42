// @ts-check
// The page cache's names, in one place for the app (TypeScript, bundled by Next) and the server that
// records pages (lib/page-cache/recorder.mjs under scripts/serve.mjs): CommonJS, so both can load it.
// No server-only code here: components use PAGE_CACHE_REFUSE_ATTRIBUTE.

/** Request header set by the recorder: a plain document GET (the proxy cannot see the router's headers). */
const PAGE_CACHEABLE_HEADER = "x-kdc-page-cacheable";
/** Response header from the proxy to the recorder: record this response under this key. Never sent to clients. */
const PAGE_CACHE_KEY_HEADER = "x-kdc-page-cache-key";
/** Response header for operators and tests: "hit" (sent from the cache) or "miss" (rendered and recorded). */
const PAGE_CACHE_STATUS_HEADER = "x-page-cache";
/** The process's cache (lib/page-cache/store.ts), created by the proxy, filled by the recorder. */
const PAGE_CACHE_STORE = Symbol.for("kommunaler-digitalcheck.page-cache");
/** Set by the recorder when it is loaded: only then does the proxy use a cache (nothing records otherwise). */
const PAGE_CACHE_RECORDER = Symbol.for("kommunaler-digitalcheck.page-cache-recorder");
/**
 * An attribute that a page renders when its HTML concerns the one request only (such as the "too many
 * requests" notice): the cache never keeps a page that contains it.
 */
const PAGE_CACHE_REFUSE_ATTRIBUTE = "data-no-page-cache";

module.exports = {
  PAGE_CACHEABLE_HEADER,
  PAGE_CACHE_KEY_HEADER,
  PAGE_CACHE_STATUS_HEADER,
  PAGE_CACHE_STORE,
  PAGE_CACHE_RECORDER,
  PAGE_CACHE_REFUSE_ATTRIBUTE,
};
