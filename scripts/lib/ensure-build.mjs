// The production build for the benchmarks (npm run bench:load, npm run bench:web): built as
// scripts/start.mjs builds, and with the bench route.

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import "./no-telemetry.mjs";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "../..");

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name === "node_modules") continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Builds like scripts/start.mjs does (generate the Prisma clients if missing; `next build` if the build is
 * missing or older than the sources), and also when the build lacks the bench route.
 */
export function ensureBuild({ log = console.log } = {}) {
  const run = (args, label) => {
    const r = spawnSync(args[0], args.slice(1), {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production" },
      encoding: "utf8",
      maxBuffer: 64 << 20,
      timeout: 900_000,
    });
    if (r.status !== 0) {
      process.stderr.write(`${r.stdout ?? ""}${r.stderr ?? ""}`.split("\n").slice(-60).join("\n"));
      throw new Error(`${label} fehlgeschlagen (Exit-Code ${r.status ?? r.signal}).`);
    }
    return r.stdout;
  };
  if (
    !existsSync(path.join(ROOT, "lib/generated/prisma/client.ts")) ||
    !existsSync(path.join(ROOT, "lib/generated/prisma-pg/client.ts"))
  ) {
    log("Prisma-Clients fehlen: npm run db:generate …");
    run(["npm", "run", "--silent", "db:generate"], "db:generate");
  }
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  const hasBenchRoute = existsSync(path.join(ROOT, ".next/server/app/api/bench/floor/route.js"));
  const sources = Math.max(
    ...["app", "components", "lib", "public", "prisma"].map((d) => newestMtime(path.join(ROOT, d))),
    ...["next.config.js", "package.json", "proxy.ts"].map((f) =>
      existsSync(path.join(ROOT, f)) ? statSync(path.join(ROOT, f)).mtimeMs : 0,
    ),
  );
  const reason = !existsSync(buildId)
    ? "kein Build vorhanden"
    : !hasBenchRoute
      ? "Build ohne /api/bench/floor"
      : sources > statSync(buildId).mtimeMs
        ? "Quellen neuer als der Build"
        : null;
  if (!reason) {
    log(`Build: vorhanden (${new Date(statSync(buildId).mtimeMs).toISOString()}), aktuell.`);
    return { built: false };
  }
  log(`Build: ${reason}; next build …`);
  const started = performance.now();
  run([process.execPath, "node_modules/next/dist/bin/next", "build"], "next build");
  if (!existsSync(path.join(ROOT, ".next/server/app/api/bench/floor/route.js")))
    throw new Error("Der Build enthält app/api/bench/floor nicht.");
  log(`Build: fertig in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  return { built: true };
}
