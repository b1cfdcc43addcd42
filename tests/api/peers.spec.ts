import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "../support/test";
import {
  completeAnswers,
  createSubmittedAssessment,
  createVerifiedSubmission,
  insertTestCodes,
  registerCell,
  uniqueName,
} from "../support/fixtures";
import type { TSizeClass } from "../../lib/profile/size-class";

// Peer figures count verified municipalities only and change only in releases of at least k = 5 changed
// municipalities per cell (docs/adr/0005-peer-privacy.md). Each test owns register cells (state × size
// class) that no other verified submission touches, so parallel tests cannot disturb its counts.

async function peers(request: APIRequestContext, query: string) {
  const res = await request.get(`/api/peers?${query}`);
  expect(res.status()).toBe(200);
  return res.json();
}

/** Codes for `n` municipalities of a cell, from `offset` on. */
async function cellCodes(state: string, sizeClass: TSizeClass, n: number, offset = 0) {
  const rows = registerCell(state, sizeClass, n, offset);
  const codes = await insertTestCodes(rows.map((r) => r.key));
  return rows.map((r) => ({ ...r, code: codes.get(r.key)! }));
}

const shareOf = (view: { questions: { id: string; shares: Record<string, number> }[] }, q: string) =>
  view.questions.find((x) => x.id === q)!.shares;

test("the attack: one verified municipality and four invented ones with known answers reveal nothing", async ({
  request,
}) => {
  const [victim] = await cellCodes("DE-SN", "lt_5000", 1);
  await createVerifiedSubmission(request, victim!.code, { ...completeAnswers(), e_file: "in_use" });
  // An outsider fills the cell with invented municipalities of the same state and size class.
  for (let i = 0; i < 4; i += 1)
    await createSubmittedAssessment(
      request,
      { ...completeAnswers(), e_file: "neither" },
      { municipality: { name: uniqueName("Erfunden"), state: "DE-SN", population: 1200 + i }, respondentRole: "mayor" },
    );
  const view = await peers(request, "state=DE-SN&sizeClass=lt_5000");
  expect(view).toMatchObject({ suppressed: true, count: null, questions: [], index: null, release: null });
  // Nor does the state's view count the cell: it is the sum of the state's other, released size classes.
  const state = await peers(request, "state=DE-SN");
  let others = 0;
  for (const sizeClass of ["5000_19999", "20000_99999", "gte_100000"])
    others += (await peers(request, `state=DE-SN&sizeClass=${sizeClass}`)).count ?? 0;
  expect(state.count ?? 0).toBe(others);
});

test("five verified municipalities make one release; a sixth changes nothing; four more make the next", async ({
  request,
}) => {
  const cell = await cellCodes("DE-RP", "5000_19999", 10);
  for (const m of cell.slice(0, 4))
    await createVerifiedSubmission(request, m.code, { ...completeAnswers(), e_file: "in_use" });
  expect((await peers(request, "state=DE-RP&sizeClass=5000_19999")).suppressed).toBe(true);

  await createVerifiedSubmission(request, cell[4]!.code, { ...completeAnswers(), e_file: "planned" });
  const five = await peers(request, "state=DE-RP&sizeClass=5000_19999");
  expect(five.suppressed).toBe(false);
  expect(five.count).toBe(5);
  expect(five.release).toEqual({ releasedAt: expect.any(String), count: 5 });
  expect(shareOf(five, "e_file")).toEqual({ in_use: 80, planned: 20, neither: 0 });

  // A sixth: every figure and the release date stay as they were.
  const sixth = await createVerifiedSubmission(request, cell[5]!.code, { ...completeAnswers(), e_file: "neither" });
  const six = await peers(request, "state=DE-RP&sizeClass=5000_19999");
  expect(six).toEqual(five);
  // … and its results page says it will be counted with the next update.
  const results = await (await request.get(`/a/${sixth.token}/ergebnis`)).text();
  expect(results).toContain("Ihre Selbsteinschätzung wird mit der nächsten Aktualisierung gezählt");

  for (const m of cell.slice(6, 10))
    await createVerifiedSubmission(request, m.code, { ...completeAnswers(), e_file: "neither" });
  const ten = await peers(request, "state=DE-RP&sizeClass=5000_19999");
  expect(ten.count).toBe(10);
  expect(ten.release.count).toBe(10);
  expect(ten.release.releasedAt >= five.release.releasedAt).toBe(true);
  expect(shareOf(ten, "e_file")).toEqual({ in_use: 40, planned: 10, neither: 50 });
});

