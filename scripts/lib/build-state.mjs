// Whether the production build in .next matches the sources: npm start refuses a missing or stale build in
// production (scripts/start.mjs), npm test builds before the browser tests when it is (scripts/test-all.mjs).
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "public", "prisma"];
const SOURCE_FILES = ["next.config.js", "package.json", "proxy.ts", "instrumentation.ts"];

/** { built: false } | { built: true, newer: { file, mtimeMs } | null }: the newest source changed after the build. */
export function buildState(root = process.cwd()) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return { built: false, newer: null };
  const than = statSync(buildId).mtimeMs;
  let newer = null;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p, { withFileTypes: true }))
        // Only sources count: generated code and databases (which change on every write) do not.
        if (
          entry.name !== "generated" &&
          entry.name !== "node_modules" &&
          !/\.db(-journal|-wal|-shm)?$/.test(entry.name)
        )
          visit(path.join(p, entry.name));
    } else if (stat.mtimeMs > than && (!newer || stat.mtimeMs > newer.mtimeMs))
      newer = { file: path.relative(root, p), mtimeMs: stat.mtimeMs };
  };
  for (const d of SOURCE_DIRS) visit(path.join(root, d));
  for (const f of SOURCE_FILES) visit(path.join(root, f));
  return { built: true, newer };
}
