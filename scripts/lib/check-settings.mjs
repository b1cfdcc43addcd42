// The settings check of npm start and scripts/serve.mjs: every setting of lib/env.ts, before anything is built,
// migrated or listened on; one German line per problem, then exit 1. The same check runs inside every server of
// the build (instrumentation.ts), so the standalone server and an install without dev dependencies (no jiti to
// read lib/env.ts here) refuse a wrong setting too.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");

/** The problems with the settings of `env`, as German lines; null when lib/env.ts cannot be read here. */
export async function settingsProblems(env = process.env) {
  let createJiti;
  try {
    ({ createJiti } = await import("jiti"));
  } catch {
    return null;
  }
  const require = createRequire(import.meta.url);
  const jiti = createJiti(import.meta.url, {
    alias: { "server-only": join(dirname(require.resolve("server-only")), "empty.js"), "@/": `${ROOT}/` },
    fsCache: false,
  });
  const { checkEnv } = await jiti.import(join(ROOT, "lib/env.ts"));
  return checkEnv(env);
}

/** Prints every problem and exits 1, or returns when the settings are right. */
export async function checkSettingsOrExit(env = process.env) {
  const problems = await settingsProblems(env);
  if (!problems || problems.length === 0) return;
  for (const line of problems) console.error(line);
  console.error("Der Server startet nicht: Bitte korrigieren Sie die Einstellungen oben.");
  process.exit(1);
}
