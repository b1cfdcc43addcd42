import { readPdf } from "../support/pdf";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { createAssessment, KNOWN_ANSWERS } from "../support/fixtures";
import { reference } from "../../lib/survey/reference";

// Issue 31: the lead invites three colleagues; two answer differently on two questions, one leaves a question to
// somebody else; the lead sees the two disputed questions first, settles them and submits; the results use only the
// settled answers.

async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const question = (id: string) => reference.questions.find((q) => q.id === id)!;
const SHOTS = process.env.SCREENSHOT_DIR;

/** With SCREENSHOT_DIR set: the part of the page a reviewer looks at (a section), else the whole page. */
async function shot(page: Page, name: string, part?: Locator) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  const path = `${SHOTS}/${test.info().project.name}-${name}.png`;
  if (part) await part.screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
}

async function invite(page: Page, role: string, label: string): Promise<string> {
  await page.getByLabel("Rolle").selectOption({ label: role });
  await page.getByLabel(/^Bezeichnung/).fill(label);
  await page.getByRole("button", { name: "Einladen" }).click();
  const link = page.locator("#kollegen-link");
  await expect(page.getByText(`Einladung für ${role} angelegt`)).toBeVisible();
  const url = await link.inputValue();
  expect(url).toMatch(/\/k\/[A-Za-z0-9_-]{43}$/);
  return new URL(url).pathname;
}

/** A colleague answers questions of the processes step (5) on their own link; the autosave stores each. */
async function answer(page: Page, path: string, choices: Record<string, string>) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Digitalcheck");
  await page.goto(`${path}/schritt/5`);
  for (const [id, label] of Object.entries(choices)) {
    await page
      .getByRole("group", { name: question(id).text })
      .getByLabel(label, { exact: true })
      .check();
    await expect(page.getByText(/Alle Antworten gespeichert/)).toBeVisible();
  }
}

