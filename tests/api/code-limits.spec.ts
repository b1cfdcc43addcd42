import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "../support/test";
import { registerCell } from "../support/fixtures";
import { createTestDatabase, serverDiagnostics, startServer, type TServer } from "../support/server";

/*
 * The limits on participation codes (docs/adr/0005-peer-privacy.md), on an instance of their own: its
 * instance-wide counter of wrong codes must not reach the other tests. An outsider who sends wrong codes from
 * many addresses trips the instance's limit; from then on wrong codes get 429, but a municipality's right code
 * is still accepted. And behind a proxy the client is the address the proxy appended, not the one a client
 * wrote into X-Forwarded-For itself.
 */

// One of this worktree's own ports: E2E_PORT + 9.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 9;

test.describe("participation codes on an instance of their own", () => {
  test.describe.configure({ mode: "serial", timeout: 240_000 });
  let dir: string;
  let database: { url: string; drop: () => void };
  let server: TServer | undefined;
  const codes = new Map<string, string>();
  const [owner, spoofed] = registerCell("DE-SL", "5000_19999", 2, 0);

  test.beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "dc-codes-"));
    database = createTestDatabase(dir, "dc_codes");
    // npm run codes migrates the database and prints key;name;kind;code.
    const csv = execFileSync(
      process.execPath,
      ["scripts/codes.mjs", "issue", "--key", `${owner!.key},${spoofed!.key}`],
      {
        env: { ...process.env, DATABASE_URL: database.url },
        encoding: "utf8",
      },
    );
    for (const line of csv.trim().split("\n").slice(1)) {
      const [key, , , code] = line.split(";");
      codes.set(key!, code!.trim());
    }
    server = await startServer(PORT, { DATABASE_URL: database.url });
  });

  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus) console.error(serverDiagnostics(server, "codes instance"));
  });

  test.afterAll(async () => {
    await server?.stop();
    database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = (code: string, forwardedFor: string) =>
    fetch(`${server!.url}/api/assessments`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
      body: JSON.stringify({ participationCode: code, respondentRole: "digital_officer" }),
    });
  const wrongCode = (i: number) => {
    const symbols = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    const tail = [0, 1, 2, 3].map((d) => symbols[Math.floor(i / 32 ** d) % 32]).join("");
    return `ZZZZ-ZZZZ-ZZZZ-${tail}`;
  };

  test("behind a proxy the client is the address the proxy appended: a forged first entry changes nothing", async () => {
    // Ten wrong codes, each with another forged address in front of the one the proxy saw.
    for (let i = 0; i < 10; i += 1) expect((await start(wrongCode(i), `198.51.100.${i}, 10.77.0.1`)).status).toBe(422);
    const limited = await start(codes.get(spoofed!.key)!, "203.0.113.99, 10.77.0.1");
    expect(limited.status).toBe(429);
    expect((await limited.json()).error).toMatch(/^Zu viele Anfragen in kurzer Zeit/);
    // Another client (another address appended by the proxy) is not affected.
    expect((await start(codes.get(spoofed!.key)!, "10.77.0.1, 10.77.0.2")).status).toBe(201);
  });

  test("wrong codes from 31 addresses trip the instance's limit, yet a right code is still accepted", async () => {
    let refused = 0;
    let n = 100;
    for (let client = 0; client < 31; client += 1)
      for (let i = 0; i < 10; i += 1) {
        const res = await start(wrongCode((n += 1)), `10.78.${client}.1`);
        expect([422, 429]).toContain(res.status);
        if (res.status === 429) refused += 1;
      }
    expect(refused, "beyond 300 wrong codes in the window, wrong codes are refused as too many").toBeGreaterThan(0);
    // A fresh client: a wrong code is refused as too many …
    const wrong = await start(wrongCode((n += 1)), "10.79.0.1");
    expect(wrong.status).toBe(429);
    expect(wrong.headers.get("retry-after")).toMatch(/^\d+$/);
    // … but the municipality's right code opens its verified assessment.
    const right = await start(codes.get(owner!.key)!, "10.79.0.2");
    expect(right.status).toBe(201);
    const { token } = (await right.json()) as { token: string };
    const got = await (await fetch(`${server!.url}/api/assessments/${token}`)).json();
    expect(got.municipality).toMatchObject({ key: owner!.key });
    expect(got.verifiedAt).not.toBeNull();
    // The per-client limit stays: a client with ten wrong codes gets 429 even for a right code.
    expect((await start(codes.get(owner!.key)!, "10.78.0.1")).status).toBe(429);
  });
});
