import fc from "fast-check";
import { reference } from "../../../lib/survey/reference";
import { countAssessmentsNamed, createAssessment, uniqueName, validProfile } from "../../support/fixtures";
import { expect, test } from "../../support/test";
import {
  answersPatch,
  applyPatch,
  createVerdict,
  expectWellFormed,
  LIMIT_BYTES,
  MAX_POPULATION,
  readAsServer,
  ROLES,
  searchParamsOf,
  STATE_AGS_PREFIX,
  STATE_CODES,
} from "./oracle";
import {
  ABSENT,
  anythingAsJson,
  bodyBytes,
  contentType,
  CURRENT,
  decode,
  describable,
  describeBody,
  hostileKey,
  hostileOrNoBody,
  hostileString,
  hostileValue,
  HTML,
  hugeArray,
  longString,
  obj,
  queryArb,
  rarely,
  Raw,
  rawBody,
  rawPercentSegments,
  SAFE_UNICODE,
  SQL,
  type TBody,
  toJsonText,
  tokenSegments,
  UNICODE_EDGE,
} from "./arbitraries";
import { allProperties, ClientPool, FC_OPTIONS, runLog, send } from "./harness";

/*
 * Hostile input over HTTP (fast-check) on the assessment routes: create, save answers, submit, delete, the PDF
 * report's query, and the names and unknown fields the API must handle. Every property checks, per generated
 * request:
 * - never a 5xx, and only a documented status;
 * - every error is JSON with a German `error` (and well-formed `issues` where present);
 * - the status is the one an independent model of the contract predicts (size limit, media type, JSON
 *   syntax, schema, version, token), and a rejected request changes nothing that is stored.
 * Rate limits are per client: the hostile requests come from pools of fresh clients (X-Forwarded-For)
 * that are replaced before they reach a limit; a 429 would still have to be a correct German answer.
 */

test.describe.configure({ timeout: 120_000 });

