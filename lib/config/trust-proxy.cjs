// @ts-check
// CommonJS, so that lib/env.ts and scripts/serve.mjs read TRUST_PROXY with the same rule.

/**
 * TRUST_PROXY: how many reverse proxies stand in front of the app and add to X-Forwarded-For, -Proto and
 * -Host: "1" (or "true", as before, for one proxy) up to "9"; "false", "0", empty or unset without a proxy.
 * Anything else is refused (null), so that a typo such as "yes" does not silently leave rate limits on the
 * proxy's address.
 * @param {string | undefined} value
 * @returns {number | null}
 */
function parseTrustProxy(value) {
  const v = (value ?? "").trim().toLowerCase();
  if (v === "false" || v === "0" || v === "") return 0;
  if (v === "true") return 1;
  if (/^[1-9]$/.test(v)) return Number(v);
  return null;
}

const TRUST_PROXY_MESSAGE =
  "TRUST_PROXY muss die Zahl der Reverse Proxies vor der App sein (1 bis 9; true steht für 1) oder false, 0 bzw. leer ohne Proxy.";

/**
 * The entry of a forwarding header that the outermost trusted proxy wrote. Each proxy appends what it saw
 * (nginx: $proxy_add_x_forwarded_for; Apache's mod_proxy), so whatever a client sends itself stands to the
 * left: the entry `hops` places from the right counts, the leftmost where the list is shorter (a proxy that
 * sets the header instead of appending). Never the first entry of a longer list: a client can write that.
 * @param {string | null | undefined} value the header, comma-separated
 * @param {number} hops the trusted proxies (TRUST_PROXY), at least 1
 * @returns {string | undefined}
 */
function forwardedEntry(value, hops) {
  const parts = (value ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  return parts[Math.max(0, parts.length - Math.max(1, hops))];
}

module.exports = { parseTrustProxy, forwardedEntry, TRUST_PROXY_MESSAGE };
