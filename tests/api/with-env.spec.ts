import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { OPERATOR_TEST_PASSWORD_HASH } from "../support/operator";
import { expect, test } from "../support/test";

// The cron wrapper: a command from cron gets the instance's settings from an env file, taken as
// written ($ stays $), and never runs without DATABASE_URL.
test("node scripts/with-env.mjs runs a command with the env file's settings, and refuses a file without DATABASE_URL", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "with-env-"));
  const db = `file:${path.join(dir, "cron.db")}`;
  execFileSync(process.execPath, ["scripts/migrate.mjs"], { env: { ...process.env, DATABASE_URL: db } });
  const file = path.join(dir, "digitalcheck.env");
  writeFileSync(
    file,
    `# the instance's settings\nexport DATABASE_URL='${db}'\nOPERATOR_PASSWORD_HASH=${OPERATOR_TEST_PASSWORD_HASH}\n`,
  );
  chmodSync(file, 0o600);
  const { DATABASE_URL: _, ...withoutDb } = process.env;
  const printed = spawnSync(
    process.execPath,
    [
      "scripts/with-env.mjs",
      file,
      process.execPath,
      "-e",
      "console.log(process.env.DATABASE_URL + ' ' + process.env.OPERATOR_PASSWORD_HASH)",
    ],
    { encoding: "utf8", env: withoutDb },
  );
  expect(printed.status, printed.stderr).toBe(0);
  expect(printed.stdout.trim()).toBe(`${db} ${OPERATOR_TEST_PASSWORD_HASH}`);
  expect(printed.stderr).toBe("");
  const cleanup = spawnSync(process.execPath, ["scripts/with-env.mjs", file, process.execPath, "scripts/cleanup.mjs"], {
    encoding: "utf8",
    env: withoutDb,
  });
  expect(cleanup.status, cleanup.stderr).toBe(0);

  const bad = path.join(dir, "bad.env");
  writeFileSync(bad, "PEER_K=5\nkaputt\n");
  const refused = spawnSync(process.execPath, ["scripts/with-env.mjs", bad, process.execPath, "scripts/cleanup.mjs"], {
    encoding: "utf8",
    cwd: process.cwd(),
    env: withoutDb,
  });
  expect(refused.status).toBe(2);
  expect(refused.stderr).toContain("Zeile 2: erwartet NAME=Wert.");
  expect(refused.stderr).toContain("nennt keine DATABASE_URL");
  expect(refused.stderr).toContain("ist für andere lesbar");
  // The command never ran.
  expect(refused.stdout).toBe("");
});