test("POST /api/assessments: hostile bodies never cause a 5xx, and only valid ones are stored", async ({
  playwright,
  baseURL,
  request,
}) => {
  const pool = new ClientPool(
    (ip) => playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": ip } }),
    18,
  );
  const reports = new ClientPool(
    (ip) => playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": ip } }),
    25,
  );
  const run = uniqueName("Fuzz");
  let cases = 0;

  async function check(b: TBody, label: string, withPdf: boolean) {
    cases += 1;
    const marker = `${run}-${cases}-`;
    const bytes = bodyBytes(b, marker);
    const context = `${label} #${cases}: ${describeBody(b)}`;
    const r = await send(await pool.next(), "POST", "/api/assessments", { bytes, contentType: b.contentType });
    expectWellFormed(r, [201, 413, 415, 422, 429], context);
    if (r.status === 429) return;
    const read = readAsServer(bytes, b.contentType);
    const verdict = "value" in read ? createVerdict(read.value) : null;
    const expected = "status" in read ? [read.status] : verdict!.valid ? [201] : [422];
    expect(expected, `status predicted by the contract\n${context}\n→ ${r.status} ${r.text.slice(0, 300)}`).toContain(
      r.status,
    );
    // Stored exactly when accepted (names carry a unique marker); a Gemeindeverband is stored under its register name.
    const sentName =
      verdict?.name ?? (read as { value?: { municipality?: { name?: unknown } } }).value?.municipality?.name;
    if (typeof sentName === "string" && sentName.includes(marker)) {
      const stored = await countAssessmentsNamed(sentName.trim());
      expect(stored, `rows stored under the sent name\n${context}\n→ ${r.status}`).toBe(
        r.status === 201 && !verdict?.verband ? 1 : 0,
      );
    }
    if (r.status !== 201) return;
    const { token } = JSON.parse(r.text) as { token: string };
    const got = await request.get(`/api/assessments/${token}`);
    expect(got.status(), context).toBe(200);
    const m = (read as { value: { municipality: Record<string, unknown> } }).value.municipality;
    expect((await got.json()).municipality, `stored as sent\n${context}`).toMatchObject(
      verdict!.verband
        ? { key: verdict!.verband, kind: "verwaltung", state: m.state }
        : { name: verdict!.name, state: m.state, population: m.population },
    );
    if (withPdf) {
      const pdf = await (await reports.next()).get(`/api/assessments/${token}/report.pdf`);
      expect(pdf.status(), `the report of an accepted name renders\n${context}`).toBe(200);
      expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    }
  }

  const markedName = (unicode: readonly string[]) =>
    fc.oneof(
      {
        weight: unicode === UNICODE_EDGE ? 12 : 0,
        arbitrary: fc
          .array(fc.constantFrom(...unicode, ...SQL, ...HTML), { minLength: 1, maxLength: 3 })
          .map((p) => `{{M}}${p.join("")}`),
      },
      { weight: 3, arbitrary: fc.constant("{{M}}") },
      { weight: 4, arbitrary: hostileString(unicode).map((s) => `{{M}}${s}`) },
      { weight: 1, arbitrary: hostileString(unicode).map((s) => `${s}{{M}}`) },
      { weight: 1, arbitrary: fc.integer({ min: 150, max: 260 }).map((n) => `{{M}}${"n".repeat(n)}`) },
    );
  /** A valid profile, then 0–3 mutations: a field replaced by a hostile value or an edge value, removed, extra fields, wrong shapes. */
  const EDGE_VALUES: Record<string, unknown[]> = {
    name: ["", "   ", "{{M}}\u0000", null, 42],
    state: ["", "DE-XX", "de-by", "DE-BY ", "Bayern", null],
    population: [0, -1, 1.5, MAX_POPULATION, MAX_POPULATION + 1, 1e21, "12850", null, 12850.0],
    ags: ["09162000", " 09162000 ", "", "   ", null, "0916200", "14627060", "0916200a", "09999999", 9162000],
    // Unit keys (ADR 0013): Gemeindeverbände of the register (Amt Büchen, VG Weißenthurm), the pseudo-record of the
    // verbandsfreie Stadt Flensburg, a Verband that runs no administration (BW), unknown and malformed keys.
    key: [
      "010535318",
      "071375008",
      "091715101",
      "010010000",
      "081155001",
      "019999999",
      "0105353180",
      "01053531",
      "09162000",
      "",
      null,
      10535318,
      " 071375008 ",
    ],
    respondentRole: ["", "MAYOR", "admin", null],
  };
  const mutation = (unicode: readonly string[]) =>
    fc.oneof(
      {
        weight: 4,
        arbitrary: fc.tuple(fc.constant("set"), fc.constantFrom(...Object.keys(EDGE_VALUES)), hostileValue(unicode)),
      },
      {
        weight: 3,
        arbitrary: fc
          .constantFrom(...Object.keys(EDGE_VALUES))
          .chain((k) => fc.tuple(fc.constant("set"), fc.constant(k), fc.constantFrom(...EDGE_VALUES[k]!))),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(fc.constant("delete"), fc.constantFrom(...Object.keys(EDGE_VALUES)), fc.constant(null)),
      },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom("extraTop", "extraNested"), hostileKey, hostileValue(unicode)) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom("asArray", "asString"), fc.constant(""), fc.constant(null)) },
    );
  const profile = (unicode: readonly string[], mutated: number) =>
    fc
      .record({
        name: markedName(unicode),
        state: fc.constantFrom(...STATE_CODES),
        population: fc.oneof(fc.integer({ min: 1, max: MAX_POPULATION }), fc.constantFrom(1, MAX_POPULATION)),
        ags: fc.constantFrom<unknown>(ABSENT, ABSENT, ABSENT, "", null, "own"),
        role: fc.constantFrom(...ROLES),
        mutations: fc.oneof(
          { weight: 10 - mutated, arbitrary: fc.constant([]) },
          { weight: mutated, arbitrary: fc.array(mutation(unicode), { minLength: 1, maxLength: 3 }) },
        ),
      })
      .map((p) => {
        // "own": an AGS of the profile's own state that is not in the register (accepted with a notice).
        const fields = new Map<string, unknown>([
          ["name", p.name],
          ["state", p.state],
          ["population", p.population],
          ["ags", p.ags === "own" ? `${STATE_AGS_PREFIX[p.state]}999999` : p.ags],
          ["key", ABSENT],
          ["respondentRole", p.role],
        ]);
        const extraTop: [string, unknown][] = [];
        const extraNested: [string, unknown][] = [];
        let shape = "object";
        for (const [op, key, value] of p.mutations) {
          if (op === "set") fields.set(key, value);
          else if (op === "delete") fields.set(key, ABSENT);
          else if (op === "extraTop") extraTop.push([key, value]);
          else if (op === "extraNested") extraNested.push([key, value]);
          else shape = op;
        }
        const m = obj([
          ...["name", "state", "population", "ags", "key"].map((k) => [k, fields.get(k)] as const),
          ...extraNested,
        ]);
        const municipality = shape === "asArray" ? [m] : shape === "asString" ? toJsonText(m) : m;
        return obj([["municipality", municipality], ["respondentRole", fields.get("respondentRole")], ...extraTop]);
      });
  /** A valid profile padded to a total size around the 64 KB limit (or up to 1 MB). */
  const sized = fc
    .oneof(fc.integer({ min: LIMIT_BYTES - 3, max: LIMIT_BYTES + 3 }), fc.integer({ min: 1000, max: 1_048_576 }))
    .map((size) => {
      const base = toJsonText(validProfile("{{M}}")).slice(0, -1) + ',"padding":"';
      return { bytes: undefined, value: new Raw(base + "p".repeat(Math.max(0, size - base.length - 2)) + '"}') };
    });
  const body = (unicode: readonly string[], mutated: number) =>
    fc
      .tuple(
        fc.oneof(
          { weight: 8, arbitrary: profile(unicode, mutated).map((value) => ({ value })) },
          { weight: 2, arbitrary: fc.jsonValue().map((value) => ({ value })) },
          { weight: 1, arbitrary: anythingAsJson.map((value) => ({ value })) },
          { weight: 1, arbitrary: sized },
          { weight: 1, arbitrary: rawBody.map((bytes) => ({ bytes })) },
        ),
        contentType,
      )
      .map(([b, type]) => describable<TBody>({ ...b, contentType: type }, describeBody));

  try {
    await allProperties([
      // Structure: types, missing and extra fields, prototype keys, sizes, media types; names without lone surrogates.
      () =>
        fc.assert(
          fc.asyncProperty(body(SAFE_UNICODE, 7), (b) => check(b, "structure", false)),
          { ...FC_OPTIONS, numRuns: 120 },
        ),
      // Text: unicode edge cases (RTL, zero-width, NUL and other controls, bidi overrides, lone surrogates, emoji,
      // combining marks), SQL and HTML in the name and elsewhere; accepted names must also render in the PDF.
      () =>
        fc.assert(
          fc.asyncProperty(
            profile(UNICODE_EDGE, 2).map((value) =>
              describable<TBody>({ value, contentType: "application/json" }, describeBody),
            ),
            (b) => check(b, "unicode", true),
          ),
          { ...FC_OPTIONS, numRuns: 40 },
        ),
      // Lone surrogates (valid JSON escapes, not valid Unicode text) somewhere in an otherwise valid name:
      // refused with 422, never stored, never a 5xx.
      () =>
        fc.assert(
          fc.asyncProperty(
            fc
              .tuple(
                fc.string({ maxLength: 10 }),
                fc.constantFrom("\ud800", "\udbff", "\udc00", "\udfff", "\ud83d"),
                fc.string({ maxLength: 10 }),
                fc.constantFrom(...STATE_CODES),
              )
              .map(([a, lone, b, state]) =>
                describable<TBody>(
                  {
                    value: {
                      municipality: { name: `{{M}}${a}${lone}${b}`, state, population: 1000 },
                      respondentRole: "mayor",
                    },
                    contentType: "application/json",
                  },
                  describeBody,
                ),
              ),
            (b) => check(b, "lone surrogate", false),
          ),
          { ...FC_OPTIONS, numRuns: 10 },
        ),
    ]);
  } finally {
    runLog("POST /api/assessments", cases, 170, pool.clients);
    await pool.dispose();
    await reports.dispose();
  }
});

