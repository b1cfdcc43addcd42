import { expect, test, uniqueClientIp } from "../support/test";
import { completeAnswers, fillVerifiedCell } from "../support/fixtures";
import { chartTextProblems, drawAllCharts, recordChartText } from "../support/chart-text";
import { estimateText } from "../../lib/lagebild/build-lagebild";
import { ZLagebildResponse } from "../../lib/lagebild/lagebild-schema";

// The Lagebild of one state with an estimate, at 360 and 1280 px. Phone and desktop run in parallel against one
// database: each project fills 30 Kleinstädte of a state that no other test fills (ST: the escaping test takes
// units 0 to 4; SL: the security and code-limit tests take units 0, 1 and 10). Other tests may add participants
// in the state's other cells at any time, so the page is compared with the API read just before it.
const STATE_OF_PROJECT: Record<string, { code: "DE-ST" | "DE-SL"; name: string; first: number }> = {
  phone: { code: "DE-ST", name: "Sachsen-Anhalt", first: 5 },
  desktop: { code: "DE-SL", name: "Saarland", first: 11 },
};
const E_FILE = ["in_use", "planned", "neither"];

test("a state's Lagebild: estimates as ranges, the same figures as the API, the words on what they mean", async ({
  page,
  request,
  playwright,
  baseURL,
}, testInfo) => {
  const state = STATE_OF_PROJECT[testInfo.project.name]!;
  await recordChartText(page);
  const cell = { state: state.code, sizeClass: "5000_19999" as const };
  // 30 participants, five at a time, each five from a client address of their own (rate limit per client).
  for (let offset = 0; offset < 30; offset += 5) {
    const client = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp() },
    });
    await fillVerifiedCell(client, cell, state.first + offset, (i) => ({
      ...completeAnswers(),
      e_file: E_FILE[(offset + i) % 3],
    }));
    await client.dispose();
  }
  // Until the API and the page show one release (another test's release may fall between the two reads).
  await expect(async () => {
    const body = ZLagebildResponse.parse(await (await request.get(`/api/lagebild?state=${state.code}`)).json());
    const eFile = body.estimates!.questions.e_file!.in_use!;

    await page.goto(`/lagebild?state=${state.code}`);
    await expect(page.getByRole("heading", { name: `Teilnahme: ${state.name}` })).toBeVisible();
    await expect(
      page.getByText(
        `Heute: Schätzung für alle Verwaltungen aus den Angaben von ${body.estimates!.participants} Verwaltungen, die sich selbst für die Teilnahme entschieden haben.`,
      ),
    ).toBeVisible();
    const headline = page.getByRole("listitem").filter({ hasText: "E-Akte im Einsatz" });
    await expect(headline).toContainText(`2020 16 % – heute ${estimateText(eFile)}`);
    await expect(page.getByText("Das 95-%-Konfidenzintervall erfasst nur den Zufallsfehler")).toBeVisible();
    await expect(page.getByText(/Stichprobe: der Umfrage unter 623 Kommunen/)).toBeVisible();
    await expect(page.getByText(/schätzen wir sie zusammen mit der benachbarten Größenklasse/)).toBeVisible();
    const table = page.getByRole("table", { name: "Führt Ihre Verwaltung elektronische Akten (E-Akte)?" });
    await expect(table.getByRole("row", { name: /Ja, im Einsatz/ })).toContainText(estimateText(eFile));
  }).toPass({ timeout: 60_000 });
  expect(await page.locator("main").innerText()).not.toContain("±");
  // Nothing wider than the window: long tables scroll in their own region.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  );
  // The histogram's labels stand level, whole and apart.
  expect(await drawAllCharts(page)).toBeGreaterThan(0);
  expect(await chartTextProblems(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath(`lagebild-${testInfo.project.name}.png`), fullPage: true });
});
