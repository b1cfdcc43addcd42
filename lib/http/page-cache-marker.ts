/**
 * An attribute that a page renders when its HTML concerns the one request only (such as the "too many
 * requests" notice): lib/http/page-cache.ts never keeps a page that contains it. No server-only import,
 * so that components can use it.
 */
export const PAGE_CACHE_REFUSE_ATTRIBUTE = "data-no-page-cache";