test("PUT /api/assessments/{token}/answers: hostile bodies never cause a 5xx; only a valid patch of the current version changes anything", async ({
  playwright,
  baseURL,
  request,
}) => {
  const { token } = await createAssessment(request);
  expect(
    (
      await request.put(`/api/assessments/${token}/answers`, {
        data: { version: 1, answers: { e_file: "planned", obstacles: ["lack_of_funds"] } },
      })
    ).status(),
  ).toBe(200);
  const pool = new ClientPool(
    (ip) => playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": ip } }),
    100,
  );
  let cases = 0;

  const answerEntry = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom(...reference.questions).chain((q) => {
        const ids = q.options.map((o) => o.id);
        const good =
          q.type === "single"
            ? fc.constantFrom<unknown>(...ids)
            : fc.subarray(ids, { minLength: 1 }).chain((a) => fc.shuffledSubarray(a, { minLength: a.length }));
        return fc.tuple(
          fc.constant(q.id),
          fc.oneof(
            { weight: 5, arbitrary: good as fc.Arbitrary<unknown> },
            { weight: 1, arbitrary: fc.constant(null) },
            { weight: 3, arbitrary: hostileValue(UNICODE_EDGE) },
          ),
        );
      }),
    },
    { weight: 1, arbitrary: fc.tuple(hostileKey, hostileValue(UNICODE_EDGE)) },
  );
  const version = fc.oneof(
    { weight: 8, arbitrary: fc.constant<unknown>(CURRENT) },
    { weight: 2, arbitrary: fc.integer({ min: -2, max: 40 }) },
    { weight: 2, arbitrary: hostileValue(UNICODE_EDGE) },
    { weight: 1, arbitrary: fc.constant<unknown>(ABSENT) },
  );
  const answers = fc.oneof(
    { weight: 8, arbitrary: fc.array(answerEntry, { maxLength: 6 }).map((e) => obj(e)) },
    { weight: 2, arbitrary: hostileValue(UNICODE_EDGE) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...reference.questions.filter((q) => q.type === "multi"))
        .chain((q) => hugeArray.map((a) => obj([[q.id, a]]))),
    },
    { weight: 1, arbitrary: longString.map((s) => obj([["e_file", s]])) },
    { weight: 1, arbitrary: fc.constant<unknown>(ABSENT) },
  );
  const bodyArb = fc
    .tuple(
      fc.oneof(
        {
          weight: 10,
          arbitrary: fc
            .tuple(version, answers, rarely(fc.tuple(hostileKey, hostileValue(UNICODE_EDGE)), 6))
            .map(([v, a, extra]) => ({ value: obj([["version", v], ["answers", a], ...(extra ? [extra] : [])]) })),
        },
        { weight: 2, arbitrary: fc.jsonValue().map((value) => ({ value })) },
        { weight: 1, arbitrary: anythingAsJson.map((value) => ({ value })) },
        { weight: 1, arbitrary: rawBody.map((bytes) => ({ bytes })) },
      ),
      contentType,
    )
    .map(([b, type]) => describable<TBody>({ ...b, contentType: type }, describeBody));

  try {
    await fc.assert(
      fc.asyncProperty(bodyArb, async (b) => {
        cases += 1;
        const before = await (await request.get(`/api/assessments/${token}`)).json();
        const bytes = bodyBytes(b, "", before.version);
        const context = `#${cases}: ${describeBody(b)} (stored version ${before.version})`;
        const r = await send(await pool.next(), "PUT", `/api/assessments/${token}/answers`, {
          bytes,
          contentType: b.contentType,
        });
        expectWellFormed(r, [200, 409, 413, 415, 422, 429], context);
        const after = await (await request.get(`/api/assessments/${token}`)).json();
        if (r.status === 429) return expect(after).toEqual(before);
        const read = readAsServer(bytes, b.contentType);
        const parsed = "value" in read ? answersPatch(read.value) : null;
        const expected = "status" in read ? read.status : !parsed ? 422 : parsed.version !== before.version ? 409 : 200;
        expect(r.status, `status predicted by the contract\n${context}\n→ ${r.text.slice(0, 300)}`).toBe(expected);
        if (r.status === 200) {
          expect(JSON.parse(r.text)).toEqual({ version: before.version + 1 });
          expect(after.version).toBe(before.version + 1);
          expect(after.answers, `only the questions sent change\n${context}`).toEqual(
            applyPatch(before.answers, parsed!.patch),
          );
        } else {
          if (r.status === 409) expect(JSON.parse(r.text).currentVersion).toBe(before.version);
          expect(after, `a rejected request changes nothing\n${context}`).toEqual(before);
        }
      }),
      { ...FC_OPTIONS, numRuns: 150 },
    );
  } finally {
    runLog("PUT /api/assessments/{token}/answers", cases, 150, pool.clients);
    await pool.dispose();
  }
});

