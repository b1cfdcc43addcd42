// @ts-check
// CommonJS, so that next.config.js and scripts/serve.mjs (which answers the static files itself) share it.

/** Headers for every response. The edit link carries a secret token, so no page may leak its URL. */
const securityHeaders = [
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
];

/** For files whose name changes with their content: Next's build output and the versioned fonts (…-v1.woff2). */
const immutableCacheControl = "public, max-age=31536000, immutable";

module.exports = { securityHeaders, immutableCacheControl };
