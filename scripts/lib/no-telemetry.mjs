// A public-sector instance makes no outgoing calls and prints no telemetry notice: every script that
// builds or serves with Next.js imports this module first, which turns Next's telemetry off for its own
// process and every process it starts (they inherit the environment).
process.env.NEXT_TELEMETRY_DISABLED = "1";