for (const method of ["POST", "DELETE"] as const) {
  const route = method === "POST" ? "POST /api/assessments/{token}/submit" : "DELETE /api/assessments/{token}";
  test(`${route}: hostile tokens and bodies never cause a 5xx and change nothing`, async ({
    playwright,
    baseURL,
    request,
  }) => {
    const { token } = await createAssessment(request);
    expect(
      (
        await request.put(`/api/assessments/${token}/answers`, { data: { version: 1, answers: { e_file: "in_use" } } })
      ).status(),
    ).toBe(200);
    const unanswered = reference.questions.map((q) => q.id).filter((id) => id !== "e_file");
    // Every unknown token counts as a guess (20 per client and 10 minutes): fresh clients every 15 requests.
    const pool = new ClientPool(
      (ip) => playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": ip } }),
      15,
    );
    const path = (seg: string) => (method === "POST" ? `/api/assessments/${seg}/submit` : `/api/assessments/${seg}`);
    let cases = 0;

    const check = async (seg: string, body: { value: unknown; contentType: string } | null, label: string) => {
      cases += 1;
      const context = `${label} #${cases}: ${method} ${path(seg).slice(0, 200)}${body ? `, ${describeBody(body)}` : ""}`;
      const before = await (await request.get(`/api/assessments/${token}`)).json();
      const bytes = body ? bodyBytes(body, "") : undefined;
      const r = await send(
        await pool.next(),
        method,
        path(seg),
        bytes ? { bytes, contentType: body!.contentType } : undefined,
      );
      // A path segment that is not valid percent-encoding names no assessment: 404 (or 400), never 500.
      const found = decode(seg) === token;
      expectWellFormed(
        r,
        method === "POST" ? [404, 422, 429, ...(found ? [] : [400])] : [404, 429, ...(found ? [] : [400])],
        context,
      );
      if (r.status !== 429) {
        if (found) {
          expect(r.status, context).toBe(422);
          expect(JSON.parse(r.text).unanswered, context).toEqual(unanswered);
        } else expect([400, 404], context).toContain(r.status);
      }
      const after = await request.get(`/api/assessments/${token}`);
      expect(after.status(), `the assessment is still there\n${context}`).toBe(200);
      expect(await after.json(), `nothing changed\n${context}`).toEqual(before);
    };

    // For submit, the real token with hostile bodies too (the route takes no body: still 422, nothing changes).
    const segment =
      method === "POST"
        ? fc.oneof({ weight: 5, arbitrary: tokenSegments(token) }, { weight: 1, arbitrary: fc.constant(token) })
        : tokenSegments(token);
    try {
      await allProperties([
        () =>
          fc.assert(
            fc.asyncProperty(
              fc
                .tuple(segment, hostileOrNoBody)
                .map(([seg, body]) =>
                  describable(
                    { seg, body },
                    (c) => `${c.seg.slice(0, 120)} ${c.body ? describeBody(c.body) : "(no body)"}`,
                  ),
                ),
              ({ seg, body }) => check(seg, body, "tokens"),
            ),
            { ...FC_OPTIONS, numRuns: 70 },
          ),
        () =>
          fc.assert(
            fc.asyncProperty(rawPercentSegments, (seg) => check(seg, null, "percent-encoding")),
            { ...FC_OPTIONS, numRuns: 30 },
          ),
      ]);
    } finally {
      runLog(route, cases, 100, pool.clients);
      await pool.dispose();
    }
  });
}

