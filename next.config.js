// @ts-check

const { securityHeaders, immutableCacheControl } = require("./lib/http/response-headers.cjs");

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A self-contained server bundle in .next/standalone for container deployments (README, Deployment).
  output: "standalone",
  // Files read at run time that tracing cannot see: register, fonts, migrations (for /api/health).
  outputFileTracingIncludes: {
    "/**": [
      "./lib/municipalities/register-data.json",
      "./lib/report/pdf/fonts/**",
      "./prisma/migrations/**",
      "./prisma/postgresql/migrations/**",
    ],
  },
  reactStrictMode: true,
  // Native module and the generated Prisma client stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pdfkit", "fontkit", "prom-client"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Versioned file names (…-v1.woff2, scripts/subset-fonts.sh): a changed font gets a new name.
      { source: "/fonts/:file*", headers: [{ key: "Cache-Control", value: immutableCacheControl }] },
    ];
  },
};

module.exports = nextConfig;
