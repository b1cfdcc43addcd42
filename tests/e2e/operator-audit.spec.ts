import AxeBuilder from "@axe-core/playwright";
import { createAssessment, uniqueName } from "../support/fixtures";
import { openOperatorSession } from "../support/operator";
import { expect, test } from "../support/test";

// /betrieb/protokoll on a phone and a desktop: an operator's action appears at the top, named, counted and
// filterable; the page is accessible.
test("the audit trail shows an exclusion from the comparison, filtered by action, newest first", async ({
  page,
  context,
  request,
  baseURL,
}, testInfo) => {
  // A draft (it never counts as a peer, so no peer cell is touched).
  const name = uniqueName("Auditstadt");
  await createAssessment(request, {
    municipality: { name, state: "DE-HE", population: 650 },
    respondentRole: "other",
  });
  const token = (await openOperatorSession()).split("=")[1]!;
  await context.addCookies([{ name: "dc_operator", value: token, url: `${baseURL}/betrieb` }]);

  await page.goto(`/betrieb?q=${encodeURIComponent(name)}`);
  await page.getByRole("button", { name: `Aus Vergleich ausschließen: ${name}` }).click();
  await expect(page.getByRole("status")).toContainText("aus dem Vergleich ausgeschlossen");

  await page.getByRole("link", { name: "Protokoll", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Protokoll");
  await page.getByLabel("Aktion").selectOption({ label: "Aus dem Vergleich genommen" });
  await page.getByRole("button", { name: "Protokoll anzeigen" }).click();
  await expect(page).toHaveURL(/\/betrieb\/protokoll\?aktion=peer_excluded(&|$)/);
  const rows = page.getByRole("row");
  // Every row of the filtered table is an exclusion, and the newest names the operator and one assessment.
  await expect(rows.nth(1)).toContainText("Gemeinsames Passwort");
  await expect(rows.nth(1)).toContainText("Aus dem Vergleich genommen");
  await expect(rows.nth(1)).toContainText("erfolgreich");
  await expect(rows.nth(1)).toContainText(name);
  await expect(page.getByText("Sie sind angemeldet mit dem gemeinsamen Passwort.")).toBeVisible();
  for (const text of await rows.allInnerTexts())
    if (!/Zeitpunkt/.test(text)) expect(text).toContain("Aus dem Vergleich genommen");
  await expect(page.getByRole("link", { name: "Als CSV herunterladen" })).toHaveAttribute(
    "href",
    "/betrieb/protokoll/export.csv?aktion=peer_excluded",
  );
  await expect(page).toHaveTitle("Betrieb: Protokoll – Kommunaler Digitalcheck");
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("protokoll.png"), fullPage: true });
  // Nothing overflows the phone's width.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
