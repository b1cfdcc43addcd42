import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

/**
 * The repository stands on its own: whoever clones it elsewhere has no workspace folder beside it,
 * so no code, script or test may read one. Everything the project needs is committed with its
 * provenance (data/gemeindeverzeichnis/, docs/sources/).
 */

const ROOT = path.resolve(__dirname, "../../..");
const SELF = "tests/unit/repository/standalone.test.ts";
const CHECKED_FOLDERS = ["app", "components", "lib", "scripts", "tests", "prisma", ".ci"];
const CHECKED_ROOT_FILES = [
  "package.json",
  "next.config.js",
  "playwright.config.ts",
  "vitest.config.ts",
  "prisma.config.ts",
  "proxy.ts",
  "tsconfig.json",
];

// A path up into the workspace's shared folder, or into one of its known parts. This file is the one
// that names such paths (as examples of what the pattern flags), so it is left out of the search.
const OUTSIDE_PATH = /\.\.[\\/]+shared\b|\bshared[\\/]+(?:data|seeds|hooks|CONTRACT\.md|STYLE\.md)\b/;

function trackedFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "-z", "--", ...CHECKED_FOLDERS, ...CHECKED_ROOT_FILES], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return out.split("\0").filter((file) => file !== "" && file !== SELF && !/\.(woff2|ttf|png|ico|db)$/.test(file));
}

describe("the repository stands on its own", () => {
  test("the check sees the project's files", () => {
    const files = trackedFiles();
    expect(files).toContain("scripts/register-import.mjs");
    expect(files).toContain("tests/unit/municipalities/register.test.ts");
    expect(files.length).toBeGreaterThan(200);
  });

  test("no file under app/, components/, lib/, scripts/, tests/, prisma/ or .ci/ names the workspace's shared folder", () => {
    const offenders = trackedFiles().flatMap((file) =>
      readFileSync(path.join(ROOT, file), "utf8")
        .split("\n")
        .flatMap((line, i) => (OUTSIDE_PATH.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });

  test.each([
    ["../shared/data/gemeindeverzeichnis/municipalities-de.csv", true],
    ["path.resolve(__dirname, '../../../../shared/seeds/000.txt')", true],
    ["..\\shared\\data", true],
    ["see shared/CONTRACT.md", true],
    ["the shared copy of the register", false],
    ["lib/shared-cache.ts", false],
  ])("the pattern flags %j: %s", (line, flagged) => {
    expect(OUTSIDE_PATH.test(line)).toBe(flagged);
  });

  test("the committed register delivery matches the checksums its README gives", () => {
    const dir = path.join(ROOT, "data/gemeindeverzeichnis");
    const readme = readFileSync(path.join(dir, "README.md"), "utf8");
    const rows = [...readme.matchAll(/^\| `([^`]+)` \|.*\| `([0-9a-f]{64})` \|$/gm)].map(
      (m) => [m[1]!, m[2]!] as const,
    );
    expect(rows.map(([file]) => file)).toEqual([
      "source/GV100AD_28022026.txt",
      "municipalities-de.csv",
      "municipalities-de-extended.csv",
      "summary.json",
    ]);
    for (const [file, sha] of rows) {
      const actual = createHash("sha256")
        .update(readFileSync(path.join(dir, file)))
        .digest("hex");
      expect(actual, file).toBe(sha);
    }
  });
});
