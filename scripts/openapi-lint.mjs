#!/usr/bin/env node
// `npm run openapi:lint` (part of `npm test`): generates the OpenAPI document from the zod schemas
// (lib/http/openapi.ts, as /api/openapi.json serves it) into a temporary file and lints it with Redocly
// (recommended rules; errors fail, warnings are printed). Redocly's telemetry and update check are off
// (lib/no-telemetry.mjs).
import "./lib/no-telemetry.mjs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createJiti } from "jiti";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const jiti = createJiti(import.meta.url, { alias: { "@/": `${ROOT}/` }, fsCache: false });
const { buildOpenApi } = await jiti.import(join(ROOT, "lib/http/openapi.ts"));
const dir = mkdtempSync(join(tmpdir(), "kdc-openapi-"));
try {
  const file = join(dir, "openapi.json");
  writeFileSync(file, JSON.stringify(buildOpenApi(), null, 2));
  const r = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/@redocly/cli/bin/cli.js"), "lint", file, "--format", "stylish"],
    { stdio: "inherit" },
  );
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
