// The build's static files, answered from memory by scripts/serve.mjs before Next sees the request.
//
// Next's own handler reads each file from disk and gzips it anew for every request: measured at 7–18 ms of
// CPU for one of our scripts or stylesheets, more than rendering a cached page. A first visit fetches about a
// dozen of them. These files never change while the process runs (a new build means a new process), so they
// are read and compressed once at start: .next/static (about 1.2 MB) and the web fonts of public/fonts.
// Headers are those Next sends for them (next.config.js): the security headers, immutable caching, an ETag.
// A path that is not one of these files (another file type, a percent-encoded or unknown name) goes to Next.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";

const require = createRequire(import.meta.url);
const { securityHeaders, immutableCacheControl } = require("../../lib/http/response-headers.cjs");

const TYPES = new Map([
  [".js", "application/javascript; charset=UTF-8"],
  [".css", "text/css; charset=UTF-8"],
  [".woff2", "font/woff2"],
]);
/** woff2 is compressed already. */
const COMPRESSIBLE = new Set([".js", ".css"]);

function filesUnder(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : e.isFile() ? [path.join(dir, e.name)] : [],
  );
}

/**
 * URL path → { body, gzip, type, etag } for every file of `<root>/.next/static` (as /_next/static/…) and of
 * `<root>/public/fonts` (as /fonts/…) whose type is one of TYPES.
 */
export function loadStaticFiles(root) {
  const files = new Map();
  const add = (urlPath, file) => {
    const ext = path.extname(file);
    const type = TYPES.get(ext);
    if (!type) return;
    const body = readFileSync(file);
    const gzip = COMPRESSIBLE.has(ext) ? gzipSync(body) : null;
    // Weak: the gzip and the plain body are the same resource.
    const etag = `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
    files.set(urlPath, { body, gzip: gzip && gzip.length < body.length ? gzip : null, type, etag });
  };
  for (const [dir, prefix] of [
    [path.join(root, ".next", "static"), "/_next/static/"],
    [path.join(root, "public", "fonts"), "/fonts/"],
  ]) {
    for (const file of filesUnder(dir)) add(prefix + path.relative(dir, file).split(path.sep).join("/"), file);
  }
  return files;
}

/** Accept-Encoding allows gzip: "gzip" or "*" without q=0. */
export function acceptsGzip(header) {
  if (typeof header !== "string") return false;
  return header.split(",").some((part) => {
    const [name, ...params] = part.split(";").map((s) => s.trim());
    if (name.toLowerCase() !== "gzip" && name !== "*") return false;
    const q = params.find((p) => p.toLowerCase().startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

function matchesEtag(header, etag) {
  if (typeof header !== "string") return false;
  const bare = (t) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => t.trim() === "*" || bare(t) === bare(etag));
}

/** Answers GET and HEAD for one of `files`; returns false (and does nothing) for any other request. */
export function serveStaticFile(files, req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = req.url ?? "";
  const query = url.indexOf("?");
  const file = files.get(query === -1 ? url : url.slice(0, query));
  if (!file) return false;
  for (const { key, value } of securityHeaders) res.setHeader(key, value);
  res.setHeader("Cache-Control", immutableCacheControl);
  res.setHeader("Content-Type", file.type);
  res.setHeader("ETag", file.etag);
  if (file.gzip) res.setHeader("Vary", "Accept-Encoding");
  if (matchesEtag(req.headers["if-none-match"], file.etag)) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  const gzip = file.gzip !== null && acceptsGzip(req.headers["accept-encoding"]);
  const body = gzip ? file.gzip : file.body;
  if (gzip) res.setHeader("Content-Encoding", "gzip");
  res.setHeader("Content-Length", body.length);
  res.statusCode = 200;
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}
