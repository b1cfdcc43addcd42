import { expect, test } from "../support/test";
import { ZReference } from "../../lib/survey/schema";
import { reference } from "../../lib/survey/reference";
import {
  completeAnswers,
  countAssessmentsNamed,
  createAssessment,
  queryTestDatabase,
  uniqueName,
  validProfile,
} from "../support/fixtures";

const GERMAN = /[äöüß]|Bitte|ungültig|nicht|Die |Der |Das /;

test.describe("GET /api/reference/2020", () => {
  test("returns the reference file, valid against its schema", async ({ request }) => {
    const res = await request.get("/api/reference/2020");
    expect(res.status()).toBe(200);
    const body = ZReference.parse(await res.json());
    expect(body.source.sample).toBe(623);
    expect(body.questions.map((q) => q.id)).toEqual(reference.questions.map((q) => q.id));
  });
});

test.describe("POST /api/assessments", () => {
  test("creates a draft and returns id, token and edit URL", async ({ request }) => {
    const name = uniqueName();
    const res = await request.post("/api/assessments", { data: validProfile(name) });
    expect(res.status()).toBe(201);
    const body = await res.json();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.editUrl).toMatch(new RegExp(`/a/${body.token}$`));
    const got = await (await request.get(`/api/assessments/${body.token}`)).json();
    expect(got).toMatchObject({
      id: body.id,
      status: "draft",
      version: 1,
      answers: {},
      respondentRole: "mayor",
      municipality: { name, state: "DE-BY", population: 12850, sizeClass: "5000_19999", ags: "09162000" },
    });
  });

  test("stores only a hash of the token", async ({ request }) => {
    const { token, id } = await createAssessment(request);
    const [row] = await queryTestDatabase<Record<string, unknown>>('SELECT * FROM "Assessment" WHERE "id" = ?', [id]);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  const invalid: [string, (name: string) => unknown, string][] = [
    [
      "name too long",
      (n) => ({ ...validProfile(n), municipality: { ...validProfile(n).municipality, name: n + "x".repeat(201) } }),
      "municipality.name",
    ],
    [
      "population 0",
      (n) => ({ ...validProfile(n), municipality: { ...validProfile(n).municipality, population: 0 } }),
      "municipality.population",
    ],
    [
      "population as text",
      (n) => ({ ...validProfile(n), municipality: { ...validProfile(n).municipality, population: "viele" } }),
      "municipality.population",
    ],
    [
      "AGS of another state",
      (n) => ({ ...validProfile(n), municipality: { ...validProfile(n).municipality, ags: "14627060" } }),
      "municipality.ags",
    ],
    [
      "AGS with 7 digits",
      (n) => ({ ...validProfile(n), municipality: { ...validProfile(n).municipality, ags: "0916200" } }),
      "municipality.ags",
    ],
    [
      "unknown state",
      (n) => ({ ...validProfile(n), municipality: { ...validProfile(n).municipality, state: "DE-XX" } }),
      "municipality.state",
    ],
    ["unknown role", (n) => ({ ...validProfile(n), respondentRole: "king" }), "respondentRole"],
    ["missing municipality", () => ({ respondentRole: "mayor" }), "municipality"],
  ];
  for (const [label, body, path] of invalid) {
    test(`422 for ${label}, naming the field, nothing stored`, async ({ request }) => {
      const name = uniqueName();
      const res = await request.post("/api/assessments", { data: body(name) as object });
      expect(res.status()).toBe(422);
      const json = await res.json();
      expect(json.error).toMatch(GERMAN);
      expect(json.issues.map((i: { path: string }) => i.path)).toContain(path);
      expect(await countAssessmentsNamed(name)).toBe(0);
    });
  }

  test("422 for malformed JSON", async ({ request }) => {
    const res = await request.post("/api/assessments", {
      headers: { "content-type": "application/json" },
      data: Buffer.from("{nicht json"),
    });
    expect(res.status()).toBe(422);
    expect((await res.json()).error).toBe("Die Anfrage enthält kein gültiges JSON.");
  });

  test("413 for a body over the size limit", async ({ request }) => {
    const name = uniqueName();
    const res = await request.post("/api/assessments", {
      data: { ...validProfile(name), padding: "x".repeat(200_000) },
    });
    expect(res.status()).toBe(413);
    expect(await countAssessmentsNamed(name)).toBe(0);
  });
});

test.describe("GET /api/assessments/{token}", () => {
  for (const [label, token] of [
    ["well-formed", "A".repeat(43)],
    ["short", "kurz"],
    ["traversal", "..%2F..%2Fetc"],
    ["500 chars", "A".repeat(500)],
  ]) {
    test(`404 with a German message for an unknown token (${label})`, async ({ request }) => {
      const res = await request.get(`/api/assessments/${token}`);
      expect(res.status()).toBe(404);
      expect((await res.json()).error).toMatch(GERMAN);
    });
  }
});

test.describe("PUT /api/assessments/{token}/answers", () => {
  test("saves a partial set and increments the version", async ({ request }) => {
    const { token } = await createAssessment(request);
    const res = await request.put(`/api/assessments/${token}/answers`, {
      data: { version: 1, answers: { e_file: "in_use", obstacles: ["lack_of_knowhow", "lack_of_funds"] } },
    });
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ version: 2 });
    const second = await request.put(`/api/assessments/${token}/answers`, {
      data: { version: 2, answers: { e_invoice: "planned" } },
    });
    expect(second.status()).toBe(200);
    const got = await (await request.get(`/api/assessments/${token}`)).json();
    // Only the questions sent change; multi-choice answers come back in the file's option order.
    expect(got.answers).toEqual({
      e_file: "in_use",
      obstacles: ["lack_of_funds", "lack_of_knowhow"],
      e_invoice: "planned",
    });
    expect(got.version).toBe(3);
  });

  test("null clears an answer", async ({ request }) => {
    const { token } = await createAssessment(request);
    await request.put(`/api/assessments/${token}/answers`, {
      data: { version: 1, answers: { e_file: "in_use", e_payment: "planned" } },
    });
    const res = await request.put(`/api/assessments/${token}/answers`, {
      data: { version: 2, answers: { e_file: null } },
    });
    expect(res.status()).toBe(200);
    expect((await (await request.get(`/api/assessments/${token}`)).json()).answers).toEqual({ e_payment: "planned" });
  });

  test("409 for a stale version, never a silent overwrite", async ({ request }) => {
    const { token } = await createAssessment(request);
    await request.put(`/api/assessments/${token}/answers`, { data: { version: 1, answers: { e_file: "in_use" } } });
    const stale = await request.put(`/api/assessments/${token}/answers`, {
      data: { version: 1, answers: { e_file: "neither" } },
    });
    expect(stale.status()).toBe(409);
    const body = await stale.json();
    expect(body.error).toMatch(GERMAN);
    expect(body.currentVersion).toBe(2);
    const got = await (await request.get(`/api/assessments/${token}`)).json();
    expect(got.answers.e_file).toBe("in_use");
    expect(got.version).toBe(2);
  });

  const bad: [string, unknown, string][] = [
    ["unknown question id", { version: 1, answers: { e_fiel: "in_use" } }, "answers.e_fiel"],
    ["unknown option id", { version: 1, answers: { e_file: "maybe" } }, "answers.e_file"],
    ["a number as option", { version: 1, answers: { e_file: 1 } }, "answers.e_file"],
    [
      "a string for a multi-choice question",
      { version: 1, answers: { obstacles: "lack_of_funds" } },
      "answers.obstacles",
    ],
    ["an empty multi-choice array", { version: 1, answers: { obstacles: [] } }, "answers.obstacles"],
    [
      "duplicate options",
      { version: 1, answers: { obstacles: ["lack_of_funds", "lack_of_funds"] } },
      "answers.obstacles",
    ],
    [
      "exclusive option combined",
      { version: 1, answers: { pandemic_investments: ["none", "technology"] } },
      "answers.pandemic_investments",
    ],
    ["version missing", { answers: { e_file: "in_use" } }, "version"],
    ["version as text", { version: "1", answers: { e_file: "in_use" } }, "version"],
    ["answers as array", { version: 1, answers: ["in_use"] }, "answers"],
  ];
  for (const [label, body, path] of bad) {
    test(`422 for ${label}; stored answers unchanged`, async ({ request }) => {
      const { token } = await createAssessment(request);
      await request.put(`/api/assessments/${token}/answers`, { data: { version: 1, answers: { e_file: "planned" } } });
      const before = await (await request.get(`/api/assessments/${token}`)).json();
      const res = await request.put(`/api/assessments/${token}/answers`, { data: body as object });
      expect(res.status()).toBe(422);
      const json = await res.json();
      expect(json.error).toMatch(GERMAN);
      expect(json.issues.map((i: { path: string }) => i.path)).toContain(path);
      const after = await (await request.get(`/api/assessments/${token}`)).json();
      expect(after).toEqual(before);
    });
  }

  test("404 for an unknown token", async ({ request }) => {
    const res = await request.put(`/api/assessments/${"B".repeat(43)}/answers`, { data: { version: 1, answers: {} } });
    expect(res.status()).toBe(404);
  });

  test("422 for malformed JSON; nothing changes", async ({ request }) => {
    const { token } = await createAssessment(request);
    const res = await request.put(`/api/assessments/${token}/answers`, {
      headers: { "content-type": "application/json" },
      data: Buffer.from('{"version":1,'),
    });
    expect(res.status()).toBe(422);
    expect((await (await request.get(`/api/assessments/${token}`)).json()).version).toBe(1);
  });
});

