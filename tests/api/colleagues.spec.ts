import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../support/test";
import {
  createAssessment,
  createSubmittedAssessment,
  KNOWN_ANSWERS,
  queryTestDatabase,
  writeTestDatabase,
} from "../support/fixtures";

/**
 * Several colleagues, one answer (docs/adr/0014-colleagues.md): invitations, a colleague's own answers,
 * the comparison and settling, with every refusal. Each refusal is checked to change nothing.
 */

const GERMAN = /[äöüß]|Bitte|nicht|Diese|Dies |Sie /;

async function invite(request: APIRequestContext, token: string, role = "it", label?: string) {
  const res = await request.post(`/api/assessments/${token}/colleagues`, { data: label ? { role, label } : { role } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; token: string; url: string; role: string; label: string | null };
}

async function saveColleague(request: APIRequestContext, token: string, version: number, answers: object) {
  return request.put(`/api/colleagues/${token}/answers`, { data: { version, answers } });
}

async function answerRows(assessmentId: string) {
  return queryTestDatabase<{ questionId: string; optionId: string }>(
    'SELECT "questionId", "optionId" FROM "Answer" WHERE "assessmentId" = ? ORDER BY "questionId", "optionId"',
    [assessmentId],
  );
}

test.describe("invitations", () => {
  test("create, list and revoke; the link is shown once and stored only as a hash", async ({ request }) => {
    const lead = await createAssessment(request);
    const a = await invite(request, lead.token, "mayor", "Frau M.");
    expect(a.url).toMatch(new RegExp(`/k/${a.token}$`));
    expect(a).toMatchObject({ role: "mayor", label: "Frau M.", status: "open", answered: 0 });
    const [row] = await queryTestDatabase<Record<string, unknown>>(
      'SELECT * FROM "ColleagueInvitation" WHERE "id" = ?',
      [a.id],
    );
    expect(JSON.stringify(row)).not.toContain(a.token);
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const b = await invite(request, lead.token, "finance");
    const list = await (await request.get(`/api/assessments/${lead.token}/colleagues`)).json();
    expect(list.round).toEqual({ status: "open", closedAt: null, expiresAt: null });
    expect(list.limit).toBe(20);
    expect(list.items.map((i: { id: string; roleLabel: string }) => [i.id, i.roleLabel])).toEqual([
      [a.id, "Bürgermeisterin/Bürgermeister"],
      [b.id, "Kämmerei"],
    ]);
    expect(JSON.stringify(list)).not.toContain(a.token);

    // The colleague answers; revoking deletes the answers and the link answers 410 from then on.
    expect((await saveColleague(request, b.token, 1, { e_file: "in_use" })).status()).toBe(200);
    expect((await request.delete(`/api/assessments/${lead.token}/colleagues/${b.id}`)).status()).toBe(204);
    const gone = await request.get(`/api/colleagues/${b.token}`);
    expect(gone.status()).toBe(410);
    expect((await gone.json()).error).toMatch(/zurückgezogen/);
    const put = await saveColleague(request, b.token, 2, { e_file: "planned" });
    expect(put.status()).toBe(410);
    const rows = await queryTestDatabase('SELECT * FROM "ColleagueAnswer" WHERE "invitationId" = ?', [b.id]);
    expect(rows).toEqual([]);
    const after = await (await request.get(`/api/assessments/${lead.token}/colleagues`)).json();
    expect(after.items[1]).toMatchObject({ id: b.id, status: "revoked" });
    // Revoking an unknown invitation: 404 in German.
    const unknown = await request.delete(
      `/api/assessments/${lead.token}/colleagues/00000000-0000-4000-8000-000000000000`,
    );
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error).toMatch(GERMAN);
  });

  test("a 21st active invitation is refused with 422 and stores nothing; revoking one makes room", async ({
    request,
  }) => {
    const lead = await createAssessment(request);
    const made = [];
    for (let i = 0; i < 20; i += 1) made.push(await invite(request, lead.token, "other", `Nr. ${i + 1}`));
    const res = await request.post(`/api/assessments/${lead.token}/colleagues`, { data: { role: "it" } });
    expect(res.status()).toBe(422);
    expect((await res.json()).error).toMatch(/höchstens 20/);
    const [count] = await queryTestDatabase<{ n: number | string }>(
      'SELECT count(*) AS n FROM "ColleagueInvitation" WHERE "assessmentId" = ?',
      [lead.id],
    );
    expect(Number(count!.n)).toBe(20);
    expect((await request.delete(`/api/assessments/${lead.token}/colleagues/${made[0]!.id}`)).status()).toBe(204);
    await invite(request, lead.token, "it");
  });

  test("bad input: unknown role, too long label, control characters, unknown field → 422 in German", async ({
    request,
  }) => {
    const lead = await createAssessment(request);
    for (const [data, path] of [
      [{ role: "kaiser" }, "role"],
      [{ role: "it", label: "x".repeat(81) }, "label"],
      [{ role: "it", label: "a\u202eb" }, "label"],
      [{ role: "it", email: "a@b.de" }, ""],
      [[], ""],
    ] as const) {
      const res = await request.post(`/api/assessments/${lead.token}/colleagues`, { data });
      expect(res.status()).toBe(422);
      const body = await res.json();
      expect(body.error).toMatch(GERMAN);
      if (path) expect(body.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    const list = await (await request.get(`/api/assessments/${lead.token}/colleagues`)).json();
    expect(list.items).toEqual([]);
  });
});

test.describe("a colleague's own answers", () => {
  test("save with version, skip, resume; 409 on a stale version; sees nobody else's answers", async ({ request }) => {
    const lead = await createAssessment(request);
    expect(
      (
        await request.put(`/api/assessments/${lead.token}/answers`, { data: { version: 1, answers: KNOWN_ANSWERS } })
      ).status(),
    ).toBe(200);
    const c = await invite(request, lead.token, "digital");
    const view = await (await request.get(`/api/colleagues/${c.token}`)).json();
    expect(view).toMatchObject({
      role: "digital",
      roleLabel: "Digitalisierung",
      status: "open",
      version: 1,
      answers: {},
    });
    expect(view.unitName).toBeTruthy();

    const saved = await saveColleague(request, c.token, 1, { e_file: "in_use", obstacles: "skip" });
    expect(saved.status()).toBe(200);
    expect(await saved.json()).toEqual({ version: 2 });
    const stale = await saveColleague(request, c.token, 1, { e_file: "planned" });
    expect(stale.status()).toBe(409);
    expect(await stale.json()).toMatchObject({ currentVersion: 2 });
    expect((await saveColleague(request, c.token, 2, { e_payment: ["in_use"] })).status()).toBe(422);
    expect((await saveColleague(request, c.token, 2, { e_file: "vielleicht" })).status()).toBe(422);
    expect((await saveColleague(request, c.token, 2, { obstacles: ["skip", "other"] })).status()).toBe(422);

    const again = await (await request.get(`/api/colleagues/${c.token}`)).json();
    expect(again).toMatchObject({ version: 2, answers: { e_file: "in_use", obstacles: "skip" } });
    // Only their own answers: none of the lead's.
    expect(Object.keys(again.answers).sort()).toEqual(["e_file", "obstacles"]);
    // null clears one.
    expect((await saveColleague(request, c.token, 2, { obstacles: null })).status()).toBe(200);
    expect((await (await request.get(`/api/colleagues/${c.token}`)).json()).answers).toEqual({ e_file: "in_use" });
    // The lead's answers are untouched by a colleague's save.
    const leadView = await (await request.get(`/api/assessments/${lead.token}`)).json();
    expect(leadView.answers.e_file).toBe(KNOWN_ANSWERS.e_file);
  });

  test("an unknown colleague link: 404 in German", async ({ request }) => {
    const res = await request.get(`/api/colleagues/${"A".repeat(43)}`);
    expect(res.status()).toBe(404);
    expect((await res.json()).error).toMatch(/keine Einladung/);
    expect((await saveColleague(request, "B".repeat(43), 1, { e_file: "in_use" })).status()).toBe(404);
  });

  test("a colleague's link on every route of the lead is refused and changes nothing", async ({ request }) => {
    const lead = await createAssessment(request);
    const c = await invite(request, lead.token, "it");
    const t = c.token;
    const before = await queryTestDatabase('SELECT * FROM "ColleagueInvitation" WHERE "assessmentId" = ?', [lead.id]);
    const attempts = [
      request.get(`/api/assessments/${t}`),
      request.get(`/api/assessments/${t}/colleagues`),
      request.post(`/api/assessments/${t}/colleagues`, { data: { role: "it" } }),
      request.delete(`/api/assessments/${t}/colleagues/${c.id}`),
      request.post(`/api/assessments/${t}/colleagues/close`),
      request.get(`/api/assessments/${t}/colleagues/comparison`),
      request.post(`/api/assessments/${t}/colleagues/reinvite`),
      request.put(`/api/assessments/${t}/colleagues/settle`, { data: { version: 1, answers: {} } }),
      request.put(`/api/assessments/${t}/answers`, { data: { version: 1, answers: { e_file: "in_use" } } }),
      request.post(`/api/assessments/${t}/submit`),
      request.get(`/api/assessments/${t}/export`),
      request.get(`/api/assessments/${t}/benchmark`),
      request.get(`/api/assessments/${t}/history`),
      request.get(`/api/assessments/${t}/targets`),
      request.put(`/api/assessments/${t}/targets`, { data: { version: 1, targets: {} } }),
      request.get(`/api/assessments/${t}/report.pdf`),
      request.post(`/api/assessments/${t}/follow-up`),
      request.post(`/api/assessments/${t}/reopen`),
      request.post(`/api/assessments/${t}/renew`),
      request.post(`/api/assessments/${t}/verify`, { data: { code: "K7QF-2M9P-XW4D-HT6R" } }),
      request.delete(`/api/assessments/${t}?scope=all`),
    ];
    // Every route of the lead says what the link is: 403, never "not found".
    for (const res of await Promise.all(attempts)) {
      expect(res.status(), res.url()).toBe(403);
      const { error } = await res.json();
      expect(error).toMatch(GERMAN);
      expect(error).toMatch(/Link einer Kollegin oder eines Kollegen/);
    }
    const after = await queryTestDatabase('SELECT * FROM "ColleagueInvitation" WHERE "assessmentId" = ?', [lead.id]);
    expect(after).toEqual(before);
    expect(await answerRows(lead.id)).toEqual([]);
    const [a] = await queryTestDatabase<{ version: number | string; colleaguesClosedAt: unknown }>(
      'SELECT "version", "colleaguesClosedAt" FROM "Assessment" WHERE "id" = ?',
      [lead.id],
    );
    expect(Number(a!.version)).toBe(1);
    expect(a!.colleaguesClosedAt).toBeNull();
  });
});

test.describe("comparison, settling and the round", () => {
  test("the comparison puts the disputed questions first; settling takes given answers only; results use them", async ({
    request,
  }) => {
    const lead = await createAssessment(request);
    expect(
      (
        await request.put(`/api/assessments/${lead.token}/answers`, { data: { version: 1, answers: KNOWN_ANSWERS } })
      ).status(),
    ).toBe(200);
    const mayor = await invite(request, lead.token, "mayor");
    const it = await invite(request, lead.token, "it");
    const finance = await invite(request, lead.token, "finance");
    // KNOWN_ANSWERS: e_file planned, e_payment neither, e_invoice in_use.
    await saveColleague(request, mayor.token, 1, { e_file: "in_use", e_payment: "in_use", e_invoice: "in_use" });
    await saveColleague(request, it.token, 1, { e_file: "in_use", e_payment: "neither", e_invoice: "in_use" });
    await saveColleague(request, finance.token, 1, { e_file: "skip", e_invoice: "in_use" });

    const res = await request.get(`/api/assessments/${lead.token}/colleagues/comparison`);
    expect(res.status()).toBe(200);
    const c = await res.json();
    expect(c.answered).toBe(3);
    // e_payment: neither (lead, it) vs in_use (mayor): distance 2 of 2; e_file: planned (lead) vs in_use ×2: 1 of 2.
    expect(c.questions.slice(0, 2).map((q: { questionId: string }) => q.questionId)).toEqual(["e_payment", "e_file"]);
    expect(c.disputed).toBe(2);
    const eFile = c.questions[1];
    expect(eFile).toMatchObject({
      disputed: true,
      distance: 1,
      scaleMax: 2,
      spread: 0.5,
      mostFrequent: "in_use",
      own: "planned",
    });
    expect(eFile.groups).toEqual([
      { value: "in_use", labels: ["Ja, im Einsatz"], respondents: [mayor.id, it.id] },
      { value: "planned", labels: ["Geplant oder in Diskussion"], respondents: ["own"] },
    ]);
    expect(eFile.skipped).toEqual([finance.id]);
    const eInvoice = c.questions.find((q: { questionId: string }) => q.questionId === "e_invoice");
    expect(eInvoice.disputed).toBe(false);

    // Settling with an option nobody gave, an option that does not exist, an unknown question: 422, nothing changes.
    for (const answers of [{ e_file: "neither" }, { e_file: "vielleicht" }, { e_file: "in_use", nope: "x" }]) {
      const bad = await request.put(`/api/assessments/${lead.token}/colleagues/settle`, {
        data: { version: 2, answers },
      });
      expect(bad.status()).toBe(422);
      expect((await bad.json()).error).toMatch(GERMAN);
    }
    const stale = await request.put(`/api/assessments/${lead.token}/colleagues/settle`, {
      data: { version: 1, answers: { e_file: "in_use" } },
    });
    expect(stale.status()).toBe(409);
    expect((await answerRows(lead.id)).find((r) => r.questionId === "e_file")!.optionId).toBe("planned");

    const settled = await request.put(`/api/assessments/${lead.token}/colleagues/settle`, {
      data: { version: 2, answers: { e_file: "in_use", e_payment: "neither" } },
    });
    expect(settled.status()).toBe(200);
    expect(await settled.json()).toEqual({ version: 3, settled: ["e_file", "e_payment"] });
    const rows = await answerRows(lead.id);
    expect(rows.filter((r) => r.questionId === "e_file")).toEqual([{ questionId: "e_file", optionId: "in_use" }]);

    // Submitting submits the settled answers only; the benchmark and the export read them, not the colleagues'.
    expect((await request.post(`/api/assessments/${lead.token}/submit`)).status()).toBe(200);
    const exported = await (await request.get(`/api/assessments/${lead.token}/export`)).json();
    const answer = (id: string) => exported.answers.find((a: { questionId: string }) => a.questionId === id)?.answer;
    expect(answer("e_file")).toBe("in_use");
    expect(answer("e_payment")).toBe("neither");
    expect(exported.colleagues.invitations).toHaveLength(3);
    expect(exported.colleagues.invitations[0]).toMatchObject({ role: "mayor", answers: { e_payment: "in_use" } });
    expect(JSON.stringify(exported)).not.toContain(mayor.token);
    // After submitting, settling is refused like a save.
    const late = await request.put(`/api/assessments/${lead.token}/colleagues/settle`, {
      data: { version: 4, answers: { e_file: "in_use" } },
    });
    expect(late.status()).toBe(409);
  });

  test("closing the round: links read only (409), no new invitations; 30 days later they expire (410)", async ({
    request,
  }) => {
    const lead = await createAssessment(request);
    const c = await invite(request, lead.token, "personnel");
    await saveColleague(request, c.token, 1, { e_file: "in_use" });
    const closed = await request.post(`/api/assessments/${lead.token}/colleagues/close`);
    expect(closed.status()).toBe(200);
    const { round } = await closed.json();
    expect(round.status).toBe("closed");
    expect(new Date(round.expiresAt).getTime() - new Date(round.closedAt).getTime()).toBe(30 * 24 * 3600 * 1000);

    const view = await (await request.get(`/api/colleagues/${c.token}`)).json();
    expect(view).toMatchObject({ status: "closed", answers: { e_file: "in_use" } });
    const put = await saveColleague(request, c.token, 2, { e_file: "planned" });
    expect(put.status()).toBe(409);
    expect((await put.json()).error).toMatch(/Runde ist beendet/);
    const more = await request.post(`/api/assessments/${lead.token}/colleagues`, { data: { role: "it" } });
    expect(more.status()).toBe(409);
    const [counts] = await queryTestDatabase<{ a: number | string; d: number | string }>(
      'SELECT "colleaguesAnswered" AS a, "colleaguesDisputed" AS d FROM "Assessment" WHERE "id" = ?',
      [lead.id],
    );
    expect([Number(counts!.a), Number(counts!.d)]).toEqual([1, 0]);

    // 31 days after closing: the link has expired.
    const past = new Date(Date.now() - 31 * 24 * 3600 * 1000).toISOString().replace("Z", "+00:00");
    await writeTestDatabase('UPDATE "Assessment" SET "colleaguesClosedAt" = ? WHERE "id" = ?', [past, lead.id]);
    const expired = await request.get(`/api/colleagues/${c.token}`);
    expect(expired.status()).toBe(410);
    expect((await expired.json()).error).toMatch(/abgelaufen/);
    const comparison = await (await request.get(`/api/assessments/${lead.token}/colleagues/comparison`)).json();
    expect(comparison.respondents).toHaveLength(1);
  });

  test("a follow-up closes the round of the year before, also when the lead did not", async ({ request }) => {
    const lead = await createSubmittedAssessment(request);
    const c = await invite(request, lead.token, "digital");
    expect((await saveColleague(request, c.token, 1, { e_file: "in_use" })).status()).toBe(200);
    expect((await request.post(`/api/assessments/${lead.token}/follow-up`)).status()).toBe(201);
    const view = await (await request.get(`/api/colleagues/${c.token}`)).json();
    expect(view).toMatchObject({ status: "closed", answers: { e_file: "in_use" } });
    const late = await saveColleague(request, c.token, 2, { e_file: "planned" });
    expect(late.status()).toBe(409);
    expect((await late.json()).error).toMatch(/Runde ist beendet/);
  });

  test("deleting the assessment deletes every invitation and every colleague's answer", async ({ request }) => {
    const lead = await createAssessment(request);
    const c = await invite(request, lead.token, "it");
    await saveColleague(request, c.token, 1, { e_file: "in_use" });
    expect((await request.delete(`/api/assessments/${lead.token}?scope=all`)).status()).toBe(204);
    expect(await queryTestDatabase('SELECT * FROM "ColleagueInvitation" WHERE "id" = ?', [c.id])).toEqual([]);
    expect(await queryTestDatabase('SELECT * FROM "ColleagueAnswer" WHERE "invitationId" = ?', [c.id])).toEqual([]);
    expect((await request.get(`/api/colleagues/${c.token}`)).status()).toBe(404);
  });
});

test.describe("year after year", () => {
  test("a follow-up invites last year's roles again with new links; the history counts each closed round", async ({
    request,
  }) => {
    const lead = await createSubmittedAssessment(request);
    const a = await invite(request, lead.token, "mayor");
    const b = await invite(request, lead.token, "it", "Hauptamt");
    await saveColleague(request, a.token, 1, { e_file: "in_use" });
    await saveColleague(request, b.token, 1, { e_file: "planned", e_payment: "skip" });
    expect((await request.post(`/api/assessments/${lead.token}/colleagues/close`)).status()).toBe(200);
    // KNOWN_ANSWERS: the lead answered e_file "planned": in_use vs planned is the one disputed question.
    const closedList = await (await request.get(`/api/assessments/${lead.token}/colleagues`)).json();
    const year = closedList.rounds[0].year;
    expect(closedList.rounds).toEqual([{ year, answered: 2, disputed: 1 }]);

    expect((await request.post(`/api/assessments/${lead.token}/follow-up`)).status()).toBe(201);
    const fresh = await (await request.get(`/api/assessments/${lead.token}/colleagues`)).json();
    expect(fresh.items).toEqual([]);
    expect(fresh.round.status).toBe("open");
    expect(fresh.rounds).toHaveLength(1);
    // Last year's links belong to last year: they still read (the round is closed), the new year knows them not.
    expect((await request.get(`/api/colleagues/${a.token}`)).status()).toBe(200);

    const again = await request.post(`/api/assessments/${lead.token}/colleagues/reinvite`);
    expect(again.status()).toBe(201);
    const { items } = await again.json();
    expect(items.map((i: { role: string; label: string | null }) => [i.role, i.label])).toEqual([
      ["mayor", null],
      ["it", "Hauptamt"],
    ]);
    expect(items[0].token).not.toBe(a.token);
    const view = await (await request.get(`/api/colleagues/${items[1].token}`)).json();
    expect(view).toMatchObject({ role: "it", status: "open", answers: {} });
    // Pressing again invites nobody twice.
    expect((await (await request.post(`/api/assessments/${lead.token}/colleagues/reinvite`)).json()).items).toEqual([]);
    const list = await (await request.get(`/api/assessments/${lead.token}/colleagues`)).json();
    expect(list.items).toHaveLength(2);
  });
});
