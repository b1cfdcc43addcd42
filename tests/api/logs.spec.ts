import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { OPERATOR_TEST_PASSWORD, OPERATOR_TEST_PASSWORD_HASH } from "../support/operator";
import { createTestDatabase, startServer, type TServer } from "../support/server";
import { expect, test } from "../support/test";

// Logs: every line carries an ISO time; scripts/serve.mjs and the standalone server log one JSON line
// per request alike; a failed operator login is logged as a failure, under the request's id.
test.describe.configure({ mode: "serial", timeout: 180_000 });
const PORT = 20_010 + Number(process.env.E2E_PORT ?? 3100);
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * The lines of a server's output as JSON, after checking that every line starts with its time. `banner`: the
 * standalone server's own start lines, which Next prints before instrumentation.ts runs, are left aside.
 */
function jsonLines(output: string, { banner = false } = {}) {
  const lines = output
    .split("\n")
    .filter((l) => l.trim() !== "")
    .filter(
      (l) => !banner || !/^\s*(\S+ Next\.js \d|- (Local|Network):|\S+ (Ready|Starting|Running next\.config))/.test(l),
    );
  for (const l of lines)
    expect(l, "every line starts with its time").toMatch(/^(\{"time":"[^"]+Z"|\d{4}-\d\d-\d\dT[\d:.]+Z )/);
  return lines.filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);
}

test("serve.mjs: ISO time on every line, one line per request, a failed login logged as a failure", async ({
  playwright,
  page,
}) => {
  const dir = mkdtempSync(path.join(tmpdir(), "logs-"));
  const db = createTestDatabase(dir, "logs");
  const env = { DATABASE_URL: db.url, OPERATOR_PASSWORD_HASH: OPERATOR_TEST_PASSWORD_HASH };
  execFileSync(process.execPath, ["scripts/migrate.mjs"], { env: { ...process.env, ...env } });
  let server: TServer | undefined;
  try {
    server = await startServer(PORT, env);
    const api = await playwright.request.newContext({ baseURL: server.url });
    expect((await api.get("/api/health")).status()).toBe(200);
    // A wrong password, then the right one, in the browser (the form posts a server action).
    for (const password of ["falsch-geraten", OPERATOR_TEST_PASSWORD]) {
      await page.goto(`${server.url}/betrieb/anmelden`);
      await page.getByLabel("Passwort", { exact: true }).fill(password);
      await Promise.all([
        page.waitForResponse(
          (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/betrieb/anmelden",
        ),
        page.getByRole("button", { name: "Anmelden" }).click(),
      ]);
    }
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const failed = jsonLines(server.output()).find((l) => l.msg === "operator login failed");
    expect(failed).toMatchObject({ level: "warn", reason: "wrong_password" });
    expect(failed!.time).toMatch(ISO);
    expect(jsonLines(server.output()).find((l) => l.msg === "operator login")).toMatchObject({ level: "info" });
    const lines = jsonLines(server.output());
    const request = lines.find((l) => l.msg === "request" && l.path === "/api/health")!;
    expect(request).toMatchObject({ level: "info", method: "GET", status: 200 });
    expect(request.time).toMatch(ISO);
    expect(lines.find((l) => l.msg === "listening")?.time).toMatch(ISO);
  } finally {
    await server?.stop();
    db.drop();
  }
});

test("the standalone server logs like serve.mjs: ISO time, one JSON line per request", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "standalone-"));
  const db = createTestDatabase(dir, "standalone");
  execFileSync(process.execPath, ["scripts/migrate.mjs"], { env: { ...process.env, DATABASE_URL: db.url } });
  const child = spawn(process.execPath, [path.resolve(".next/standalone/server.js")], {
    cwd: path.resolve(".next/standalone"),
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT + 1),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: db.url,
    },
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  try {
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = await fetch(`http://127.0.0.1:${PORT + 1}/api/health`, {
        headers: { "x-request-id": "standalone-health-1" },
      })
        .then((r) => r.status)
        .catch(() => 0);
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status, out).toBe(200);
    // Next answers before instrumentation.ts has hooked the log in: ask again until a request is logged.
    const logged = () =>
      jsonLines(out, { banner: true }).find((l) => l.msg === "request" && l.id === "standalone-health-1");
    await expect
      .poll(
        async () => {
          await fetch(`http://127.0.0.1:${PORT + 1}/api/health`, {
            headers: { "x-request-id": "standalone-health-1" },
          });
          await new Promise((r) => setTimeout(r, 200));
          return logged() !== undefined;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const request = logged();
    expect(request, out).toMatchObject({ level: "info", method: "GET", path: "/api/health", status: 200 });
    expect(request!.time).toMatch(ISO);
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    db.drop();
  }
});