test.describe("POST /api/assessments/{token}/submit", () => {
  test("422 lists the unanswered questions; 200 once complete; then read-only until reopened", async ({ request }) => {
    const { token } = await createAssessment(request);
    await request.put(`/api/assessments/${token}/answers`, { data: { version: 1, answers: { e_file: "in_use" } } });
    const early = await request.post(`/api/assessments/${token}/submit`);
    expect(early.status()).toBe(422);
    const earlyBody = await early.json();
    expect(earlyBody.unanswered).toHaveLength(reference.questions.length - 1);
    expect(earlyBody.unanswered).not.toContain("e_file");
    expect((await (await request.get(`/api/assessments/${token}`)).json()).status).toBe("draft");

    const all = completeAnswers();
    expect(
      (await request.put(`/api/assessments/${token}/answers`, { data: { version: 2, answers: all } })).status(),
    ).toBe(200);
    const ok = await request.post(`/api/assessments/${token}/submit`);
    expect(ok.status()).toBe(200);
    expect((await ok.json()).status).toBe("submitted");
    const got = await (await request.get(`/api/assessments/${token}`)).json();
    expect(got.status).toBe("submitted");
    expect(got.answers).toEqual(all);

    const locked = await request.put(`/api/assessments/${token}/answers`, {
      data: { version: got.version, answers: { e_file: "neither" } },
    });
    expect(locked.status()).toBe(409);
    expect((await (await request.get(`/api/assessments/${token}`)).json()).answers.e_file).toBe(all.e_file);

    const reopened = await request.post(`/api/assessments/${token}/reopen`);
    expect(reopened.status()).toBe(200);
    const draft = await (await request.get(`/api/assessments/${token}`)).json();
    expect(draft.status).toBe("draft");
    const edit = await request.put(`/api/assessments/${token}/answers`, {
      data: { version: draft.version, answers: { e_file: "neither" } },
    });
    expect(edit.status()).toBe(200);
  });

  test("404 for an unknown token", async ({ request }) => {
    expect((await request.post(`/api/assessments/${"C".repeat(43)}/submit`)).status()).toBe(404);
  });
});

