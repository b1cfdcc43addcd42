import { spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test, uniqueClientIp } from "../support/test";
import { serverDiagnostics, startServer, type TServer } from "../support/server";
import { completeAnswers, insertTestCodes, registerCell, validProfile } from "../support/fixtures";

const DATABASE_URL = process.env.E2E_DATABASE_URL || "file:./prisma/e2e.db";
/**
 * Raw fetch (to servers of our own) carries no Playwright headers: each test gets its own client address,
 * so that the servers' rate limits (20 new assessments an hour per client) count per test, as in the others.
 */
const jsonFromNewClient = () => ({ "content-type": "application/json", "x-forwarded-for": uniqueClientIp() });

test("GET /api/health: database reachable and migrations current", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.status).toBe("ok");
  expect(body.migrations).toBeGreaterThanOrEqual(3);
  expect(body.database).toBe(DATABASE_URL.startsWith("file:") ? "sqlite" : "postgresql");
});

test("an idle keep-alive connection stays open past 5 s, so a request sent on it is answered, not reset", async ({
  baseURL,
}) => {
  const url = new URL(baseURL!);
  const socket = net.connect(Number(url.port), url.hostname);
  await once(socket, "connect");
  let received = "";
  let closed = false;
  socket.on("data", (chunk) => (received += chunk.toString("latin1")));
  socket.on("close", () => (closed = true));
  const healthOnSameConnection = async () => {
    received = "";
    socket.write(`GET /api/health HTTP/1.1\r\nHost: ${url.host}\r\nConnection: keep-alive\r\n\r\n`);
    await expect.poll(() => received, { timeout: 10_000 }).toMatch(/^HTTP\/1\.1 200 [\s\S]*"status":"ok"/);
  };
  try {
    await healthOnSameConnection();
    // Clients reuse idle connections for several seconds (CI saw ECONNRESET after 5 s idle); the server
    // must not be the side that closes first.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(closed).toBe(false);
    await healthOnSameConnection();
  } finally {
    socket.destroy();
  }
});

