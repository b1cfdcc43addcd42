import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "../support/test";
import {
  completeAnswers,
  createAssessment,
  createSubmittedAssessment,
  createVerifiedSubmission,
  insertTestCodes,
  registerCell,
  uniqueName,
} from "../support/fixtures";
import type { TSizeClass } from "../../lib/profile/size-class";
import { openOperatorSession } from "../support/operator";

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
  const cell = await cellCodes("DE-HE", "5000_19999", 10);
  for (const m of cell.slice(0, 4))
    await createVerifiedSubmission(request, m.code, { ...completeAnswers(), e_file: "in_use" });
  expect((await peers(request, "state=DE-HE&sizeClass=5000_19999")).suppressed).toBe(true);

  await createVerifiedSubmission(request, cell[4]!.code, { ...completeAnswers(), e_file: "planned" });
  const five = await peers(request, "state=DE-HE&sizeClass=5000_19999");
  expect(five.suppressed).toBe(false);
  expect(five.count).toBe(5);
  expect(five.release).toEqual({ releasedAt: expect.any(String), count: 5 });
  expect(shareOf(five, "e_file")).toEqual({ in_use: 80, planned: 20, neither: 0 });

  // A sixth: every figure and the release date stay as they were.
  const sixth = await createVerifiedSubmission(request, cell[5]!.code, { ...completeAnswers(), e_file: "neither" });
  const six = await peers(request, "state=DE-HE&sizeClass=5000_19999");
  expect(six).toEqual(five);
  // … and its results page says it will be counted with the next update.
  const results = await (await request.get(`/a/${sixth.token}/ergebnis`)).text();
  expect(results).toContain("Ihre Selbsteinschätzung wird mit der nächsten Aktualisierung gezählt");

  for (const m of cell.slice(6, 10))
    await createVerifiedSubmission(request, m.code, { ...completeAnswers(), e_file: "neither" });
  const ten = await peers(request, "state=DE-HE&sizeClass=5000_19999");
  expect(ten.count).toBe(10);
  expect(ten.release.count).toBe(10);
  expect(ten.release.releasedAt >= five.release.releasedAt).toBe(true);
  expect(shareOf(ten, "e_file")).toEqual({ in_use: 40, planned: 10, neither: 50 });
});

