import path from "node:path";
import { defineConfig } from "vitest/config";
import { unsupportedNode } from "./scripts/lib/node-version.mjs";

// Node 20 cannot load better-sqlite3 13 (it crashes): say so before any test runs (npm test's preflight does too).
const tooOld = unsupportedNode();
if (tooOld) throw new Error(tooOld);

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    env: { TZ: "Europe/Berlin" },
    // server-only throws outside a React Server environment; the unit tests import server modules directly.
    alias: { "server-only": path.resolve(__dirname, "tests/unit/server-only-stub.ts") },
  },
});
