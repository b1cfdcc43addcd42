// A public-sector instance makes no outgoing calls and prints no telemetry notice: every script that
// builds or serves with Next.js imports this module first, which turns Next's telemetry off for its own
// process and every process it starts (they inherit the environment).
process.env.NEXT_TELEMETRY_DISABLED = "1";
// Redocly (npm test's OpenAPI lint, scripts/openapi-lint.mjs): no telemetry, no update check.
process.env.REDOCLY_TELEMETRY = "off";
process.env.REDOCLY_SUPPRESS_UPDATE_NOTICE = "true";
process.env.NO_UPDATE_NOTIFIER = "1";
