import fc from "fast-check";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect, test, uniqueClientIp } from "../../support/test";
import { createAssessment, queryTestDatabase } from "../../support/fixtures";
import { reference } from "../../../lib/survey/reference";

/*
 * Hostile input on the colleague routes (docs/adr/0014-colleagues.md), as the property tests of tests/api/property/ do for the older
 * routes: per generated request never a 5xx, only a documented status, a German error, the status an independent
 * model of the contract predicts, and a refused request changes nothing that is stored.
 */

const FC_OPTIONS = { verbose: 0 as const, endOnFailure: false, seed: Number(process.env.FC_SEED ?? 7) };
const GERMAN =
  /[äöüßÄÖÜ]|\b(Bitte|Die|Der|Das|Diese[rsm]?|Zu|Es|Ein|nicht|ungültig|Unbekannte[rs]?|Anfrage|Angaben|Sie)\b/;
const ROLES = ["mayor", "digital", "it", "finance", "personnel", "other"];
const FORBIDDEN_TEXT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const QUESTIONS = new Map(reference.questions.map((q) => [q.id, q]));

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 100 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "__proto__",
      "constructor",
      "<script>alert(1)</script>",
      "' OR 1=1 --",
      "a\u202eb",
      "\u0000",
      "x".repeat(80),
      "x".repeat(81),
      "skip",
      "in_use",
    ),
  },
);

async function expectWellFormed(res: APIResponse, allowed: number[], context: string) {
  const status = res.status();
  expect(status, context).toBeLessThan(500);
  expect(allowed, `${context}\n→ ${status} ${await res.text()}`).toContain(status);
  if (status >= 400) {
    const body = await res.json();
    expect(body.error, context).toMatch(GERMAN);
  }
}

async function fresh(
  playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } },
  baseURL: string | undefined,
) {
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp() } });
}

test("POST …/colleagues: hostile roles and labels never cause a 5xx; only a valid one is stored, at most 20", async ({
  playwright,
  baseURL,
  request,
}) => {
  const lead = await createAssessment(request);
  const body = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({ role: fc.oneof(fc.constantFrom(...ROLES), hostileString), label: hostileString }),
    },
    { weight: 1, arbitrary: fc.record({ role: fc.constantFrom(...ROLES) }) },
    { weight: 1, arbitrary: fc.jsonValue() },
  );
  let stored = 0;
  let cases = 0;
  await fc.assert(
    fc.asyncProperty(body, async (b) => {
      cases += 1;
      const client = await fresh(playwright, baseURL);
      try {
        const res = await client.post(`/api/assessments/${lead.token}/colleagues`, { data: b });
        const context = `invite #${cases}: ${JSON.stringify(b)}`;
        await expectWellFormed(res, [201, 422], context);
        const o = b as Record<string, unknown>;
        const label = typeof o?.label === "string" ? o.label.trim() : undefined;
        const valid =
          o !== null &&
          typeof o === "object" &&
          !Array.isArray(o) &&
          Object.keys(o).every((k) => k === "role" || k === "label") &&
          typeof o.role === "string" &&
          ROLES.includes(o.role) &&
          (o.label === undefined ||
            (typeof o.label === "string" &&
              label!.length <= 80 &&
              !FORBIDDEN_TEXT.test(label!) &&
              !LONE_SURROGATE.test(label!)));
        const expected = valid && stored < 20 ? 201 : 422;
        expect(res.status(), context).toBe(expected);
        if (res.status() === 201) stored += 1;
        const [n] = await queryTestDatabase<{ n: number | string }>(
          'SELECT count(*) AS n FROM "ColleagueInvitation" WHERE "assessmentId" = ?',
          [lead.id],
        );
        expect(Number(n!.n), context).toBe(stored);
      } finally {
        await client.dispose();
      }
    }),
    { ...FC_OPTIONS, numRuns: 50 },
  );
});

/** The answer patch a colleague may send: per question one option, a list of options (multi), "skip" or null. */
function validColleaguePatch(value: unknown): boolean {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  return Object.entries(value).every(([id, v]) => {
    const q = QUESTIONS.get(id);
    if (!q || !Object.hasOwn(value, id)) return false;
    if (v === null || v === "skip") return true;
    const ids = q.options.map((o) => o.id);
    if (q.type === "single") return typeof v === "string" && ids.includes(v);
    if (!Array.isArray(v) || v.length === 0 || new Set(v).size !== v.length) return false;
    if (!v.every((x) => typeof x === "string" && ids.includes(x))) return false;
    const exclusive = q.options.filter((o) => o.exclusive).map((o) => o.id);
    return v.length === 1 || !v.some((x) => exclusive.includes(x));
  });
}

