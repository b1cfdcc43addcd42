import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "../support/test";

// Settings checked at start: npm start, scripts/serve.mjs and the standalone server check every
// setting of lib/env.ts before they answer anything, and stop with one German line per problem, so that a typo
// never leaves a server that says it listens but answers 500 on every page.

const BAD = {
  PEER_K: "abc",
  // What a shell leaves of scrypt$<salt>$<hash> in double quotes: "$a2fd…" expanded to nothing.
  OPERATOR_PASSWORD_HASH: "scrypt",
  PUBLIC_URL: "htps://tippfehler",
  OPERATOR_EMAIL: "keine-adresse",
};
const LINES = [
  "PEER_K muss eine ganze Zahl ab 5 sein.",
  "OPERATOR_PASSWORD_HASH hat nicht das Format scrypt$<salt>$<hash>",
  "in einer .env-Datei jedes $ als \\$ schreiben, in docker-compose als $$",
  "PUBLIC_URL ist keine gültige Adresse (sie muss mit https:// oder http:// beginnen): htps://tippfehler",
  "OPERATOR_EMAIL ist keine E-Mail-Adresse.",
  "Der Server startet nicht",
];

function start(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, args, {
    encoding: "utf8",
    // A port nothing else uses: if the check failed, the server would still not disturb the suite's.
    env: { ...process.env, DATABASE_URL: "file:./prisma/settings-never-created.db", PORT: "3999", ...env },
    timeout: 60_000,
  });
}

for (const [name, args] of [
  ["npm start (scripts/start.mjs)", ["scripts/start.mjs"]],
  ["scripts/serve.mjs", ["scripts/serve.mjs"]],
  ["scripts/serve.mjs with two workers", ["scripts/serve.mjs"]],
  ["the standalone server (.next/standalone/server.js)", [".next/standalone/server.js"]],
] as const)
  test(`${name} refuses wrong settings with one German line each and never listens`, () => {
    expect(existsSync(args[0]), `${args[0]} (run next build first)`).toBe(true);
    const result = start([...args], { ...BAD, ...(name.includes("two workers") ? { WEB_CONCURRENCY: "2" } : {}) });
    expect(result.status, result.stderr).toBe(1);
    for (const line of LINES) expect(result.stderr).toContain(line);
    expect(result.stderr).not.toMatch(/\n\s+at |ZodError|Invalid input|expected number/);
    // Every line with its ISO time (lib/http/log.cjs).
    for (const line of result.stderr.trim().split("\n"))
      expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z /);
    // Our servers check before they listen. The standalone server is Next's own: it opens its port and runs
    // instrumentation.ts at once, which stops it before it answers anything.
    if (!name.includes("standalone")) expect(result.stdout).not.toMatch(/listening|Ready/i);
    expect(existsSync("prisma/settings-never-created.db")).toBe(false);
  });

test("a single wrong setting gets a single line", () => {
  const result = start(["scripts/serve.mjs"], { PEER_K: "3" });
  expect(result.status).toBe(1);
  expect(
    result.stderr
      .trim()
      .split("\n")
      .map((l) => l.replace(/^\S+Z /, "")),
  ).toEqual([
    "PEER_K muss mindestens 5 sein.",
    "Der Server startet nicht: Bitte korrigieren Sie die Einstellungen oben.",
  ]);
});

// Production start never builds: a folder whose build is older than its sources, or has none, is
// refused with one German line, so that two instances started from one folder never race to build. The
// folders here borrow the project's sources through links and carry a build stamp of their own.
function folderWithBuild(stamp: Date | null) {
  const dir = mkdtempSync(path.join(tmpdir(), "start-"));
  for (const name of ["app", "components", "lib", "public", "prisma", "node_modules", "package.json", "next.config.js"])
    symlinkSync(path.resolve(name), path.join(dir, name));
  if (stamp) {
    mkdirSync(path.join(dir, ".next"));
    writeFileSync(path.join(dir, ".next", "BUILD_ID"), "test");
    utimesSync(path.join(dir, ".next", "BUILD_ID"), stamp, stamp);
  }
  return dir;
}

for (const [name, stamp, message] of [
  [
    "a build older than the sources",
    new Date("2020-01-01T00:00:00Z"),
    /^Der Build ist älter als die Quellen \(.+ wurde danach geändert\)\. Bitte „npm run build“ ausführen und die Instanzen danach nacheinander neu starten/,
  ],
  [
    "no build at all, in production",
    null,
    /^Kein Build vorhanden\. Bitte zuerst „npm run build“ ausführen, dann „npm start“\./,
  ],
] as const)
  test(`npm start refuses ${name} with one German line and builds nothing`, () => {
    const dir = folderWithBuild(stamp);
    const result = spawnSync(process.execPath, [path.resolve("scripts/start.mjs")], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: `file:${path.join(dir, "never.db")}`, PORT: "3998" },
      timeout: 60_000,
    });
    expect(result.status, result.stderr).toBe(1);
    // One line, with its ISO time first.
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z /);
    expect(result.stderr.trim().replace(/^\S+ /, "")).toMatch(message);
    expect(result.stdout).not.toContain("next build");
    expect(existsSync(path.join(dir, "never.db"))).toBe(false);
    expect(existsSync(path.join(dir, ".next", "server"))).toBe(false);
  });

test("the privacy page names the data protection officer and the legal basis from the settings", async ({
  request,
}) => {
  const html = await (await request.get("/datenschutz")).text();
  expect(html).toContain("Datenschutzbeauftragte Stelle");
  expect(html).toContain("Datenschutzbeauftragte der Stadt Prüfstadt");
  expect(html).toContain("datenschutz@pruefstadt.example");
  expect(html).toContain("Art. 6 Abs. 1 lit. e DSGVO in Verbindung mit § 3 Landesdatenschutzgesetz Prüfland");
  expect(html).not.toContain("noch keine Datenschutzbeauftragte Stelle angegeben");
});
