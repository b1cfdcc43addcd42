import { readFileSync } from "node:fs";
import { expect, test } from "../../support/test";
import { uniqueName } from "../../support/fixtures";
import { STEPS } from "../../../lib/survey/reference";

/*
 * A normal user's journey talks to the app's own origin only (no CDN, no web fonts, no analytics) and
 * leaves no cookie behind.
 */
test("landing → profile → a step → results → peers → method → PDF: every request goes to the app's own origin, no cookie is set", async ({
  page,
  context,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  const requests: { url: string; type: string }[] = [];
  context.on("request", (r) => requests.push({ url: r.url(), type: r.resourceType() }));
  page.on("websocket", (ws) => requests.push({ url: ws.url(), type: "websocket" }));
  const pageUrls: string[] = [];
  page.on("framenavigated", (f) => {
    if (f === page.mainFrame()) pageUrls.push(f.url());
  });

  await page.goto("/");
  await page.getByRole("link", { name: "Digitalcheck starten" }).click();
  await expect(page).toHaveURL(/\/start$/);
  const name = uniqueName("Ursprungsstadt");
  // Typing in the name field asks the municipality search (same origin) for suggestions.
  await page
    .getByRole("combobox", { name: "Name der Kommune oder Verwaltung" })
    .pressSequentially("Großen", { delay: 20 });
  await expect(page.getByRole("listbox")).toBeVisible();
  await page.getByRole("combobox", { name: "Name der Kommune oder Verwaltung" }).fill(name);
  await page.getByLabel("Bundesland").selectOption({ label: "Thüringen" });
  await page.getByLabel("Einwohnerzahl").fill("2500");
  await page.getByRole("radio", { name: "Andere Funktion in der Verwaltung" }).check();
  await page.getByRole("button", { name: "Selbsteinschätzung anlegen" }).click();
  await expect(page.getByRole("heading", { name: "Bitte speichern Sie jetzt Ihren Link" })).toBeVisible();

  await page.getByRole("link", { name: "Mit der ersten Frage beginnen" }).click();
  for (const q of STEPS[0]!.questions) {
    const option = q.type === "single" ? q.options[0]! : q.options.find((o) => !o.exclusive)!;
    await page.getByRole("group", { name: q.text }).getByLabel(option.label, { exact: true }).check();
  }
  await expect(page.getByRole("status").filter({ hasText: "Alle Antworten gespeichert" })).toBeVisible();
  await page.getByRole("button", { name: "Weiter", exact: true }).click();
  await expect(page).toHaveURL(/\/schritt\/2$/);

  await page.getByRole("button", { name: "Zur Übersicht – später weitermachen" }).click();
  await page.getByRole("link", { name: "Vorläufiges Ergebnis ansehen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Ergebnis: Digitalcheck ${name}`);
  await page.getByRole("button", { name: "Daten als Tabelle anzeigen" }).first().click();

  await page.getByRole("link", { name: "Alle Fragen im Vergleich mit anderen Kommunen" }).click();
  await expect(page).toHaveURL(/\/vergleich$/);
  await page.getByRole("link", { name: "Methodik und Quellen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Methodik und Quellen");

  // Back twice, each waiting for its page: a second goBack while the first is still loading aborts it.
  await page.goBack({ waitUntil: "commit" });
  await expect(page).toHaveURL(/\/vergleich$/);
  await page.goBack({ waitUntil: "commit" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Ergebnis: Digitalcheck ${name}`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Bericht als PDF" }).click();
  const pdf = await download;
  // Playwright reports a download as a download, not as a request event.
  requests.push({ url: pdf.url(), type: "download" });
  expect(
    readFileSync((await pdf.path())!)
      .subarray(0, 5)
      .toString("latin1"),
  ).toBe("%PDF-");
  await page.waitForLoadState("networkidle");

  const foreign = requests.filter((r) => new URL(r.url).origin !== origin);
  const byType = Object.entries(
    requests.reduce<Record<string, number>>((n, r) => ({ ...n, [r.type]: (n[r.type] ?? 0) + 1 }), {}),
  );
  console.log(
    `[same-origin ${testInfo.project.name}] ${requests.length} requests (${byType.map(([t, n]) => `${t} ${n}`).join(", ")}) on ${pageUrls.length} page loads; foreign: ${foreign.length}`,
  );
  expect(
    requests.some((r) => r.type === "font"),
    "the fonts were loaded (from the app itself)",
  ).toBe(true);
  expect(
    requests.some((r) => r.url.includes("/api/municipalities?")),
    "the name search ran",
  ).toBe(true);
  expect(
    requests.some((r) => r.type === "download" && r.url.includes("/report.pdf")),
    "the PDF was downloaded",
  ).toBe(true);
  expect(
    foreign.map((r) => `${r.type} ${r.url}`),
    "requests to other origins",
  ).toEqual([]);
  expect(await context.cookies(), "cookies after the journey").toEqual([]);
  expect(await page.evaluate(() => document.cookie), "document.cookie").toBe("");
});
