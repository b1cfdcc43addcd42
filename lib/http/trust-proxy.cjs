// @ts-check
// CommonJS, so that lib/env.ts and scripts/serve.mjs read TRUST_PROXY with the same rule.

/**
 * TRUST_PROXY: "true" or "1" behind a reverse proxy that sets X-Forwarded-For and X-Forwarded-Proto;
 * "false", "0", empty or unset otherwise. Anything else is refused (null), so that a typo such as "yes"
 * does not silently leave rate limits on the proxy's address.
 * @param {string | undefined} value
 * @returns {boolean | null}
 */
function parseTrustProxy(value) {
  const v = (value ?? "").trim().toLowerCase();
  if (v === "true" || v === "1") return true;
  if (v === "false" || v === "0" || v === "") return false;
  return null;
}

const TRUST_PROXY_MESSAGE =
  "TRUST_PROXY muss true, 1, false oder 0 sein (true nur hinter einem Reverse Proxy, der X-Forwarded-For setzt).";

module.exports = { parseTrustProxy, TRUST_PROXY_MESSAGE };
