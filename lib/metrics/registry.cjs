// Prometheus metrics of this process (GET /api/metrics, behind METRICS_TOKEN), with prom-client. One registry
// per process, kept on globalThis: scripts/serve.mjs (requests), the app's bundle (saves, releases, rate-limit
// refusals) and the standalone server's instrumentation share it, although each loads this file on its own.
"use strict";

const client = require("prom-client");

const KEY = Symbol.for("digitalcheck.metrics");

function create() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const requests = new client.Counter({
    name: "digitalcheck_http_requests_total",
    help: "HTTP requests by route (tokens and ids replaced) and status",
    labelNames: ["route", "status"],
    registers: [registry],
  });
  const durations = new client.Histogram({
    name: "digitalcheck_http_request_duration_seconds",
    help: "HTTP request durations by route",
    labelNames: ["route"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const saves = new client.Counter({
    name: "digitalcheck_answer_saves_total",
    help: "Saved answers of assessments",
    registers: [registry],
  });
  const releases = new client.Counter({
    name: "digitalcheck_peer_releases_total",
    help: "Peer figures released for a cell (state and size class)",
    registers: [registry],
  });
  const refusals = new client.Counter({
    name: "digitalcheck_rate_limit_refusals_total",
    help: "Requests refused by a rate limit, by limit",
    labelNames: ["limit"],
    registers: [registry],
  });
  return { registry, requests, durations, saves, releases, refusals };
}

function metrics() {
  globalThis[KEY] ??= create();
  return globalThis[KEY];
}

/**
 * The route of a path for a label: edit tokens, ids and keys become placeholders, static files one route, so
 * that the number of series stays small and no secret becomes a label.
 */
function routeOf(path) {
  if (path.startsWith("/_next/")) return "/_next/*";
  if (path.startsWith("/fonts/")) return "/fonts/*";
  return path
    .replace(/\/(a|k|api\/assessments|api\/colleagues)\/[^/]+/g, "/$1/[token]")
    .replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi, "/[id]")
    .replace(/\/\d{5,}(?=\/|$)/g, "/[key]")
    .replace(/\/schritt\/[^/]+/, "/schritt/[step]")
    .replace(/\/jahr\/[^/]+/, "/jahr/[id]")
    .slice(0, 80);
}

/** One finished request. */
function observeRequest(path, status, seconds) {
  const m = metrics();
  const route = routeOf(path);
  m.requests.inc({ route, status: String(status) });
  m.durations.observe({ route }, seconds);
}

module.exports = { metrics, observeRequest, routeOf };
