// `npm test`: every test the project has, in order of cost. Fails fast on the first failing suite.
// First a preflight: what the tests need from outside npm (Chromium, sqlite3, …) and this machine lacks is named in
// one block with the command that installs it, and nothing runs. `npm test -- --preflight` runs the preflight only.
import { spawnSync } from "node:child_process";
import "./lib/no-telemetry.mjs";
import { preflight, preflightMessage } from "./lib/preflight.mjs";

const check = await preflight();
if (check.missing.length > 0) {
  console.error(preflightMessage(check.missing));
  process.exit(2);
}
console.log(`Vorprüfung: alles da (Node.js ${process.version}, Chromium ${check.chromium}).`);
if (process.argv.includes("--preflight")) process.exit(0);

const suites = [
  ["Typecheck", ["node_modules/typescript/bin/tsc", "--noEmit"]],
  [
    "Lint (ESLint: code and the layering rules of eslint.config.mjs)",
    ["node_modules/eslint/bin/eslint.js", "--max-warnings=0", "."],
  ],
  [
    "Formatting (Prettier: .prettierrc.json; `npm run format` fixes it)",
    ["node_modules/prettier/bin/prettier.cjs", "--check", "--log-level", "warn", "."],
  ],
  ["OpenAPI (generated from the zod schemas, linted with Redocly)", ["scripts/openapi-lint.mjs"]],
  ["Unit tests (Vitest)", ["node_modules/vitest/vitest.mjs", "run"]],
  // npm start never rebuilds an existing build (scripts/start.mjs): the browser tests need a current one.
  ["Build (next build, when missing or older than the sources)", ["scripts/lib/build-if-stale.mjs"]],
  ["API and browser tests (Playwright)", ["node_modules/@playwright/test/cli.js", "test"]],
  ["Backup and restore (SQLite and PostgreSQL)", ["scripts/test-backup-restore.mjs"]],
];

for (const [name, args] of suites) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env: { ...process.env, TZ: "Europe/Berlin" } });
  if (r.status !== 0) {
    console.error(`\n${name}: fehlgeschlagen (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}
console.log("\nAlle Tests bestanden.");