test("a re-submission, a reopened and a deleted assessment change the figures only with a release that five new contents make", async ({
  request,
}) => {
  const cell = await cellCodes("DE-MV", "lt_5000", 5);
  const first = [];
  for (const m of cell)
    first.push(await createVerifiedSubmission(request, m.code, { ...completeAnswers(), e_file: "neither" }));
  const before = await peers(request, "state=DE-MV&sizeClass=lt_5000");
  expect(before.count).toBe(5);

  // The same municipality submits again with another answer: one new content, no release.
  await createVerifiedSubmission(
    request,
    cell[0]!.code,
    { ...completeAnswers(), e_file: "in_use" },
    { newChain: true },
  );
  // Another reopens, a third deletes: changes, but no new content.
  await request.post(`/api/assessments/${first[1]!.token}/reopen`);
  await request.delete(`/api/assessments/${first[2]!.token}`);
  expect(await peers(request, "state=DE-MV&sizeClass=lt_5000")).toEqual(before);

  // Two more municipalities: five changed municipalities, but only three new contents: still no release.
  const more = await cellCodes("DE-MV", "lt_5000", 4, 5);
  for (const m of more.slice(0, 2))
    await createVerifiedSubmission(request, m.code, { ...completeAnswers(), e_file: "planned" });
  expect(await peers(request, "state=DE-MV&sizeClass=lt_5000")).toEqual(before);
  // Two more new contents make five: a new release, without the withdrawn two.
  for (const m of more.slice(2))
    await createVerifiedSubmission(request, m.code, { ...completeAnswers(), e_file: "planned" });
  const after = await peers(request, "state=DE-MV&sizeClass=lt_5000");
  expect(after.count).toBe(7);
  expect(shareOf(after, "e_file")).toEqual({ in_use: 14.3, planned: 57.1, neither: 28.6 });
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

// ------------------------------------------------------------------------------------------------
// The three attacks of the review of December 2026 (docs/adr/0005-peer-privacy.md), as an attacker ran them.
// ------------------------------------------------------------------------------------------------

test("attack 1: the operator toggles exclusions in three rounds of five; no release follows, so nothing can be subtracted", async ({
  request,
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const query = "state=DE-NI&sizeClass=lt_5000";
  const cell = await cellCodes("DE-NI", "lt_5000", 19);
  // Nineteen verified members, each with its own answers; the victim M1 is the first.
  for (const [i, m] of cell.entries())
    await createVerifiedSubmission(request, m.code, {
      ...completeAnswers(),
      e_file: i % 3 === 0 ? "in_use" : i % 3 === 1 ? "planned" : "neither",
      citizen_app: i === 0 ? "in_use" : "planned",
    });
  const initial = await peers(request, query);
  expect(initial.count).toBe(15); // three releases of five; four members wait for the next one

  // The operator's own area, with a session as a login leaves it.
  const [name, value] = (await openOperatorSession()).split("=") as [string, string];
  await context.addCookies([{ name, value, url: `${baseURL}/betrieb` }]);
  const toggle = async (i: number, label: "Aus Vergleich ausschließen" | "Wieder einbeziehen") => {
    const municipality = cell[i]!.name;
    await page.goto(`/betrieb?q=${encodeURIComponent(municipality)}`);
    await page.getByRole("button", { name: `${label}: ${municipality}`, exact: true }).click();
    await expect(page.getByRole("status")).toContainText(
      label === "Wieder einbeziehen" ? "wieder in den Vergleich einbezogen" : "aus dem Vergleich ausgeschlossen",
    );
  };
  const rounds: [number, "Aus Vergleich ausschließen" | "Wieder einbeziehen"][][] = [
    [0, 1, 2, 3, 4].map((i) => [i, "Aus Vergleich ausschließen"]), // −M1 … M5
    [
      [1, "Wieder einbeziehen"],
      [2, "Wieder einbeziehen"],
      ...[5, 6, 7].map((i): [number, "Aus Vergleich ausschließen"] => [i, "Aus Vergleich ausschließen"]),
    ], // +M2 +M3 −M6 … M8
    [3, 4, 5, 6, 7].map((i) => [i, "Wieder einbeziehen"]), // +M4 … M8
  ];
  for (const round of rounds) {
    for (const [i, label] of round) await toggle(i, label);
    // Each round changes five members, but brings no new content: the published figures stand.
    expect(await peers(request, query)).toEqual(initial);
  }

  // A newcomer's new answers are the fifth new content (after the four members that waited): the next release
  // counts every member as it is then, M1 excluded.
  const [newcomer] = await cellCodes("DE-NI", "lt_5000", 1, 19);
  await createVerifiedSubmission(request, newcomer!.code, completeAnswers());
  const next = await peers(request, query);
  expect(next.count).toBe(19 - 1 + 1);
  expect(next.release.releasedAt > initial.release.releasedAt).toBe(true);
});

test("attack 2: four municipalities submit their follow-ups unchanged, a fifth changes two answers; no release reveals the fifth", async ({
  request,
}) => {
  const query = "state=DE-RP&sizeClass=5000_19999";
  const cell = await cellCodes("DE-RP", "5000_19999", 5);
  const tokens: string[] = [];
  for (const m of cell)
    tokens.push(
      (
        await createVerifiedSubmission(request, m.code, {
          ...completeAnswers(),
          e_file: "neither",
          citizen_app: "planned",
        })
      ).token,
    );
  const released = await peers(request, query);
  expect(released.count).toBe(5);

  const followUp = async (token: string) => {
    const res = await request.post(`/api/assessments/${token}/follow-up`);
    expect(res.status()).toBe(201);
  };
  // Four take the pre-filled follow-up over as it was and submit it.
  for (const token of tokens.slice(0, 4)) {
    await followUp(token);
    expect((await request.post(`/api/assessments/${token}/submit`)).status()).toBe(200);
  }
  // The fifth changes e_file neither → in_use and citizen_app planned → in_use.
  await followUp(tokens[4]!);
  const current = await (await request.get(`/api/assessments/${tokens[4]}`)).json();
  expect(
    (
      await request.put(`/api/assessments/${tokens[4]}/answers`, {
        data: { version: current.version, answers: { e_file: "in_use", citizen_app: "in_use" } },
      })
    ).status(),
  ).toBe(200);
  expect((await request.post(`/api/assessments/${tokens[4]}/submit`)).status()).toBe(200);
  // One changed content among five submissions: no release, the figures stand.
  expect(await peers(request, query)).toEqual(released);
  // The unchanged four wait for nothing: their results pages do not announce a coming update.
  for (const token of tokens.slice(0, 4))
    expect(await (await request.get(`/a/${token}/ergebnis`)).text()).not.toContain(
      "Ihre Selbsteinschätzung wird mit der nächsten Aktualisierung gezählt",
    );
  expect(await (await request.get(`/a/${tokens[4]}/ergebnis`)).text()).toContain(
    "Ihre Selbsteinschätzung wird mit der nächsten Aktualisierung gezählt",
  );
  // Reopening and submitting without a change is no change either.
  expect((await request.post(`/api/assessments/${tokens[0]}/reopen`)).status()).toBe(200);
  expect((await request.post(`/api/assessments/${tokens[0]}/submit`)).status()).toBe(200);
  expect(await peers(request, query)).toEqual(released);
});

test("attack 3: a draft learns no score, and five municipalities' view has no quartiles: no score oracle", async ({
  request,
}) => {
  const query = "state=DE-RP&sizeClass=20000_99999";
  const cell = await cellCodes("DE-RP", "20000_99999", 5);
  for (const [i, m] of cell.entries())
    await createVerifiedSubmission(request, m.code, {
      ...completeAnswers(),
      e_file: ["in_use", "planned", "neither", "in_use", "planned"][i],
      e_payment: ["in_use", "neither", "in_use", "planned", "planned"][i],
    });
  const view = await peers(request, query);
  expect(view.count).toBe(5);
  // Five municipalities: the mean in whole points, no median or quartiles (they would be three members' scores).
  expect(view.index).toEqual({ mean: expect.any(Number), median: null, p25: null, p75: null });
  expect(Number.isInteger(view.index.mean)).toBe(true);
  expect(view.ownBand).toBeNull();

  // An outsider's draft in the same cell, with answers saved again and again: its pages never place it.
  const draft = await createAssessment(request, {
    municipality: { name: uniqueName("Orakel"), state: "DE-RP", population: 30_000 },
    respondentRole: "other",
  });
  let version = 1;
  const sections = new Map<string, Set<string>>();
  for (const e_file of ["in_use", "planned", "neither"]) {
    const put = await request.put(`/api/assessments/${draft.token}/answers`, {
      data: { version, answers: { ...completeAnswers(), e_file } },
    });
    expect(put.status()).toBe(200);
    version += 1;
    for (const path of [`/a/${draft.token}/vergleich`, `/a/${draft.token}/ergebnis`]) {
      const html = await (await request.get(path)).text();
      expect(html).toContain("Reifegrad-Index der Vergleichskommunen");
      expect(html).not.toMatch(/vor \d+ ?% der Vergleichskommunen|liegt Ihre Kommune im/);
      // The index section reads the same whatever the draft's score, apart from the draft's own score.
      const from = html.indexOf("Reifegrad-Index der Vergleichskommunen");
      const section = html.slice(from, html.indexOf("</section>", from));
      sections.set(
        path,
        (sections.get(path) ?? new Set()).add(section.replace(/Ihre Kommune<\/dt><dd[^>]*>[^<]*/, "")),
      );
    }
  }
  for (const [path, seen] of sections) expect(seen.size, `${path}: the same whatever the draft's answers`).toBe(1);
});