test("several colleagues, one answer: invite, answer apart, compare, settle, submit", async ({ page, request }) => {
  const { token } = await createAssessment(request);
  const put = await request.put(`/api/assessments/${token}/answers`, { data: { version: 1, answers: KNOWN_ANSWERS } });
  expect(put.status()).toBe(200);

  // The lead invites three colleagues from the overview.
  await page.goto(`/a/${token}`);
  await expect(page.getByRole("heading", { name: "Kolleginnen und Kollegen einbeziehen" })).toBeVisible();
  const mayor = await invite(page, "Bürgermeisterin/Bürgermeister", "Rathaus");
  await shot(page, "invitation", page.locator("section", { has: page.locator("#kollegium-heading") }));
  await expectAccessible(page);
  const it = await invite(page, "IT-Leitung", "Hauptamt");
  const finance = await invite(page, "Kämmerei", "Haushalt");
  await page.goto(`/a/${token}`);
  const list = page.getByRole("table", { name: "Eingeladene Kolleginnen und Kollegen" });
  await expect(list.getByRole("row")).toHaveCount(4);

  // The lead answered e_file "planned" and e_payment "neither" (KNOWN_ANSWERS). The mayor sees both in use, the
  // head of IT agrees with the lead on e_payment but not on e_file; the Kämmerei leaves e_file to somebody else.
  await answer(page, mayor, { e_file: "Ja, im Einsatz", e_payment: "Ja, im Einsatz" });
  await expectAccessible(page);
  await shot(page, "colleague-step", page.getByRole("group", { name: question("e_file").text }));
  await answer(page, it, { e_file: "Ja, im Einsatz", e_payment: "Weder im Einsatz noch geplant" });
  await answer(page, finance, {
    e_file: "Weiß ich nicht, soll jemand anderes beantworten",
    e_invoice: "Ja, im Einsatz",
  });
  // A colleague's link under /a/ opens their own questionnaire, never the lead's assessment.
  await page.goto(`/a/${mayor.slice(3)}`);
  await expect(page).toHaveURL(new RegExp(`${mayor}$`));

  // The comparison: the two disputed questions first, widest first (e_payment 2 of 2 steps, e_file 1 of 2).
  await page.goto(`/a/${token}/kollegium`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Wo wir uns uneinig sind/);
  await expect(page.getByText("3 von 3 eingeladenen Personen haben geantwortet.", { exact: false })).toBeVisible();
  const table = page.getByRole("table", { name: /Antworten aller Beteiligten/ });
  const rows = table.getByRole("row");
  await expect(rows.nth(1).getByRole("rowheader")).toContainText("E-Payment");
  await expect(rows.nth(1)).toContainText("uneinig");
  await expect(rows.nth(1)).toContainText("2 von 2 Stufen auseinander");
  await expect(rows.nth(2).getByRole("rowheader")).toContainText("E-Akte");
  await expect(rows.nth(2)).toContainText(
    "2 × Ja, im Einsatz (Bürgermeisterin/Bürgermeister (Rathaus), IT-Leitung (Hauptamt))",
  );
  await expect(rows.nth(2)).toContainText("anderen überlassen: Kämmerei (Haushalt)");
  await expect(rows.nth(3)).not.toContainText("uneinig");
  // e_invoice: the lead and the Kämmerei agree; a question only the lead answered has "nur eine Antwort".
  await expect(table.getByRole("row", { name: /E-Rechnung/ })).toContainText("einig");
  await expect(table.getByRole("row", { name: /Bürger-App/ })).toContainText("nur eine Antwort");
  await expect(table.getByText("uneinig", { exact: true })).toHaveCount(2);
  await expect(page.getByText("Textfassung der Grafik")).toBeVisible();
  await expectAccessible(page);
  await shot(page, "comparison");

  // Settle: e_file takes the colleagues' most frequent answer, e_payment the mayor's.
  const settleFile = page.getByRole("group", { name: question("e_file").text });
  await settleFile.getByLabel(/^Ja, im Einsatz – .*\(häufigste Antwort\)$/).check();
  const settlePayment = page.getByRole("group", { name: question("e_payment").text });
  await settlePayment.getByLabel(/^Ja, im Einsatz – Bürgermeisterin/).check();
  await page.getByRole("button", { name: "Antworten festlegen" }).click();
  await expect(page.getByText("Die Antworten sind festgelegt")).toBeVisible();
  // Settled: the lead's answers now agree with the mayor on both questions.
  await expect(rows.nth(1)).toContainText(
    "Ja, im Einsatz (Sie (federführend), Bürgermeisterin/Bürgermeister (Rathaus))",
  );

  // Submit; the assessment holds only the settled answers.
  await page.getByRole("link", { name: "Prüfen und absenden" }).click();
  await page.getByRole("button", { name: "Selbsteinschätzung absenden" }).click();
  await expect(page.getByText("Vielen Dank! Ihre Selbsteinschätzung ist abgeschlossen.")).toBeVisible();
  const exported = await (await request.get(`/api/assessments/${token}/export`)).json();
  const stored = Object.fromEntries(
    exported.answers.map((a: { questionId: string; answer: unknown }) => [a.questionId, a.answer]),
  );
  expect(stored).toEqual({ ...KNOWN_ANSWERS, e_file: "in_use", e_payment: "in_use" });
  expect(exported.assessment.status).toBe("submitted");
  // The benchmark reads the settled answers: e_file in use now.
  const benchmark = await (await request.get(`/api/assessments/${token}/benchmark`)).json();
  const item = (id: string) => benchmark.items.find((i: { questionId: string }) => i.questionId === id)?.answer;
  expect([item("e_file"), item("e_payment"), item("e_invoice")]).toEqual(["in_use", "in_use", "in_use"]);
  // The PDF has the page "Wo wir uns uneinig sind" (read back with poppler-utils, as the report tests do).
  const pdf = await request.get(`/api/assessments/${token}/report.pdf`);
  expect(pdf.status()).toBe(200);
  const dir = mkdtempSync(join(tmpdir(), "kdc-colleagues-pdf-"));
  const file = join(dir, "report.pdf");
  writeFileSync(file, await pdf.body());
  const text = (await readPdf(readFileSync(file))).text;
  const pdfPage = text.split("\f").find((p) => p.includes("Wo wir uns uneinig sind"));
  expect(pdfPage, "the PDF page").toBeDefined();
  expect(pdfPage!.replace(/\s+/g, " ")).toContain("E-Payment");
  if (SHOTS) copyFileSync(file, `${SHOTS}/${test.info().project.name}-report.pdf`);
  rmSync(dir, { recursive: true, force: true });

  await page.goto(`/a/${token}/ergebnis`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("invite, answer a step, settle, close and revoke with plain form posts", async ({ page, request }) => {
    const { token } = await createAssessment(request);
    expect(
      (
        await request.put(`/api/assessments/${token}/answers`, { data: { version: 1, answers: KNOWN_ANSWERS } })
      ).status(),
    ).toBe(200);
    await page.goto(`/a/${token}`);
    const path = await invite(page, "Kämmerei", "Haushalt");

    // The colleague answers the processes step and leaves e_payment to somebody else; "Weiter" posts the step.
    await page.goto(`${path}/schritt/5`);
    await page
      .getByRole("group", { name: question("e_invoice").text })
      .getByLabel("Ja, im Einsatz")
      .check();
    await page
      .getByRole("group", { name: question("e_file").text })
      .getByLabel("Ja, im Einsatz")
      .check();
    await page
      .getByRole("group", { name: question("e_payment").text })
      .getByLabel("Weiß ich nicht, soll jemand anderes beantworten")
      .check();
    await page.getByRole("button", { name: "Weiter", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${path}/schritt/6$`));
    await page.goto(path);
    await expect(page.getByText("3 von 21 Fragen beantwortet, davon 1 anderen überlassen.")).toBeVisible();

    // The lead settles e_file with the Kämmerei's answer, then closes the round.
    await page.goto(`/a/${token}/kollegium`);
    await page
      .getByRole("group", { name: question("e_file").text })
      .getByLabel(/^Ja, im Einsatz – Kämmerei/)
      .check();
    await page.getByRole("button", { name: "Antworten festlegen" }).click();
    await expect(page.getByText("Die Antworten sind festgelegt")).toBeVisible();
    const lead = await (await request.get(`/api/assessments/${token}`)).json();
    expect(lead.answers.e_file).toBe("in_use");
    await page.getByRole("button", { name: "Runde beenden" }).click();
    await expect(page.getByText("Die Runde ist beendet").first()).toBeVisible();
    await page.goto(path);
    await expect(
      page.getByText("Sie können Ihre Antworten noch lesen, aber nicht mehr ändern.", { exact: false }),
    ).toBeVisible();

    // Revoking from the overview: the link says so from then on.
    await page.goto(`/a/${token}`);
    await page.getByRole("button", { name: /^Zurückziehen/ }).click();
    await expect(page.getByText("Die Einladung ist zurückgezogen")).toBeVisible();
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Diese Einladung gilt nicht mehr");
  });
});