test("a re-submission, a reopened and a deleted assessment change the figures only with the next release", async ({
  request,
}) => {
  const cell = await cellCodes("DE-MV", "lt_5000", 5);
  const first = [];
  for (const m of cell)
    first.push(await createVerifiedSubmission(request, m.code, { ...completeAnswers(), e_file: "neither" }));
  const before = await peers(request, "state=DE-MV&sizeClass=lt_5000");
  expect(before.count).toBe(5);

  // The same municipality submits again with another answer: one changed municipality, no release.
  await createVerifiedSubmission(
    request,
    cell[0]!.code,
    { ...completeAnswers(), e_file: "in_use" },
    { newChain: true },
  );
  // Another reopens, a third deletes: three changed municipalities, still no release.
  await request.post(`/api/assessments/${first[1]!.token}/reopen`);
  await request.delete(`/api/assessments/${first[2]!.token}`);
  expect(await peers(request, "state=DE-MV&sizeClass=lt_5000")).toEqual(before);

  // Two more municipalities submit: five changed, a new release without the withdrawn two.
  const more = await cellCodes("DE-MV", "lt_5000", 2, 5);
  for (const m of more) await createVerifiedSubmission(request, m.code, { ...completeAnswers(), e_file: "planned" });
  const after = await peers(request, "state=DE-MV&sizeClass=lt_5000");
  expect(after.count).toBe(5);
  expect(shareOf(after, "e_file")).toEqual({ in_use: 20, planned: 40, neither: 40 });
});

test("differencing: a small cell counts nowhere, so state minus size class reveals nobody", async ({ request }) => {
  for (const m of await cellCodes("DE-TH", "lt_5000", 5))
    await createVerifiedSubmission(request, m.code, { ...completeAnswers(), e_payment: "neither" });
  // One municipality alone in its size class: if it counted in the state total, state − size class = its answers.
  const [lone] = await cellCodes("DE-TH", "20000_99999", 1);
  await createVerifiedSubmission(request, lone!.code, { ...completeAnswers(), e_payment: "in_use" });
  const state = await peers(request, "state=DE-TH");
  const small = await peers(request, "state=DE-TH&sizeClass=lt_5000");
  expect((await peers(request, "state=DE-TH&sizeClass=20000_99999")).suppressed).toBe(true);
  expect(state.count).toBe(5);
  expect(state.questions).toEqual(small.questions);
  expect(shareOf(state, "e_payment").in_use).toBe(0);
});

test("an unverified assessment keeps the national benchmark and reads the peer figures, but never counts", async ({
  request,
}) => {
  const created = await createSubmittedAssessment(request, completeAnswers(), {
    municipality: { name: uniqueName("Ohne Code"), state: "DE-SH", population: 1500 },
    respondentRole: "mayor",
  });
  expect((await request.get(`/api/assessments/${created.token}/benchmark`)).status()).toBe(200);
  expect((await request.get(`/api/peers?state=DE-SH`)).status()).toBe(200);
  const page = await (await request.get(`/a/${created.token}/ergebnis`)).text();
  expect(page).toContain("Ihre eigene Selbsteinschätzung zählt hier nicht mit");
});

for (const [label, query, path] of [
  ["an unknown state", "state=DE-XX", "state"],
  ["an unknown size class", "sizeClass=huge", "sizeClass"],
  ["an unknown parameter", "kreis=1", "kreis"],
  ["a repeated parameter", "state=DE-BY&state=DE-SN", "state"],
]) {
  test(`422 for ${label}`, async ({ request }) => {
    const res = await request.get(`/api/peers?${query}`);
    expect(res.status()).toBe(422);
    const body = await res.json();
    expect(body.error).toMatch(/ungültig|Unbekannt/);
    expect(JSON.stringify(body.issues)).toContain(path);
  });
}

test("CSV export: German Excel format, the same figures as the JSON, with the release", async ({ request }) => {
  const cell = await cellCodes("DE-NI", "5000_19999", 5);
  for (const [i, m] of cell.entries())
    await createVerifiedSubmission(request, m.code, {
      ...completeAnswers(),
      citizen_app: i < 2 ? "in_use" : "planned",
    });
  const res = await request.get("/api/peers/csv?state=DE-NI&sizeClass=5000_19999");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/csv");
  expect(res.headers()["content-disposition"]).toContain("attachment");
  const buffer = await res.body();
  expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = buffer.toString("utf8").slice(1).split("\r\n");
  expect(lines).toContain("Vergleichskommunen;5");
  expect(lines.find((l) => l.startsWith("Stand der Vergleichszahlen;"))).toMatch(/;\d{1,2}\. \p{L}+ \d{4}$/u);
  const row = (question: string, answer: string) =>
    lines.find((l) => l.startsWith(question) && l.includes(`;${answer};`));
  expect(row("Bietet Ihre Kommune eine Bürger-App an?", "Ja, im Einsatz")).toBe(
    "Bietet Ihre Kommune eine Bürger-App an?;Ja, im Einsatz;40;12;ja",
  );
  expect(row("Bietet Ihre Kommune eine Bürger-App an?", "Weder im Einsatz noch geplant")).toBe(
    "Bietet Ihre Kommune eine Bürger-App an?;Weder im Einsatz noch geplant;0;32;nein, abgeleitet: Weder im Einsatz noch geplant oder keine Angabe",
  );
});