test("PUT /api/colleagues/{token}/answers and …/settle: hostile patches never cause a 5xx; a refused one changes nothing", async ({
  playwright,
  baseURL,
  request,
}) => {
  const lead = await createAssessment(request);
  const invited = await (
    await request.post(`/api/assessments/${lead.token}/colleagues`, { data: { role: "it" } })
  ).json();
  const questionId = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...QUESTIONS.keys()) },
    { weight: 1, arbitrary: hostileString },
  );
  const optionValue = fc.oneof(
    fc.constantFrom("in_use", "planned", "neither", "skip", "central", "unknown", "none", "other"),
    fc.array(fc.constantFrom("lack_of_funds", "other", "none", "skip", "technology"), { maxLength: 3 }),
    fc.constant(null),
    hostileString,
    fc.integer(),
  );
  const patch = fc.oneof(
    { weight: 4, arbitrary: fc.dictionary(questionId, optionValue, { maxKeys: 4 }) },
    { weight: 1, arbitrary: fc.jsonValue() },
  );
  const versionKind = fc.constantFrom("current", "stale", "hostile");
  let cases = 0;
  await fc.assert(
    fc.asyncProperty(patch, versionKind, async (answers, kind) => {
      cases += 1;
      const client = await fresh(playwright, baseURL);
      try {
        const before = await (await request.get(`/api/colleagues/${invited.token}`)).json();
        const version = kind === "current" ? before.version : kind === "stale" ? before.version - 1 : "eins";
        const res = await client.put(`/api/colleagues/${invited.token}/answers`, { data: { version, answers } });
        const context = `colleague #${cases}: version ${kind} ${JSON.stringify(answers)}`;
        await expectWellFormed(res, [200, 409, 422], context);
        const valid = validColleaguePatch(answers);
        const expected =
          kind === "hostile" || !valid ? 422 : kind === "current" ? 200 : before.version - 1 < 1 ? 422 : 409;
        expect(res.status(), context).toBe(expected);
        const after = await (await request.get(`/api/colleagues/${invited.token}`)).json();
        if (res.status() === 200) expect(after.version, context).toBe(before.version + 1);
        else expect(after, `nothing changed\n${context}`).toEqual(before);

        // The same patch as a settle of the lead: never a 5xx, and a refusal changes nothing.
        const leadBefore = await (await request.get(`/api/assessments/${lead.token}`)).json();
        const settle = await client.put(`/api/assessments/${lead.token}/colleagues/settle`, {
          data: { version: leadBefore.version, answers },
        });
        await expectWellFormed(settle, [200, 422], `settle ${context}`);
        const leadAfter = await (await request.get(`/api/assessments/${lead.token}`)).json();
        if (settle.status() !== 200) expect(leadAfter, `settle changed nothing\n${context}`).toEqual(leadBefore);
        else
          for (const [q, v] of Object.entries(answers as Record<string, unknown>)) {
            const sorted = (x: unknown) => (Array.isArray(x) ? [...x].sort() : x);
            expect(sorted(leadAfter.answers[q]), `settled what somebody gave\n${context}`).toEqual(sorted(v));
            expect([sorted(after.answers[q])], `…and the colleague gave it\n${context}`).toContainEqual(sorted(v));
          }
      } finally {
        await client.dispose();
      }
    }),
    { ...FC_OPTIONS, numRuns: 60 },
  );
});

test("hostile tokens and invitation ids on the colleague routes: never a 5xx, never a change", async ({
  playwright,
  baseURL,
  request,
}) => {
  const lead = await createAssessment(request);
  const invited = await (
    await request.post(`/api/assessments/${lead.token}/colleagues`, { data: { role: "finance" } })
  ).json();
  // Dot segments ("..", "%2e%2e") are resolved by the client before sending (WHATWG URL): "…/colleagues/.." would be
  // a DELETE of the assessment itself, a request of its own; they are left out here as in assessments.spec.ts.
  const segment = fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 60 }).map(encodeURIComponent),
      fc.constantFrom("%", "A".repeat(43), "A".repeat(44), "close", "comparison", "%00", "%2F", "a%2F..%2Fb"),
    )
    .filter((s) => !/^(\.|%2e){1,2}$/i.test(s));
  let cases = 0;
  await fc.assert(
    fc.asyncProperty(segment, segment, async (token, id) => {
      cases += 1;
      const client = await fresh(playwright, baseURL);
      try {
        const context = `tokens #${cases}: ${token} / ${id}`;
        for (const [method, path] of [
          ["GET", `/api/colleagues/${token}`],
          ["PUT", `/api/colleagues/${token}/answers`],
          ["GET", `/api/assessments/${token}/colleagues/comparison`],
          ["DELETE", `/api/assessments/${lead.token}/colleagues/${id}`],
        ] as const) {
          const res = await client.fetch(path, {
            method,
            data: method === "PUT" ? { version: 1, answers: { e_file: "in_use" } } : undefined,
          });
          expect(res.status(), `${method} ${path}\n${context}`).toBeLessThan(500);
          if (res.status() >= 400 && (res.headers()["content-type"] ?? "").includes("json"))
            expect((await res.json()).error, context).toMatch(GERMAN);
        }
      } finally {
        await client.dispose();
      }
    }),
    { ...FC_OPTIONS, numRuns: 30 },
  );
  const list = await (await request.get(`/api/assessments/${lead.token}/colleagues`)).json();
  expect(list.items.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([[invited.id, "open"]]);
});
