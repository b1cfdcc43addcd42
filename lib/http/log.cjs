// The server's log (scripts/serve.mjs, and the standalone server through instrumentation.ts): one JSON line per
// event, each with an ISO time first; one line per request with its id, method, path without tokens or query,
// status and duration. Nothing else a user sent: no query strings, tokens, bodies or client addresses.
"use strict";

const { randomUUID } = require("node:crypto");

/** Paths without secrets for logs: edit tokens become [token]; query strings are left out entirely. */
function redactPath(url) {
  const path = (url ?? "/").split("?")[0];
  return path.replace(/\/(a|k|api\/assessments|api\/colleagues)\/[A-Za-z0-9_-]{16,}/g, "/$1/[token]");
}

/** Writes one JSON log line: { time, …entry }. */
function logLine(entry) {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
}

/**
 * Gives the request its id (X-Request-Id when a proxy sent a sane one, else a new one), answers it in the
 * response header, and logs the request when the response is finished.
 */
function logRequest(req, res) {
  const started = process.hrtime.bigint();
  const incoming = req.headers["x-request-id"];
  const id = typeof incoming === "string" && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomUUID();
  req.headers["x-request-id"] = id;
  res.setHeader("x-request-id", id);
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // Loaded on first use: npm start reads this file before any metrics exist.
    require("../metrics/registry.cjs").observeRequest(redactPath(req.url), res.statusCode, ms / 1000);
    logLine({
      level: res.statusCode >= 500 ? "error" : "info",
      msg: "request",
      id,
      method: req.method,
      path: redactPath(req.url),
      status: res.statusCode,
      ms: Math.round(ms * 10) / 10,
    });
  });
  return id;
}

let stamped = false;
/**
 * Every other line on stdout and stderr (Next's own messages, a library's warning) gets the ISO time in front,
 * unless it is already a JSON line with one.
 */
function stampConsole() {
  if (stamped) return;
  stamped = true;
  for (const method of ["log", "info", "warn", "error", "debug"]) {
    const original = console[method].bind(console);
    console[method] = (...args) => {
      const first = args[0];
      if (typeof first === "string" && first.startsWith('{"time":')) return original(...args);
      if (typeof first === "string" && first.startsWith("{")) {
        try {
          const parsed = JSON.parse(first);
          if (parsed && typeof parsed === "object" && args.length === 1)
            return original(JSON.stringify({ time: new Date().toISOString(), ...parsed }));
        } catch {
          // not JSON: stamped below
        }
      }
      return original(new Date().toISOString(), ...args);
    };
  }
}

module.exports = { redactPath, logLine, logRequest, stampConsole };