test.describe("DELETE /api/assessments/{token}", () => {
  test("204, and afterwards every route answers 404", async ({ request }) => {
    const { token } = await createAssessment(request);
    expect((await request.delete(`/api/assessments/${token}`)).status()).toBe(204);
    expect((await request.get(`/api/assessments/${token}`)).status()).toBe(404);
    expect(
      (await request.put(`/api/assessments/${token}/answers`, { data: { version: 1, answers: {} } })).status(),
    ).toBe(404);
    expect((await request.post(`/api/assessments/${token}/submit`)).status()).toBe(404);
    expect((await request.delete(`/api/assessments/${token}`)).status()).toBe(404);
    expect((await request.get(`/a/${token}`)).status()).toBe(404);
  });
});

test.describe("compression of JSON answers", () => {
  const GZIP = { "accept-encoding": "gzip, deflate, br" };

  test("an autosave's short answer is sent as it is, also to a client that accepts gzip; a long answer is gzipped", async ({
    request,
  }) => {
    const { token } = await createAssessment(request);
    const save = await request.put(`/api/assessments/${token}/answers`, {
      data: { version: 1, answers: {} },
      headers: GZIP,
    });
    expect(save.status()).toBe(200);
    expect(save.headers()["content-encoding"]).toBeUndefined();
    expect(await save.json()).toEqual({ version: 2 });

    const stale = await request.put(`/api/assessments/${token}/answers`, {
      data: { version: 1, answers: {} },
      headers: GZIP,
    });
    expect(stale.status()).toBe(409);
    expect(stale.headers()["content-encoding"]).toBeUndefined();

    // The municipality search's answer (several KB) is still compressed.
    const search = await request.get("/api/municipalities?q=Neustadt&limit=20", { headers: GZIP });
    expect(search.status()).toBe(200);
    expect(search.headers()["content-encoding"]).toBe("gzip");
    expect((await search.json()).items.length).toBeGreaterThan(5);
  });
});
