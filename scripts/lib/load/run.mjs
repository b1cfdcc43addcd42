// The frame of a benchmark run (scripts/bench-load.mjs, scripts/bench-web.mjs): the project root, cleanup
// actions that run at the end and on Ctrl-C, and main() with a one-line error.

import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Cleanup actions, run in reverse order at the end or on SIGINT/SIGTERM. */
const cleanups = [];
export function onCleanup(fn) {
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i !== -1) cleanups.splice(i, 1);
  };
}
export async function runCleanups() {
  while (cleanups.length > 0) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (e) {
      console.error(`cleanup: ${e instanceof Error ? e.message : e}`);
    }
  }
}
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: aufräumen …`);
    runCleanups().finally(() => process.exit(130));
  });
}

export function describeMachine() {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model?.trim() ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/** Runs a benchmark's main(): exits with its code, prints a one-line error, runs the cleanups in every case. */
export async function runBenchMain(name, main) {
  let code = 1;
  try {
    code = await main();
  } catch (e) {
    console.error(`${name}: ${e instanceof Error ? e.message : e}`);
  } finally {
    await runCleanups();
  }
  process.exit(code);
}
