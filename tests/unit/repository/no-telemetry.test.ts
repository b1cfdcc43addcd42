import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";

/**
 * A public-sector instance makes no outgoing calls: Next.js's telemetry is off wherever the project
 * builds or serves with Next (npm start, the build, the tests, the benchmarks), and Next prints no notice.
 */

const ROOT = path.resolve(__dirname, "../../..");
const STARTS_NEXT = /node_modules\/next\/dist\/bin\/next|import\("next"\)|from "next"/;
const TURNS_IT_OFF = /import "\.{1,2}\/(lib\/)?no-telemetry\.mjs";/;

const scriptFiles = (dir: string): string[] =>
  readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? scriptFiles(path.join(dir, e.name)) : e.name.endsWith(".mjs") ? [path.join(dir, e.name)] : [],
  );

describe("Next.js runs without telemetry", () => {
  test("every script that builds or serves with Next imports scripts/lib/no-telemetry.mjs", () => {
    const starting = scriptFiles("scripts").filter((f) => STARTS_NEXT.test(readFileSync(path.join(ROOT, f), "utf8")));
    expect(starting).toEqual(expect.arrayContaining(["scripts/start.mjs", "scripts/serve.mjs"]));
    expect(starting.filter((f) => !TURNS_IT_OFF.test(readFileSync(path.join(ROOT, f), "utf8")))).toEqual([]);
  });

  test("npm test turns it off for everything it starts", () => {
    expect(readFileSync(path.join(ROOT, "scripts/test-all.mjs"), "utf8")).toMatch(TURNS_IT_OFF);
  });

  test("every npm script that calls the next command sets NEXT_TELEMETRY_DISABLED=1", () => {
    const scripts = (
      JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }
    ).scripts;
    const callingNext = Object.entries(scripts).filter(([, cmd]) => /(^|&&\s*|\s)next\s/.test(cmd));
    expect(callingNext.map(([name]) => name)).toEqual(expect.arrayContaining(["build", "dev"]));
    expect(callingNext.filter(([, cmd]) => !cmd.includes("NEXT_TELEMETRY_DISABLED=1 next "))).toEqual([]);
  });

  test("with the module loaded, Next reports telemetry as disabled and prints no notice", () => {
    // In a folder of its own: on a machine that looks like CI or a container, Next keeps its telemetry
    // settings in ./cache of the working directory.
    const cwd = mkdtempSync(path.join(os.tmpdir(), "dc-telemetry-"));
    try {
      const next = path.join(ROOT, "node_modules/next/dist/bin/next");
      const script = `process.stdout.write(require("node:child_process").execFileSync(process.execPath, [${JSON.stringify(next)}, "telemetry", "status"], { encoding: "utf8" }))`;
      const run = spawnSync(
        process.execPath,
        ["--import", path.join(ROOT, "scripts/lib/no-telemetry.mjs"), "-e", script],
        {
          cwd,
          encoding: "utf8",
          env: { ...process.env, NEXT_TELEMETRY_DISABLED: "" },
        },
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain("Status: Disabled");
      expect(run.stdout).not.toContain("collects completely anonymous telemetry");
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
