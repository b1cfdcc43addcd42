import fc from "fast-check";
import { countAssessmentsNamed, createAssessment, uniqueName, validProfile } from "../../support/fixtures";
import { expect, test } from "../../support/test";
import { expectWellFormed, isObject, readAsServer, refusedText } from "./oracle";
import {
  bodyBytes,
  contentType,
  decode,
  deepNesting,
  describable,
  describeBody,
  hostileOrNoBody,
  hugeArray,
  longString,
  protoObject,
  targetsLike,
  tokenSegments,
} from "./arbitraries";
import { ClientPool, FC_OPTIONS, runLog, send } from "./harness";

/*
 * Hostile input over HTTP (fast-check) on targets, follow-ups and the history (docs/adr/0010-year-after-
 * year.md). Every property checks, per generated request:
 * - never a 5xx, and only a documented status;
 * - every error is JSON with a German `error` (and well-formed `issues` where present);
 * - the status is the one an independent model of the contract predicts (size limit, media type, JSON
 *   syntax, schema, version, token), and a rejected request changes nothing that is stored.
 * Rate limits are per client: the hostile requests come from pools of fresh clients (X-Forwarded-For)
 * that are replaced before they reach a limit; a 429 would still have to be a correct German answer.
 */

test.describe.configure({ timeout: 120_000 });

test("PUT /api/assessments/{token}/targets: hostile bodies never cause a 5xx; a refused one changes nothing", async ({
  playwright,
  baseURL,
  request,
}) => {
  const { token } = await createAssessment(request);
  await request.put(`/api/assessments/${token}/answers`, { data: { version: 1, answers: { e_file: "planned" } } });
  const pool = new ClientPool(
    (ip) => playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": ip } }),
    25,
  );
  let cases = 0;
  let accepted = 0;
  const body = fc.oneof(
    { weight: 3, arbitrary: targetsLike },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.oneof(fc.jsonValue(), longString, protoObject, hugeArray, deepNesting), contentType)
        .map(([value, type]) => ({ value, contentType: type })),
    },
  );
  try {
    await fc.assert(
      fc.asyncProperty(
        body.map((b) => describable(b, describeBody)),
        async (b) => {
          cases += 1;
          const context = `targets #${cases}: ${describeBody(b)}`;
          const before = await (await request.get(`/api/assessments/${token}/targets`)).json();
          const r = await send(await pool.next(), "PUT", `/api/assessments/${token}/targets`, {
            bytes: bodyBytes(b, "", before.version),
            contentType: b.contentType,
          });
          expectWellFormed(r, [200, 409, 413, 415, 422, 429], context);
          // A responsible with a control, a bidi override or a lone surrogate is refused with 422, whatever else.
          const read = readAsServer(bodyBytes(b, "", before.version), b.contentType);
          const targets = "value" in read && isObject(read.value) ? read.value.targets : undefined;
          const refusedResponsible =
            isObject(targets) &&
            Object.values(targets).some(
              (t) => isObject(t) && typeof t.responsible === "string" && refusedText(t.responsible.trim()),
            );
          if (refusedResponsible && r.status !== 429)
            expect(r.status, `a refused responsible\n${context}\n→ ${r.text.slice(0, 200)}`).toBe(422);
          const after = await (await request.get(`/api/assessments/${token}/targets`)).json();
          if (r.status === 200) {
            accepted += 1;
            expect(after.version, context).toBe(before.version + 1);
          } else expect(after, `nothing changed\n${context}`).toEqual(before);
        },
      ),
      { ...FC_OPTIONS, numRuns: 60 },
    );
  } finally {
    runLog(`PUT /api/assessments/{token}/targets (${accepted} accepted)`, cases, 60, pool.clients);
    await pool.dispose();
  }
});

test("POST …/follow-up and GET …/history: hostile tokens and bodies never cause a 5xx; a draft gets no follow-up", async ({
  playwright,
  baseURL,
  request,
}) => {
  const name = uniqueName("Folgeangriff");
  const { token } = await createAssessment(request, validProfile(name));
  const pool = new ClientPool(
    (ip) => playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": ip } }),
    15,
  );
  let cases = 0;
  try {
    await fc.assert(
      fc.asyncProperty(
        fc
          .tuple(fc.oneof({ weight: 2, arbitrary: tokenSegments(token) }, fc.constant(token)), hostileOrNoBody)
          .map(([seg, body]) =>
            describable({ seg, body }, (c) => `${c.seg.slice(0, 120)} ${c.body ? describeBody(c.body) : "(no body)"}`),
          ),
        async ({ seg, body }) => {
          cases += 1;
          const context = `follow-up #${cases}: ${seg.slice(0, 200)}${body ? `, ${describeBody(body)}` : ""}`;
          const found = decode(seg) === token;
          const ctx = await pool.next();
          const r = await send(
            ctx,
            "POST",
            `/api/assessments/${seg}/follow-up`,
            body ? { bytes: bodyBytes(body, ""), contentType: body.contentType } : undefined,
          );
          expectWellFormed(r, found ? [409, 429] : [400, 404, 429], context);
          const h = await send(ctx, "GET", `/api/assessments/${seg}/history`);
          expectWellFormed(h, found ? [200, 429] : [400, 404, 429], context);
          expect(await countAssessmentsNamed(name), `nothing created\n${context}`).toBe(1);
        },
      ),
      { ...FC_OPTIONS, numRuns: 40 },
    );
  } finally {
    runLog("POST /api/assessments/{token}/follow-up", cases, 40, pool.clients);
    await pool.dispose();
  }
});
