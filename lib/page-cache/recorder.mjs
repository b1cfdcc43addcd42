// The recording half of the page cache (./store.ts): the proxy (./lookup.ts) marks a response that may be
// kept with PAGE_CACHE_KEY_HEADER; this records its body as Next sends it and hands a finished 200 HTML
// response to the cache, which the proxy created on globalThis. The header itself never reaches the
// client. Plain JavaScript: scripts/serve.mjs loads it outside Next's bundle.
import zlib from "node:zlib";
import constants from "./constants.cjs";

const {
  PAGE_CACHEABLE_HEADER,
  PAGE_CACHE_KEY_HEADER,
  PAGE_CACHE_STATUS_HEADER,
  PAGE_CACHE_STORE,
  PAGE_CACHE_RECORDER,
} = constants;

// Tells the proxy that responses are recorded in this process (under another server it caches nothing).
globalThis[PAGE_CACHE_RECORDER] = true;

/**
 * Marks a plain document GET for the proxy, which cannot tell one from a request of Next's client router:
 * Next removes the router's headers (RSC, Next-Router-*) and its _rsc parameter before the proxy runs.
 * Whatever a client sends under the marker's name is removed first. True when marked.
 */
export function markPageCacheable(req) {
  delete req.headers[PAGE_CACHEABLE_HEADER];
  if (req.method !== "GET" || /[?&]_rsc=/.test(req.url ?? "")) return false;
  for (const name of Object.keys(req.headers)) if (name === "rsc" || name.startsWith("next-")) return false;
  req.headers[PAGE_CACHEABLE_HEADER] = "1";
  return true;
}

const DECODE = { gzip: zlib.gunzipSync, br: zlib.brotliDecompressSync, deflate: zlib.inflateSync };

function decode(body, encoding) {
  if (!encoding || encoding === "identity") return body;
  const fn = DECODE[String(encoding).toLowerCase()];
  return fn ? fn(body) : null;
}

/** Wraps res before Next's handler sees it; scripts/serve.mjs calls it only for requests markPageCacheable marked. */
export function recordForPageCache(res) {
  let key = null;
  const chunks = [];
  const { setHeader, appendHeader, writeHead, write, end } = res;
  const take = (name, value) => {
    if (String(name).toLowerCase() !== PAGE_CACHE_KEY_HEADER) return false;
    key = String(Array.isArray(value) ? value[0] : value);
    setHeader.call(res, PAGE_CACHE_STATUS_HEADER, "miss");
    return true;
  };
  res.setHeader = function (name, value) {
    return take(name, value) ? this : setHeader.call(this, name, value);
  };
  if (appendHeader) {
    res.appendHeader = function (name, value) {
      return take(name, value) ? this : appendHeader.call(this, name, value);
    };
  }
  res.writeHead = function (status, ...rest) {
    for (const arg of rest) {
      if (arg && typeof arg === "object" && !Array.isArray(arg)) {
        for (const name of Object.keys(arg)) if (take(name, arg[name])) delete arg[name];
      }
    }
    return writeHead.call(this, status, ...rest);
  };
  const collect = (chunk, encoding) => {
    if (key === null || chunk == null || typeof chunk === "function") return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
  };
  res.write = function (chunk, encoding, cb) {
    collect(chunk, encoding);
    return write.call(this, chunk, encoding, cb);
  };
  res.end = function (chunk, encoding, cb) {
    collect(chunk, encoding);
    return end.call(this, chunk, encoding, cb);
  };
  res.on("finish", () => {
    const cache = globalThis[PAGE_CACHE_STORE];
    if (key === null || !cache || res.statusCode !== 200) return;
    if (!String(res.getHeader("content-type") ?? "").startsWith("text/html")) return;
    try {
      const body = decode(Buffer.concat(chunks), res.getHeader("content-encoding"));
      if (body) cache.put(key, res.getHeaders(), body.toString("utf8"));
    } catch {
      // A body that does not decode is simply not kept.
    }
  });
}