test("GET /api/assessments/{token}/report.pdf?…: hostile queries never cause a 5xx; a PDF exactly for leichteSprache=ja, =nein or none", async ({
  playwright,
  baseURL,
  request,
}) => {
  // PDFs are rate-limited (30 a minute per client): fresh clients, 25 requests each.
  const reports = new ClientPool(
    (ip) => playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": ip } }),
    25,
  );
  const { token } = await createAssessment(request);
  let cases = 0;
  const own = {
    leichteSprache: fc.oneof(
      fc.constantFrom("ja", "nein"),
      fc.constantFrom("", "JA", "Ja", "1", "true", "ja%20", "leicht"),
    ),
  };
  const property = (mode: "values" | "names") =>
    fc.asyncProperty(queryArb(own, mode), async (qs) => {
      cases += 1;
      const params = searchParamsOf(`/?${qs}`);
      const value = params.get("leichteSprache");
      const valid =
        [...params.keys()].every((k) => k === "leichteSprache") &&
        (value === undefined || (value.length === 1 && ["ja", "nein"].includes(value[0]!)));
      const url = `/api/assessments/${token}/report.pdf?${qs}`;
      const context = `#${cases}: GET ${url.slice(0, 300)}`;
      const r = await send(await reports.next(), "GET", url);
      expectWellFormed(r, [200, 422], context);
      expect(r.status, `status predicted by the contract\n${context}\n→ ${r.text.slice(0, 200)}`).toBe(
        valid ? 200 : 422,
      );
      if (r.status === 200) expect(r.headers["content-type"]).toBe("application/pdf");
      else expect(JSON.parse(r.text).error, context).toMatch(/leichteSprache muss ja|Unbekannter Parameter/);
    });
  try {
    await allProperties([
      () => fc.assert(property("values"), { ...FC_OPTIONS, numRuns: 40 }),
      () =>
        fc.assert(property("names"), {
          ...FC_OPTIONS,
          numRuns: 30,
          examples: [
            ["leichteSprache=ja&leichteSprache=ja"],
            ["leichteSprache=ja&__proto__=x"],
            ["constructor=x"],
            ["leichteSprache=ja&seite=2"],
          ],
        }),
    ]);
  } finally {
    runLog("GET /api/assessments/{token}/report.pdf?…", cases, 70, reports.clients);
    await reports.dispose();
  }
});

