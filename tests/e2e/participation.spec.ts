import AxeBuilder from "@axe-core/playwright";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { OPERATOR_TEST_PASSWORD } from "../support/operator";
import { registerCell } from "../support/fixtures";
import { readPdf } from "../support/pdf";

// The whole way of a participation code (docs/adr/0005, docs/adr/0013): the operator chooses the units on
// /betrieb/teilnahme, confirms what happens to codes already issued, and downloads one ZIP with the CSV, the
// invitation letters and an overview; a mayor enters the code on the start page, and the profile comes from the
// register. Phone and desktop each take their own units.
const OFFSET: Record<string, number> = { phone: 50, desktop: 60 };

const axe = async (page: Page) =>
  (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations.map(
    (v) => v.id,
  );

/** Confirms the issue on the confirmation page and unpacks the ZIP: its CSV lines, PDF text and overview. */
async function download(page: Page, dir: string) {
  const zipDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Codes ausgeben und herunterladen" }).click();
  const zip = await zipDownload;
  expect(zip.suggestedFilename()).toMatch(/^teilnahmecodes-\d{4}-\d{2}-\d{2}\.zip$/);
  mkdirSync(dir, { recursive: true });
  const zipPath = path.join(dir, "codes.zip");
  writeFileSync(zipPath, readFileSync((await zip.path())!));
  execFileSync("python3", ["-m", "zipfile", "-e", zipPath, dir]);
  const day = zip.suggestedFilename().slice("teilnahmecodes-".length, -".zip".length);
  const csvBytes = readFileSync(path.join(dir, `teilnahmecodes-${day}.csv`));
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const pdfPath = path.join(dir, `einladungen-${day}.pdf`);
  return {
    lines: csvBytes.toString("utf8").slice(1).trimEnd().split("\r\n"),
    pdfPath,
    pdf: await readPdf(readFileSync(pdfPath)),
    overview: readFileSync(path.join(dir, `uebersicht-${day}.txt`), "utf8"),
  };
}

test("the operator issues codes (CSV, letters and overview in one ZIP) without voiding posted ones; a mayor enters one", async ({
  page,
}, testInfo) => {
  const rows = registerCell("DE-HE", "lt_5000", 2, OFFSET[testInfo.project.name]);
  await page.goto("/betrieb/anmelden");
  await page.getByLabel("Passwort", { exact: true }).fill(OPERATOR_TEST_PASSWORD);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.getByRole("link", { name: "Teilnahmecodes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Teilnahmecodes" })).toBeVisible();
  expect(await axe(page)).toEqual([]);

  // Without any selection nothing is issued, and the page says why.
  await page.getByRole("button", { name: "Weiter zur Bestätigung" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Ohne Auswahl" })).toBeVisible();

  // Two units: the confirmation names them, nothing is issued yet.
  await page.goto("/betrieb/teilnahme");
  await page.getByLabel("Oder einzelne Verwaltungen und Gemeinden (Schlüssel)").fill(rows.map((r) => r.key).join(", "));
  await page.getByRole("button", { name: "Weiter zur Bestätigung" }).click();
  await expect(page.getByText("2 Verwaltungen")).toBeVisible();
  await expect(page.getByText(rows[0]!.name, { exact: false })).toBeVisible();
  expect(await axe(page)).toEqual([]);
  // An address file with a bad line is refused whole, line by line, and nothing is issued.
  const files = testInfo.outputPath("addresses");
  mkdirSync(files, { recursive: true });
  writeFileSync(
    path.join(files, "falsch.csv"),
    `key;Anschrift\n${rows[0]!.key};Gemeinde ${rows[0]!.nameShort};Hauptstraße 1\n`,
  );
  await page.getByLabel("Anschriftendatei (CSV)").setInputFiles(path.join(files, "falsch.csv"));
  await page.getByRole("button", { name: "Codes ausgeben und herunterladen" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "Die Anschriftendatei wurde nicht verwendet" });
  await expect(refusal).toContainText("nichts ausgegeben:");
  await expect(refusal).toContainText("Zeile 2: die letzte Zeile „Hauptstraße 1“ muss mit der Postleitzahl beginnen");
  await expect(page.getByText("2 Verwaltungen")).toBeVisible();
  // The first unit's address from the file; the second's letter says to fill it in by hand.
  writeFileSync(
    path.join(files, "anschriften.csv"),
    `key;Anschrift\n${rows[0]!.key};Gemeinde ${rows[0]!.nameShort};Der Bürgermeister;Hauptstraße 1;35000 ${rows[0]!.nameShort}\n`,
  );
  await page.getByLabel("Anschriftendatei (CSV)").setInputFiles(path.join(files, "anschriften.csv"));
  const first = await download(page, testInfo.outputPath("first"));
  expect(first.lines[0]).toBe("key;name;kind;code");
  expect(first.lines).toHaveLength(3);
  expect(first.overview).toContain("Ausgegeben: 2");
  const pdfText = first.pdf.text.replace(/\s+/g, " ");
  expect(first.overview).toContain("Briefe: 2, davon ohne Anschrift (von Hand einzutragen): 1");
  expect(pdfText).toContain("Einladung zum Kommunalen Digitalcheck");
  for (const line of [
    `Gemeinde ${rows[0]!.nameShort}`,
    "Der Bürgermeister",
    "Hauptstraße 1",
    `35000 ${rows[0]!.nameShort}`,
  ])
    expect(pdfText).toContain(line);
  expect(pdfText).toContain("Anschrift fehlt – bitte von Hand eintragen");
  // The portal's address from PUBLIC_URL, never the address the operator's browser used.
  expect(pdfText).toContain("https://digitalcheck.pruefstadt.example");
  expect(pdfText).not.toContain("127.0.0.1");
  expect(first.pdf.pages).toBe(2);
  expect(first.pdf.info.pageSize).toContain("595.28 x 841.89");

  // The same units again: both hold a valid code. Keeping them (the default) issues nothing.
  await page.goto("/betrieb/teilnahme");
  await page.getByLabel("Oder einzelne Verwaltungen und Gemeinden (Schlüssel)").fill(rows.map((r) => r.key).join(", "));
  await page.getByRole("button", { name: "Weiter zur Bestätigung" }).click();
  await expect(page.getByText("2 Verwaltungen haben bereits einen gültigen Code.")).toBeVisible();
  await expect(page.getByRole("radio", { name: /^Behalten \(empfohlen\)/ })).toBeChecked();
  await page.getByRole("button", { name: "Codes ausgeben und herunterladen" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nichts ausgegeben" })).toBeVisible();

  // Replacing on purpose: the first unit gets a new code in a new letter.
  await page.getByLabel("Oder einzelne Verwaltungen und Gemeinden (Schlüssel)").fill(rows[0]!.key);
  await page.getByRole("button", { name: "Weiter zur Bestätigung" }).click();
  await page.getByRole("radio", { name: /^Ersetzen/ }).check();
  const second = await download(page, testInfo.outputPath("second"));
  expect(second.overview).toContain("Davon ersetzt (der frühere Code gilt nicht mehr): 1");
  const letterCode = second.pdf.text.match(
    /[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/,
  )![0];

  // The first unit's old code was replaced by the letter's; the second's still works.
  const secondCode = first.lines[2]!.split(";")[3]!;
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
    await expect(page.getByText(row.key, { exact: true })).toBeVisible();
  }
  const overviewUrl = page.url();

  // The operator revokes the second unit's codes: a confirmation that names it comes first.
  await page.goto("/betrieb/teilnahme");
  await page.getByLabel("Schlüssel (AGS mit 8 Ziffern oder Gemeindeverband mit 9 Ziffern)").fill(rows[1]!.key);
  await page.getByRole("button", { name: "Weiter zum Sperren" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Codes von ${rows[1]!.name} sperren?`);
  await expect(page.getByText("Eine Selbsteinschätzung ist damit bestätigt")).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await page.getByRole("button", { name: `Codes von ${rows[1]!.name} sperren` }).click();
  await expect(page.getByRole("status")).toContainText(
    `Die Codes von ${rows[1]!.name} (${rows[1]!.key}) sind gesperrt.`,
  );
  await expect(page.getByRole("status")).toContainText(
    "Eine damit bestätigte Selbsteinschätzung ist wieder unbestätigt",
  );

  // Its assessment says so, and takes the new code the operator issues.
  await page.goto(overviewUrl);
  await expect(page.getByText("gesperrt – bitte den neuen Code eingeben")).toBeVisible();
  await expect(page.getByText("Ihr bisheriger Teilnahmecode ist gesperrt")).toBeVisible();
  await page.goto("/betrieb/teilnahme");
  await page.getByLabel("Oder einzelne Verwaltungen und Gemeinden (Schlüssel)").fill(rows[1]!.key);
  await page.getByRole("button", { name: "Weiter zur Bestätigung" }).click();
  const third = await download(page, testInfo.outputPath("third"));
  const newCode = third.lines[1]!.split(";")[3]!;
  await page.goto(overviewUrl);
  await page.getByRole("textbox", { name: "Teilnahmecode" }).fill(newCode);
  await page.getByRole("button", { name: "Code bestätigen" }).click();
  await expect(page.getByText("Ihr Teilnahmecode ist bestätigt")).toBeVisible();
  await expect(page.getByText("bestätigt – Angaben aus dem Gemeindeverzeichnis")).toBeVisible();

  // A wrong code: a German message at the field, nothing created.
  await page.goto("/start");
  await page.getByLabel(/^Teilnahmecode/).fill("K7QF-2M9P-XW4D-HT6R");
  await page.getByRole("radio", { name: "Bürgermeisterin oder Bürgermeister" }).check();
  await page.getByRole("button", { name: "Selbsteinschätzung anlegen" }).click();
  await expect(page.getByText("Dieser Teilnahmecode ist nicht gültig.").first()).toBeVisible();
  await expect(page).toHaveURL(/\/start$/);
});
