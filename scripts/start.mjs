// `npm start`: check the settings, generate the Prisma client if missing, migrate the database, then serve the
// production build (default port 3000).
//
// It never rebuilds a build that exists: a build older than the sources is refused with one German line
// (`npm run build` is the upgrade step, README "Upgrading"), so that two instances started from one folder
// never race to build, and an instance never serves something else than what was built and tested. Only a
// checkout without any build, started without NODE_ENV=production, builds once: `npm install && npm start`
// stays the quick start. With NODE_ENV=production a missing build is refused as well.
import { spawnSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import "./lib/no-telemetry.mjs";
import { serverHeapArgs } from "./lib/heap-limit.mjs";
import { unsupportedNode } from "./lib/node-version.mjs";
import { checkSettingsOrExit } from "./lib/check-settings.mjs";
import { buildState } from "./lib/build-state.mjs";
import serverLog from "../lib/http/log.cjs";

const tooOld = unsupportedNode();
if (tooOld) {
  console.error(tooOld);
  process.exit(1);
}

// Every line with an ISO time, as the server's own (lib/http/log.cjs).
serverLog.stampConsole();

// Checked before the build, so a wrong HEAP_LIMIT_MB or any wrong setting fails at once.
const heapArgs = serverHeapArgs();
await checkSettingsOrExit({ ...process.env, NODE_ENV: "production" });

const root = process.cwd();
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (
  !existsSync(path.join(root, "lib/generated/prisma/client.ts")) ||
  !existsSync(path.join(root, "lib/generated/prisma-pg/client.ts"))
) {
  run("npm", ["run", "--silent", "db:generate"]);
}

const refuse = (message) => {
  console.error(message);
  process.exit(1);
};
const build = buildState(root);
if (!build.built) {
  if (process.env.NODE_ENV === "production")
    refuse("Kein Build vorhanden. Bitte zuerst „npm run build“ ausführen, dann „npm start“.");
  console.log("Kein Build vorhanden: baue die Anwendung einmal (next build) …");
  run(process.execPath, ["node_modules/next/dist/bin/next", "build"]);
} else {
  const { newer } = build;
  if (newer)
    refuse(
      `Der Build ist älter als die Quellen (${newer.file} wurde danach geändert). Bitte „npm run build“ ausführen und die Instanzen danach nacheinander neu starten (README, Aktualisieren).`,
    );
}

run(process.execPath, ["scripts/migrate.mjs"]);

const server = spawn(process.execPath, [...heapArgs, "scripts/serve.mjs"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
