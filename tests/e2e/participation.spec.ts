import AxeBuilder from "@axe-core/playwright";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "../support/test";
import { OPERATOR_TEST_PASSWORD } from "../support/operator";
import { registerCell } from "../support/fixtures";

// The whole way of a participation code (docs/adr/0005): the operator issues codes on /betrieb/teilnahme
// and downloads the CSV and the invitation letters; a mayor enters the code on the start page, and the
// profile comes from the register. Phone and desktop each take their own municipalities.
const OFFSET: Record<string, number> = { phone: 50, desktop: 60 };

test("the operator issues codes (CSV and letters); a mayor enters one and the profile fills itself", async ({
  page,
}, testInfo) => {
  const rows = registerCell("DE-HE", "lt_5000", 2, OFFSET[testInfo.project.name]);
  await page.goto("/betrieb/anmelden");
  await page.getByLabel("Passwort", { exact: true }).fill(OPERATOR_TEST_PASSWORD);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.getByRole("link", { name: "Teilnahmecodes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Teilnahmecodes" })).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // Without any selection nothing is issued, and the page says why.
  await page.getByRole("button", { name: "Codes ausgeben und herunterladen" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Bitte wählen Sie ein Bundesland" })).toBeVisible();

  // CSV for a mail merge.
  await page.getByLabel("Oder einzelne Kommunen (AGS)").fill(rows.map((r) => r.ags).join(", "));
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Codes ausgeben und herunterladen" }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^teilnahmecodes-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync((await csv.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toBe("ags;name;code");
  expect(lines).toHaveLength(3);

  // The letters: a PDF with one A4 page per municipality, its name and its (new) code.
  await page.goto("/betrieb/teilnahme");
  await page.getByLabel("Oder einzelne Kommunen (AGS)").fill(rows[0]!.ags);
  await page.getByRole("radio", { name: /Einladungsbriefe als PDF/ }).check();
  const pdfDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Codes ausgeben und herunterladen" }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/^einladungen-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdfPath = testInfo.outputPath("einladung.pdf");
  writeFileSync(pdfPath, readFileSync((await pdf.path())!));
  const text = execFileSync("pdftotext", ["-layout", pdfPath, "-"], { encoding: "utf8" });
  expect(text).toContain("Einladung zum Kommunalen Digitalcheck");
  expect(text).toContain(`Gemeindeverwaltung ${rows[0]!.nameShort}`);
  const letterCode = text.match(/[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/)![0];
  expect(execFileSync("pdfinfo", [pdfPath], { encoding: "utf8" })).toMatch(
    /Pages:\s+1\n[\s\S]*Page size:\s+595\.28 x 841\.89/,
  );

  // The first municipality's CSV code was replaced by the letter's; the second's still works.
  const secondCode = lines[2]!.split(";")[2]!;
  for (const [code, row] of [
    [letterCode, rows[0]!],
    [secondCode, rows[1]!],
  ] as const) {
    await page.goto("/start");
    await page.getByLabel(/^Teilnahmecode/).fill(code);
    await page.getByRole("radio", { name: "Bürgermeisterin oder Bürgermeister" }).check();
    await page.getByRole("button", { name: "Selbsteinschätzung anlegen" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Digitalcheck ${row.name}`);
    await expect(page.getByText("bestätigt – Angaben aus dem Gemeindeverzeichnis")).toBeVisible();
    await expect(page.getByText(row.population.toLocaleString("de-DE"), { exact: true })).toBeVisible();
    await expect(page.getByText(row.ags, { exact: true })).toBeVisible();
  }

  // A wrong code: a German message at the field, nothing created.
  await page.goto("/start");
  await page.getByLabel(/^Teilnahmecode/).fill("K7QF-2M9P-XW4D-HT6R");
  await page.getByRole("radio", { name: "Bürgermeisterin oder Bürgermeister" }).check();
  await page.getByRole("button", { name: "Selbsteinschätzung anlegen" }).click();
  await expect(page.getByText("Dieser Teilnahmecode ist nicht gültig.").first()).toBeVisible();
  await expect(page).toHaveURL(/\/start$/);
});
