import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "../support/test";
import { completeAnswers, createAssessment, createSubmittedAssessment, uniqueName } from "../support/fixtures";

// Each test owns federal states that no other test writes to, so parallel tests cannot disturb its counts.
const profile = (state: string, population: number, name = uniqueName("Peer")) => ({
  municipality: { name, state, population },
  respondentRole: "digital_officer",
});

async function submitted(
  request: APIRequestContext,
  state: string,
  population: number,
  answers: object = completeAnswers(),
  name?: string,
) {
  return createSubmittedAssessment(request, answers, profile(state, population, name));
}

async function peers(request: APIRequestContext, query: string) {
  const res = await request.get(`/api/peers?${query}`);
  expect(res.status()).toBe(200);
  return res.json();
}

test("k−1 municipalities are suppressed without any figure; k are shown; k+1 too", async ({ request }) => {
  for (let i = 0; i < 4; i += 1)
    await submitted(request, "DE-SL", 1200 + i, { ...completeAnswers(), e_file: "in_use" });
  const four = await peers(request, "state=DE-SL&sizeClass=lt_5000");
  expect(four).toEqual({
    filters: { state: "DE-SL", sizeClass: "lt_5000" },
    k: 5,
    count: null,
    suppressed: true,
    questions: [],
    index: null,
    registerTotal: expect.any(Number),
    ownPosition: null,
  });

  await submitted(request, "DE-SL", 1300, { ...completeAnswers(), e_file: "planned" });
  const five = await peers(request, "state=DE-SL&sizeClass=lt_5000");
  expect(five.suppressed).toBe(false);
  expect(five.count).toBe(5);
  expect(five.questions.find((q: { id: string }) => q.id === "e_file").shares).toEqual({
    in_use: 80,
    planned: 20,
    neither: 0,
  });
  expect(five.index).toMatchObject({
    mean: expect.any(Number),
    median: expect.any(Number),
    p25: expect.any(Number),
    p75: expect.any(Number),
  });

  await submitted(request, "DE-SL", 1400, { ...completeAnswers(), e_file: "neither" });
  const six = await peers(request, "state=DE-SL&sizeClass=lt_5000");
  expect(six.count).toBe(6);
  expect(six.questions.find((q: { id: string }) => q.id === "e_file").shares).toEqual({
    in_use: 66.7,
    planned: 16.7,
    neither: 16.7,
  });
});

test("drafts never count, and only the latest submission of a municipality counts", async ({ request }) => {
  const names = [0, 1, 2, 3, 4].map(() => uniqueName("Latest"));
  for (const name of names)
    await submitted(request, "DE-MV", 30_000, { ...completeAnswers(), e_file: "neither" }, name);
  const draft = await createAssessment(request, profile("DE-MV", 30_000));
  await request.put(`/api/assessments/${draft.token}/answers`, { data: { version: 1, answers: completeAnswers() } });
  const before = await peers(request, "state=DE-MV&sizeClass=20000_99999");
  expect(before.count).toBe(5);

  // The first municipality submits again with another answer: still 5 municipalities, the new answer counts.
  const again = await submitted(request, "DE-MV", 30_000, { ...completeAnswers(), e_file: "in_use" }, names[0]);
  const after = await peers(request, "state=DE-MV&sizeClass=20000_99999");
  expect(after.count).toBe(5);
  expect(after.questions.find((q: { id: string }) => q.id === "e_file").shares).toMatchObject({
    in_use: 20,
    neither: 80,
  });

  // Reopening the newer one makes the older submission count again.
  await request.post(`/api/assessments/${again.token}/reopen`);
  const reopened = await peers(request, "state=DE-MV&sizeClass=20000_99999");
  expect(reopened.count).toBe(5);
  expect(reopened.questions.find((q: { id: string }) => q.id === "e_file").shares).toMatchObject({
    in_use: 0,
    neither: 100,
  });
});

test("differencing: a small cell counts nowhere, so state minus size class reveals nobody", async ({ request }) => {
  for (let i = 0; i < 5; i += 1)
    await submitted(request, "DE-TH", 2000 + i, { ...completeAnswers(), e_payment: "neither" });
  // One municipality alone in its size class: if it counted in the state total, state − size class = its answers.
  await submitted(request, "DE-TH", 45_000, { ...completeAnswers(), e_payment: "in_use" });
  const state = await peers(request, "state=DE-TH");
  const small = await peers(request, "state=DE-TH&sizeClass=lt_5000");
  const lone = await peers(request, "state=DE-TH&sizeClass=20000_99999");
  expect(lone.suppressed).toBe(true);
  expect(state.count).toBe(5);
  expect(state.questions).toEqual(small.questions);
  expect(state.questions.find((q: { id: string }) => q.id === "e_payment").shares.in_use).toBe(0);
  const nationwideMid = await peers(request, "sizeClass=20000_99999");
  expect(JSON.stringify(nationwideMid)).not.toContain("DE-TH");
});

test("deleting an assessment removes it from the peers", async ({ request }) => {
  const tokens = [];
  for (let i = 0; i < 5; i += 1) tokens.push((await submitted(request, "DE-ST", 150_000 + i)).token);
  expect((await peers(request, "state=DE-ST&sizeClass=gte_100000")).count).toBe(5);
  await request.delete(`/api/assessments/${tokens[0]}`);
  expect((await peers(request, "state=DE-ST&sizeClass=gte_100000")).suppressed).toBe(true);
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

test("CSV export: German Excel format, the same figures as the JSON", async ({ request }) => {
  for (let i = 0; i < 5; i += 1)
    await submitted(request, "DE-SH", 8000 + i, { ...completeAnswers(), citizen_app: i < 2 ? "in_use" : "planned" });
  const res = await request.get("/api/peers/csv?state=DE-SH&sizeClass=5000_19999");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/csv");
  expect(res.headers()["content-disposition"]).toContain("attachment");
  const buffer = await res.body();
  expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = buffer.toString("utf8").slice(1).split("\r\n");
  expect(lines).toContain("Vergleichskommunen;5");
  const row = (question: string, answer: string) =>
    lines.find((l) => l.startsWith(question) && l.includes(`;${answer};`));
  expect(row("Bietet Ihre Kommune eine Bürger-App an?", "Ja, im Einsatz")).toBe(
    "Bietet Ihre Kommune eine Bürger-App an?;Ja, im Einsatz;40;12;ja",
  );
  expect(row("Bietet Ihre Kommune eine Bürger-App an?", "Weder im Einsatz noch geplant")).toBe(
    "Bietet Ihre Kommune eine Bürger-App an?;Weder im Einsatz noch geplant;0;32;nein, abgeleitet: Weder im Einsatz noch geplant oder keine Angabe",
  );
});
