// The production HTTP server: Next's request handler behind node:http, so that
// - X-Forwarded-For is the socket's address unless TRUST_PROXY is set (then a reverse proxy must set it;
//   Next alone would keep whatever a client sends, and rate limits could be dodged);
// - SIGTERM/SIGINT stop accepting connections and let in-flight requests finish.
import { randomUUID } from "node:crypto";
import http from "node:http";
import next from "next";
import { markPageCacheable, recordForPageCache } from "./lib/page-cache-recorder.mjs";
import { redactPath } from "./lib/redact-path.mjs";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || "0.0.0.0";
const trustProxy = process.env.TRUST_PROXY === "true" || process.env.TRUST_PROXY === "1";

const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  const started = process.hrtime.bigint();
  const incoming = req.headers["x-request-id"];
  const id = typeof incoming === "string" && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomUUID();
  req.headers["x-request-id"] = id;
  res.setHeader("x-request-id", id);
  if (!trustProxy) {
    req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
    delete req.headers["x-real-ip"];
  }
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // One JSON line per request; no query strings, tokens, bodies or client addresses.
    console.log(JSON.stringify({ level: res.statusCode >= 500 ? "error" : "info", msg: "request", id, method: req.method, path: redactPath(req.url), status: res.statusCode, ms: Math.round(ms * 10) / 10 }));
  });
  markPageCacheable(req);
  recordForPageCache(res);
  handle(req, res);
});
server.keepAliveTimeout = 5_000;
server.listen(port, hostname, () => {
  console.log(JSON.stringify({ level: "info", msg: "listening", url: `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`, trustProxy }));
});

let closing = false;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    console.log(JSON.stringify({ level: "info", msg: "shutting down", signal }));
    // Close the listener only after half a second: connections the kernel has already queued while the
    // event loop was busy (rendering a PDF, say) are accepted and read first; closing the listener at
    // once would reset them, although their clients had sent the request before the signal.
    setTimeout(() => {
      server.close(() => process.exit(0));
      // Keep-alive sockets without a request in flight are closed as soon as they go idle.
      server.closeIdleConnections();
      setInterval(() => server.closeIdleConnections(), 100).unref();
    }, 500);
    // In-flight requests get 10 seconds; then the process ends regardless.
    setTimeout(() => process.exit(1), 10_000).unref();
  });
}
