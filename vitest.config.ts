import path from "node:path";
import { defineConfig } from "vitest/config";

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