test("names with characters outside the BMP (emoji) get their PDF report at every length", async ({ request }) => {
  // The report's file name is cut to a fixed length; the cut must never split a surrogate pair.
  const failures: string[] = [];
  for (let k = 76; k <= 82; k += 1) {
    const name = `${"A".repeat(k)}😀Z`;
    const { token } = await createAssessment(request, {
      municipality: { name, state: "DE-BY", population: 5000 },
      respondentRole: "mayor",
    });
    const res = await request.get(`/api/assessments/${token}/report.pdf`);
    if (res.status() !== 200) failures.push(`${k} × "A" + "😀Z": ${res.status()} ${(await res.text()).slice(0, 120)}`);
    else expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''\S+$/);
  }
  expect(failures, "GET /api/assessments/{token}/report.pdf").toEqual([]);
});

test("several unknown fields are each named in issues, not chained into one nested-looking path", async ({
  request,
}) => {
  const { token } = await createAssessment(request);
  const res = await request.put(`/api/assessments/${token}/answers`, {
    data: { version: 1, answers: { foo: "x", bar: "y" } },
  });
  expect(res.status()).toBe(422);
  const paths: string[] = (await res.json()).issues.map((i: { path: string }) => i.path);
  // "answers.foo.bar" reads as the field bar inside foo, which the request does not have.
  expect(paths).not.toContain("answers.foo.bar");
  expect(
    paths.every((p) => ["answers", "answers.foo", "answers.bar"].includes(p)),
    JSON.stringify(paths),
  ).toBe(true);
});
