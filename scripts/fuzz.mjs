// `npm run test:fuzz [-- --seeds 10 --first 1]`: the property tests of tests/api/property/ (hostile input over
// HTTP) once per seed, for many more generated cases than the fixed seed of `npm test` runs. Prints the cases per
// route over all seeds and the seed of any failing run (replay it with FC_SEED=<seed> npm run test:e2e -- tests/api/property/).
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { seeds: { type: "string", default: "10" }, first: { type: "string", default: "1" } },
});
const seeds = Number(values.seeds);
const first = Number(values.first);
if (!Number.isInteger(seeds) || seeds < 1 || !Number.isInteger(first)) {
  console.error("Aufruf: npm run test:fuzz -- --seeds <Anzahl ≥ 1> --first <erster Seed>");
  process.exit(2);
}

const casesByRoute = new Map();
const failed = [];
for (let seed = first; seed < first + seeds; seed += 1) {
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    ["node_modules/@playwright/test/cli.js", "test", "tests/api/property/", "--project", "api"],
    {
      env: { ...process.env, FC_SEED: String(seed), TZ: "Europe/Berlin" },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const output = `${run.stdout}${run.stderr}`;
  for (const m of output.matchAll(/\[fast-check\] (.+): (\d+) generated cases executed/g)) {
    casesByRoute.set(m[1], (casesByRoute.get(m[1]) ?? 0) + Number(m[2]));
  }
  const summary = output.match(/\d+ (passed|failed)[^\n]*/g)?.join(", ") ?? "no summary";
  console.log(
    `seed ${seed}: ${run.status === 0 ? "ok" : "FAILED"} (${summary}; ${Math.round((Date.now() - started) / 1000)} s)`,
  );
  if (run.status !== 0) {
    failed.push(seed);
    console.log(
      output
        .split("\n")
        .filter((l) => /✘|Error|expect/.test(l))
        .slice(0, 20)
        .join("\n"),
    );
  }
}

console.log(`\nGenerated cases over ${seeds} seeds (${first}–${first + seeds - 1}):`);
for (const [route, n] of casesByRoute) console.log(`  ${route.padEnd(40)} ${n.toLocaleString("en")}`);
console.log(
  `  ${"all routes".padEnd(40)} ${[...casesByRoute.values()].reduce((a, b) => a + b, 0).toLocaleString("en")}`,
);
if (failed.length > 0) {
  console.log(`\nFailing seeds: ${failed.join(", ")}`);
  process.exit(1);
}
console.log("\nNo failure.");
