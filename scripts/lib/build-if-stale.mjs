// `npm test`'s build step: next build when the build is missing or older than the sources (scripts/lib/build-state.mjs).
import { spawnSync } from "node:child_process";
import "./no-telemetry.mjs";
import { buildState } from "./build-state.mjs";

const { built, newer } = buildState();
if (built && !newer) console.log("Build ist aktuell.");
else {
  console.log(built ? `Build älter als ${newer.file}: next build …` : "Kein Build: next build …");
  const r = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}