test("npm run db:migrate puts an SQLite file in write-ahead-log mode (readers never wait for a writer)", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dc-wal-"));
  try {
    const file = path.join(dir, "wal.db");
    const run = spawnSync(process.execPath, ["scripts/migrate.mjs"], {
      env: { ...process.env, DATABASE_URL: `file:${file}` },
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("journal_mode wal");
    const { default: Database } = await import("better-sqlite3");
    const sqlite = new Database(file, { readonly: true, fileMustExist: true });
    try {
      expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      sqlite.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("GET /api/health answers 503 in German on a database without migrations", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dc-health-"));
  const server = await startServer(
    3131,
    { DATABASE_URL: `file:${path.join(dir, "empty.db")}` },
    { waitForHealth: false },
  );
  try {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.status).toBe("error");
    expect(body.error).toMatch(/Datenbank|Migration/);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test.describe("two app instances on one database", () => {
  // One pair of servers on fixed ports: both tests must run in the same worker, one after the other.
  test.describe.configure({ mode: "serial" });
  let a: TServer;
  let b: TServer;
  test.beforeAll(async () => {
    [a, b] = await Promise.all([startServer(3121, { DATABASE_URL }), startServer(3122, { DATABASE_URL })]);
  });
  test.afterEach(async ({}, testInfo) => {
    // A failure here is usually one server gone or refusing: print how both ended and what they logged.
    if (testInfo.status !== testInfo.expectedStatus)
      console.error(`${serverDiagnostics(a, "instance A")}\n${serverDiagnostics(b, "instance B")}`);
  });
  test.afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  test("a save through one is read through the other; conflicting saves give one 200 and one 409", async () => {
    const json = jsonFromNewClient();
    const created = await (
      await fetch(`${a.url}/api/assessments`, { method: "POST", headers: json, body: JSON.stringify(validProfile()) })
    ).json();
    const put = await fetch(`${a.url}/api/assessments/${created.token}/answers`, {
      method: "PUT",
      headers: json,
      body: JSON.stringify({ version: 1, answers: { e_file: "in_use" } }),
    });
    expect(put.status).toBe(200);
    const viaB = await (await fetch(`${b.url}/api/assessments/${created.token}`)).json();
    expect(viaB).toMatchObject({ version: 2, answers: { e_file: "in_use" } });

    const [r1, r2] = await Promise.all(
      [a, b].map((s, i) =>
        fetch(`${s.url}/api/assessments/${created.token}/answers`, {
          method: "PUT",
          headers: json,
          body: JSON.stringify({ version: 2, answers: { e_file: i === 0 ? "planned" : "neither" } }),
        }),
      ),
    );
    expect([r1!.status, r2!.status].sort()).toEqual([200, 409]);
    const winner = r1!.status === 200 ? "planned" : "neither";
    for (const s of [a, b]) {
      const got = await (await fetch(`${s.url}/api/assessments/${created.token}`)).json();
      expect(got).toMatchObject({ version: 3, answers: { e_file: winner } });
    }
  });

  test("a results page cached by one instance is rendered again after a save through the other", async () => {
    const json = jsonFromNewClient();
    const created = await (
      await fetch(`${a.url}/api/assessments`, { method: "POST", headers: json, body: JSON.stringify(validProfile()) })
    ).json();
    const save = (version: number, answer: string) =>
      fetch(`${b.url}/api/assessments/${created.token}/answers`, {
        method: "PUT",
        headers: json,
        body: JSON.stringify({ version, answers: { e_file: answer } }),
      });
    expect((await save(1, "in_use")).status).toBe(200);
    const page = () =>
      fetch(`${a.url}/a/${created.token}/ergebnis`, { headers: { "x-forwarded-for": json["x-forwarded-for"] } });
    // Until a second request comes from A's cache (other tests' submissions change the peer pool meanwhile).
    await expect(async () => {
      await page();
      expect((await page()).headers.get("x-page-cache")).toBe("hit");
    }).toPass({ timeout: 30_000 });
    expect((await save(2, "planned")).status).toBe(200);
    const after = await page();
    expect(after.status).toBe(200);
    expect(after.headers.get("x-page-cache")).toBe("miss");
    const html = await after.text();
    expect(html).toContain("Sie planen oder diskutieren die E-Akte; 2020 taten das 61\u00a0% der Kommunen.");
    expect(html).not.toContain("die bereits eine E-Akte führen");
  });

  test("the peer figures are the same through both instances after a release through one", async () => {
    const json = jsonFromNewClient();
    const cell = registerCell("DE-SN", "20000_99999", 5);
    const codes = await insertTestCodes(cell.map((r) => r.key));
    const query = "state=DE-SN&sizeClass=20000_99999";
    const before = await (await fetch(`${b.url}/api/peers?${query}`)).json();
    for (const m of cell) {
      const create = await fetch(`${a.url}/api/assessments`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({ participationCode: codes.get(m.key), respondentRole: "other" }),
      });
      expect(create.status).toBe(201);
      const c = await create.json();
      const put = await fetch(`${a.url}/api/assessments/${c.token}/answers`, {
        method: "PUT",
        headers: json,
        body: JSON.stringify({ version: 1, answers: completeAnswers() }),
      });
      expect(put.status).toBe(200);
      expect(
        (await fetch(`${a.url}/api/assessments/${c.token}/submit`, { method: "POST", headers: json })).status,
      ).toBe(200);
    }
    const viaA = await (await fetch(`${a.url}/api/peers?${query}`)).json();
    const viaB = await (await fetch(`${b.url}/api/peers?${query}`)).json();
    expect(viaB).toEqual(viaA);
    expect(viaB.count).toBe((before.count ?? 0) + 5);
    expect(viaB.release.count).toBe(viaB.count);
  });
});

test("SIGTERM: in-flight requests finish, then the process exits 0; logs never contain the token", async () => {
  const json = jsonFromNewClient();
  const server = await startServer(3123, { DATABASE_URL });
  const created = await (
    await fetch(`${server.url}/api/assessments`, {
      method: "POST",
      headers: json,
      body: JSON.stringify(validProfile()),
    })
  ).json();
  await fetch(`${server.url}/api/assessments/${created.token}/answers`, {
    method: "PUT",
    headers: json,
    body: JSON.stringify({ version: 1, answers: completeAnswers() }),
  });
  const inFlight = Array.from({ length: 4 }, () =>
    fetch(`${server.url}/api/assessments/${created.token}/report.pdf`, { headers: json }),
  );
  await new Promise((r) => setTimeout(r, 30));
  const exit = server.stop("SIGTERM");
  const responses = await Promise.all(inFlight);
  for (const res of responses) {
    expect(res.status).toBe(200);
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  }
  expect(await exit).toBe(0);
  await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  const log = server.output();
  expect(log).toContain('"msg":"request"');
  expect(log).toContain("/api/assessments/[token]/report.pdf");
  expect(log).toContain('"msg":"shutting down"');
  expect(log).not.toContain(created.token);
});

test("worker processes (WEB_CONCURRENCY=2): a worker that dies is replaced, the other keeps serving, SIGTERM ends both with 0", async () => {
  const server = await startServer(3124, { DATABASE_URL, WEB_CONCURRENCY: "2" });
  try {
    const listening = () => [...server.output().matchAll(/"msg":"listening".*?"pid":(\d+)/g)].map((m) => Number(m[1]));
    await expect.poll(listening, { timeout: 60_000 }).toHaveLength(2);
    const [first] = listening();
    process.kill(first!, "SIGKILL");
    await expect.poll(() => server.output(), { timeout: 10_000 }).toContain('"msg":"worker exited"');
    // The surviving worker answers meanwhile, and a new one starts in the place of the dead one.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    await expect.poll(listening, { timeout: 60_000 }).toHaveLength(3);
    for (let i = 0; i < 4; i += 1) expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  } finally {
    expect(await server.stop()).toBe(0);
  }
});

test("WEB_CONCURRENCY that is not a whole number from 1 to 64: the server refuses to start with one German line", async () => {
  const run = spawnSync(process.execPath, ["scripts/serve.mjs"], {
    env: { ...process.env, NODE_ENV: "production", WEB_CONCURRENCY: "viele", PORT: "3125" },
    encoding: "utf8",
  });
  expect(run.status).toBe(1);
  // One line, with the ISO time every log line starts with.
  expect(run.stderr.trim()).toMatch(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z WEB_CONCURRENCY muss eine ganze Zahl von 1 bis 64 sein \(Anzahl der Server-Prozesse\)\.$/,
  );
});
