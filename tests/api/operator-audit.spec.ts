import { spawnSync } from "node:child_process";
import { userInfo } from "node:os";
import { registerCell } from "../support/fixtures";
import { openOperatorSession } from "../support/operator";
import { expect, test } from "../support/test";

// The operators' audit trail (docs/operations.md): every action with who, when, what and how many, never a code;
// issued and revoked codes from the browser and the command line; the CSV export for German Excel.

const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || "file:./prisma/e2e.db";

/** Small Bavarian administrations no other test takes. */
const UNITS = registerCell("DE-BY", "lt_5000", 4, 500);

function codesCommand(args: string[]) {
  return spawnSync(process.execPath, ["scripts/codes.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    timeout: 120_000,
  });
}

type TRow = Record<string, string>;

/** The CSV export with the given filters, parsed by its German header. */
async function exportRows(
  request: import("@playwright/test").APIRequestContext,
  cookie: string,
  query = "",
): Promise<{ raw: string; rows: TRow[] }> {
  const res = await request.get(`/betrieb/protokoll/export.csv${query}`, { headers: { cookie } });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(res.headers()["content-disposition"]).toMatch(
    /^attachment; filename="betriebsprotokoll-\d{4}-\d\d-\d\d\.csv"$/,
  );
  const raw = (await res.body()).toString("utf8");
  const [header, ...lines] = raw
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  const names = header!.split(";");
  const cells = (line: string) =>
    [...line.matchAll(/("(?:[^"]|"")*"|[^;]*)(;|$)/g)]
      .slice(0, names.length)
      .map((m) => m[1]!.replace(/^"|"$/g, "").replaceAll('""', '"'));
  return { raw, rows: lines.map((l) => Object.fromEntries(cells(l).map((c, i) => [names[i]!, c]))) };
}

test("codes issued in the browser and on the command line, and revoked: who, how many, which units, never a code", async ({
  request,
}) => {
  const cookie = await openOperatorSession();
  const [a, b, c, d] = UNITS;
  // The browser: two units after the confirmation step.
  const issued = await request.post("/betrieb/teilnahme/codes", {
    headers: { cookie },
    multipart: { keys: `${a!.key},${b!.key}`, confirm: "1" },
    maxRedirects: 0,
  });
  expect(issued.status(), await issued.text()).toBe(200);
  expect(issued.headers()["content-type"]).toBe("application/zip");
  // The command line: two more, then one replaced, then one revoked.
  const cli = codesCommand(["issue", "--key", `${c!.key},${d!.key}`]);
  expect(cli.status, cli.stderr).toBe(0);
  const codes = cli.stdout
    .trimEnd()
    .split("\r\n")
    .slice(1)
    .map((l) => l.split(";")[3]!);
  expect(codes).toHaveLength(2);
  const replaced = codesCommand(["issue", "--key", `${c!.key},${a!.key}`, "--replace"]);
  expect(replaced.status, replaced.stderr).toBe(0);
  const revoked = codesCommand(["revoke", "--key", d!.key]);
  expect(revoked.status, revoked.stderr).toBe(0);

  const { raw, rows } = await exportRows(request, cookie, "?aktion=codes_issued");
  const cliActor = `Kommandozeile (${userInfo().username})`;
  const mine = (r: TRow) => r.Betrifft!.includes(a!.key) || r.Betrifft!.includes(c!.key);
  const issues = rows.filter(mine);
  // Newest first: the replacement, the command line's issue, the browser's.
  expect(issues.map((r) => [r.Wer, r.Aktion, r.Ergebnis, r.Anzahl, r.Hinweis])).toEqual([
    [cliActor, "Teilnahmecodes ausgegeben", "erfolgreich", "2", "ersetzt: 2, übersprungen: 0"],
    [cliActor, "Teilnahmecodes ausgegeben", "erfolgreich", "2", "ersetzt: 0, übersprungen: 0"],
    ["Gemeinsames Passwort", "Teilnahmecodes ausgegeben", "erfolgreich", "2", "ersetzt: 0, übersprungen: 0"],
  ]);
  expect(issues[2]!.Betrifft).toBe(`Schlüssel ${a!.key}, ${b!.key}, je Verwaltung`);
  for (const r of issues) expect(r["Zeitpunkt (UTC, ISO 8601)"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  // Never a code: neither the command line's nor any code-shaped string.
  for (const code of codes) expect(raw).not.toContain(code);
  expect(raw).not.toMatch(/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/);
  // The filter by action: only issues.
  expect(new Set(rows.map((r) => r.Aktion))).toEqual(new Set(["Teilnahmecodes ausgegeben"]));

  const revocations = (await exportRows(request, cookie, "?aktion=codes_revoked")).rows.filter((r) =>
    r.Betrifft!.startsWith(d!.key),
  );
  expect(revocations.map((r) => [r.Wer, r.Anzahl, r.Betrifft, r.Hinweis])).toEqual([
    [cliActor, "1", `${d!.key} ${d!.name}`, "Bestätigungen zurückgenommen: 0"],
  ]);
});

test("the CSV export: BOM, semicolons, German headers; a period filter; operators only", async ({ request }) => {
  const cookie = await openOperatorSession();
  const res = await request.get("/betrieb/protokoll/export.csv", { headers: { cookie } });
  const body = await res.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(
    body
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n")[0],
  ).toBe("Zeitpunkt;Zeitpunkt (UTC, ISO 8601);Wer;Kennung beim Anmeldedienst;Aktion;Ergebnis;Anzahl;Betrifft;Hinweis");
  // A period in the past holds none of today's entries.
  const { rows } = await exportRows(request, cookie, "?von=2020-01-01&bis=2020-12-31");
  expect(rows).toEqual([]);
  // Without a session: to the login page, nothing exported.
  const anonymous = await request.get("/betrieb/protokoll/export.csv", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(303);
  expect(anonymous.headers().location).toBe("/betrieb/anmelden");
  const page = await request.get("/betrieb/protokoll", { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  // Invalid filters are dropped, never a 500.
  const odd = await request.get("/betrieb/protokoll?aktion=%3Cscript%3E&von=2026-13-45&seite=-3", {
    headers: { cookie },
  });
  expect(odd.status()).toBe(200);
});

test("a failed password login is recorded as a failure, a right one as a login", async ({ page, request }) => {
  await page.goto("/betrieb/anmelden");
  await page.getByLabel("Passwort", { exact: true }).fill("ganz-falsch-geraten");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByText("Das Passwort ist nicht richtig.").first()).toBeVisible();
  const cookie = await openOperatorSession();
  const { rows } = await exportRows(request, cookie, "?aktion=login_failed");
  expect(rows[0]).toMatchObject({
    Wer: "Gemeinsames Passwort",
    Aktion: "Anmeldung fehlgeschlagen",
    Ergebnis: "abgelehnt",
    Hinweis: "Falsches Passwort",
  });
  expect(Date.now() - Date.parse(rows[0]!["Zeitpunkt (UTC, ISO 8601)"]!)).toBeLessThan(60_000);
});
