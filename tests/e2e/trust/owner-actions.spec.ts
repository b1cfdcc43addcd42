import { readFileSync } from "node:fs";
import { expect, test } from "../../support/test";
import {
  countAssessmentsNamed,
  createAssessment,
  KNOWN_ANSWERS,
  uniqueName,
  validProfile,
} from "../../support/fixtures";

/* The owner's actions on the overview page (/a/{token}), through the UI. */

const NOT_FOUND = "Seite nicht gefunden";

test("„Link erneuern“ shows the new link and the notice; the old link is a 404 from then on", async ({
  page,
  request,
}) => {
  const name = uniqueName("Erneuerungsdorf");
  const { token } = await createAssessment(request, validProfile(name));
  expect(
    (
      await request.put(`/api/assessments/${token}/answers`, { data: { version: 1, answers: { e_file: "in_use" } } })
    ).status(),
  ).toBe(200);
  await page.goto(`/a/${token}`);
  await expect(page.getByLabel("Ihr persönlicher Link")).toHaveValue(new RegExp(`/a/${token}$`));

  await page.getByRole("button", { name: "Link erneuern" }).click();
  await expect(page.getByText("Ihr Link wurde erneuert")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Ihr Link wurde erneuert" })).toBeVisible();
  const link = await page.getByLabel("Ihr persönlicher Link").inputValue();
  const renewed = /\/a\/([A-Za-z0-9_-]{43})$/.exec(link)?.[1];
  expect(renewed, `the new link ${link}`).toBeTruthy();
  expect(renewed).not.toBe(token);
  expect(new URL(page.url()).pathname).toBe(`/a/${renewed}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Digitalcheck ${name}`);
  await expect(page.getByText("1 von 21 Fragen beantwortet.")).toBeVisible();

  const old = await page.goto(`/a/${token}`);
  expect(old?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND);
  expect((await request.get(`/api/assessments/${token}`)).status()).toBe(404);
  const current = await page.goto(`/a/${renewed}`);
  expect(current?.status()).toBe(200);
  await expect(page.getByText("1 von 21 Fragen beantwortet.")).toBeVisible();
});

test("„Daten löschen“: without the box ticked a German message and nothing deleted; ticked: /geloescht and the link is a 404", async ({
  page,
  request,
}) => {
  const name = uniqueName("Löschhausen");
  const { token } = await createAssessment(request, validProfile(name));
  expect(
    (await request.put(`/api/assessments/${token}/answers`, { data: { version: 1, answers: KNOWN_ANSWERS } })).status(),
  ).toBe(200);
  await page.goto(`/a/${token}`);

  const confirm = page.getByRole("checkbox", { name: "Ja, alle Daten dieser Selbsteinschätzung endgültig löschen" });
  await expect(confirm).not.toBeChecked();
  await page.getByRole("button", { name: "Daten löschen" }).click();
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "Bitte bestätigen Sie, dass die Daten endgültig gelöscht werden sollen." }),
  ).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/a/${token}$`));
  const kept = await request.get(`/api/assessments/${token}`);
  expect(kept.status()).toBe(200);
  expect((await kept.json()).answers).toEqual(KNOWN_ANSWERS);
  expect(await countAssessmentsNamed(name)).toBe(1);

  await confirm.check();
  await page.getByRole("button", { name: "Daten löschen" }).click();
  await expect(page).toHaveURL(/\/geloescht$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ihre Daten wurden gelöscht");
  expect(await countAssessmentsNamed(name)).toBe(0);
  const gone = await page.goto(`/a/${token}`);
  expect(gone?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND);
  expect((await request.get(`/api/assessments/${token}`)).status()).toBe(404);
});

test("„Alle gespeicherten Daten herunterladen (JSON)“ downloads everything stored, with the municipality name", async ({
  page,
  request,
}) => {
  const name = uniqueName("Auskunftsstadt");
  const { token, id } = await createAssessment(request, validProfile(name));
  expect(
    (
      await request.put(`/api/assessments/${token}/answers`, { data: { version: 1, answers: { e_file: "planned" } } })
    ).status(),
  ).toBe(200);
  await page.goto(`/a/${token}`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Alle gespeicherten Daten herunterladen (JSON)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("Digitalcheck-Daten.json");
  const text = readFileSync((await file.path())!, "utf8");
  const data = JSON.parse(text);
  expect(data.assessment).toMatchObject({
    id,
    status: "draft",
    municipality: { name, state: "DE-BY", population: 12850, ags: "09162000" },
  });
  expect(data.answers).toEqual([expect.objectContaining({ questionId: "e_file", answer: "planned" })]);
  expect(text, "the export never contains the secret link").not.toContain(token);
});
