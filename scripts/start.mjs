// `npm start`: generate the Prisma client if missing, build if the build is missing or older
// than the sources, migrate the database, then serve the production build (default port 3000).
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import "./lib/no-telemetry.mjs";
import { serverHeapArgs } from "./lib/heap-limit.mjs";
import { unsupportedNode } from "./lib/node-version.mjs";

const tooOld = unsupportedNode();
if (tooOld) {
  console.error(tooOld);
  process.exit(1);
}

// Checked before the build, so a wrong HEAP_LIMIT_MB fails at once.
const heapArgs = serverHeapArgs();

const root = process.cwd();
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Only sources count: generated code and databases (which change on every write) do not.
    if (entry.name === "generated" || entry.name === "node_modules" || /\.db(-journal|-wal|-shm)?$/.test(entry.name))
      continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

if (
  !existsSync(path.join(root, "lib/generated/prisma/client.ts")) ||
  !existsSync(path.join(root, "lib/generated/prisma-pg/client.ts"))
) {
  run("npm", ["run", "--silent", "db:generate"]);
}

const buildId = path.join(root, ".next", "BUILD_ID");
const sourcesChanged = () =>
  Math.max(
    ...["app", "components", "lib", "public", "prisma"].map((d) => newestMtime(path.join(root, d))),
    ...["next.config.js", "package.json", "proxy.ts"].map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)),
  ) > statSync(buildId).mtimeMs;
if (!existsSync(buildId) || sourcesChanged()) {
  console.log("Baue die Anwendung (next build) …");
  run(process.execPath, ["node_modules/next/dist/bin/next", "build"]);
}

run(process.execPath, ["scripts/migrate.mjs"]);

const server = spawn(process.execPath, [...heapArgs, "scripts/serve.mjs"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
