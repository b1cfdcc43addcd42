import { spawnSync } from "node:child_process";
import { readPdf } from "../support/pdf";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, test } from "../support/test";
import { createTestDatabase, serverDiagnostics, startServer, type TServer } from "../support/server";
import { completeAnswers, createVerifiedSubmission, registerCell } from "../support/fixtures";
import { ZLagebildResponse } from "../../lib/lagebild/lagebild-schema";

/**
 * Demo data never counts in the Lagebild (docs/adr/0011-lagebild-estimate.md). On an instance of its own – demo data must
 * not reach the other tests' figures – holding 300 demo administrations (npm run seed:demo) and five real,
 * verified ones in Hessen's Kleingemeinden: the peer view counts the demo data, the Lagebild, its PDF, CSV and
 * XLSX count only the five, and each of them says that the instance holds demo data.
 */

const PORT = Number(process.env.E2E_PORT ?? 3100) + 1000;
const CELL = { state: "DE-HE", sizeClass: "lt_5000" } as const;

test.describe.configure({ mode: "serial" });

let dir: string;
let database: { url: string; drop: () => void };
let server: TServer | undefined;
let api: APIRequestContext;

const npm = (script: string, args: string[]) => {
  const run = spawnSync("npm", ["run", "--silent", script, "--", ...args], {
    env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: "production" },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`${script} failed: ${run.stderr || run.stdout}`);
  return run.stdout;
};

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = mkdtempSync(path.join(os.tmpdir(), "dc-lagebild-demo-"));
  database = createTestDatabase(dir, "dc_lagebild_demo");
  spawnSync("npm", ["run", "--silent", "db:migrate"], { env: { ...process.env, DATABASE_URL: database.url } });
  npm("seed:demo", ["--count", "300"]);
  server = await startServer(PORT, { DATABASE_URL: database.url });
  api = await playwrightRequest.newContext({
    baseURL: server.url,
    extraHTTPHeaders: { "x-forwarded-for": "10.29.0.1" },
  });
  // Five real administrations with codes issued by the operator's command, verified and submitted.
  const keys = registerCell(CELL.state, CELL.sizeClass, 5, 40).map((r) => r.key);
  const out = path.join(dir, "codes.csv");
  npm("codes", ["issue", "--key", keys.join(","), "--out", out]);
  const codes = readFileSync(out, "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(";").at(-1)!);
  expect(codes).toHaveLength(5);
  for (const code of codes) await createVerifiedSubmission(api, code, completeAnswers());
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) console.error(serverDiagnostics(server, "demo instance"));
});

test.afterAll(async () => {
  await api?.dispose();
  await server?.stop();
  database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

test("the peer view counts demo data, the Lagebild only the real participants and says so", async () => {
  const peers = await (await api.get(`/api/peers?state=${CELL.state}&sizeClass=${CELL.sizeClass}`)).json();
  expect(peers.count).toBeGreaterThan(5);
  const body = ZLagebildResponse.parse(await (await api.get("/api/lagebild")).json());
  expect(body.demoData).toBe(true);
  const counted = body.coverage.filter((c) => c.participants !== null);
  expect(counted).toEqual([{ state: CELL.state, sizeClass: CELL.sizeClass, participants: 5, total: 122 }]);
  expect(body.estimates).toBeNull();

  const html = await (await api.get("/lagebild")).text();
  expect(html).toContain("Demo-Daten zählen nicht");
  expect(html).toContain("5 von 5.029 Verwaltungen");
});

test("CSV, XLSX and PDF count only the real participants and say that demo data is left out", async ({}, testInfo) => {
  const csv = (await (await api.get("/api/lagebild/export.csv")).body()).toString("utf8");
  expect(csv).toContain("Teilnehmende Verwaltungen;5\r\n");
  expect(csv).toContain("Demo-Daten;Diese Instanz enthält Demo-Daten");
  expect(csv).toContain("Hessen;unter 5.000 Einwohnerinnen und Einwohner;5;122");

  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await (await api.get("/api/lagebild/export.xlsx")).body()).buffer as ArrayBuffer);
  const overview = book.getWorksheet("Übersicht")!;
  const rows = overview.getSheetValues().filter(Boolean) as unknown[][];
  expect(rows.find((r) => r[1] === "Teilnehmende Verwaltungen")?.[2]).toBe(5);
  expect(String(rows.find((r) => r[1] === "Demo-Daten")?.[2])).toContain("zählen im Lagebild");
  const groups = (book.getWorksheet("Gruppen")!.getSheetValues().filter(Boolean) as unknown[][]).slice(1);
  expect(groups.reduce((n, r) => n + (typeof r[3] === "number" ? r[3] : 0), 0)).toBe(5);

  const file = testInfo.outputPath("lagebild-demo.pdf");
  writeFileSync(file, await (await api.get("/api/lagebild/report.pdf")).body());
  const text = (await readPdf(readFileSync(file))).text.replace(/\s+/g, " ");
  expect(text).toContain("Diese Instanz enthält Demo-Daten");
  expect(text).toContain("5 von 5.029 Verwaltungen");
});
